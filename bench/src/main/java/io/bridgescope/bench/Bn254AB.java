package io.bridgescope.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two versions of the BN254 code in one JVM (bench/bn254-ab.sh): each loaded by its own class
 * loader, the same workloads called alternately, each call timed in thread CPU time, medians
 * compared. On a busy machine this gives a ratio that the load shifts far less than two separate
 * JMH runs would.
 *
 * <p>{@code Bn254AB label=dir[:dir] label=dir[:dir] [rounds]}; each dir set holds the compiled
 * {@code io.bridgescope.crypto.bn254} package and {@code Bn254Work}. A label ending in {@code
 * +signed} runs its copy without {@code Math.unsignedMultiplyHigh}.
 */
public final class Bn254AB {

  private static final int CALLS = 40;
  private static volatile Object sink;

  private Bn254AB() {}

  public static void main(String[] args) throws Exception {
    List<String> labels = new ArrayList<>();
    List<Object> works = new ArrayList<>();
    List<Method> runs = new ArrayList<>();
    String[] names = null;
    int rounds = 5;
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        rounds = Integer.parseInt(a);
        continue;
      }
      String[] dirs = a.substring(eq + 1).split(":");
      URL[] urls = new URL[dirs.length];
      for (int i = 0; i < dirs.length; i++) {
        urls[i] = Path.of(dirs[i]).toUri().toURL();
      }
      ClassLoader cl = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
      Class<?> w = cl.loadClass("io.bridgescope.crypto.bn254.Bn254Work");
      String label = a.substring(0, eq);
      labels.add(label);
      // "name+signed": this copy's Montgomery class initializes without Math.unsignedMultiplyHigh,
      // so one JDK shows what the intrinsic is worth
      System.setProperty(
          "bridgescope.bn254.signedMultiplyHigh", String.valueOf(label.endsWith("+signed")));
      works.add(w.getConstructor().newInstance());
      System.clearProperty("bridgescope.bn254.signedMultiplyHigh");
      runs.add(w.getMethod("run", int.class));
      names = (String[]) w.getMethod("names").invoke(null);
    }
    if (labels.size() < 2) {
      System.err.println("usage: Bn254AB label=classes label=classes [rounds]");
      System.exit(2);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[][][] medians = new double[rounds][names.length][labels.size()];
    for (int round = 0; round < rounds; round++) {
      for (int op = 0; op < names.length; op++) {
        double[][] t = new double[labels.size()][CALLS];
        for (int k = 0; k < CALLS; k++) {
          for (int v = 0; v < labels.size(); v++) {
            long s = cpu.getCurrentThreadCpuTime();
            sink = runs.get(v).invoke(works.get(v), op);
            t[v][k] = (cpu.getCurrentThreadCpuTime() - s) / 1e6;
          }
        }
        for (int v = 0; v < labels.size(); v++) {
          Arrays.sort(t[v]);
          medians[round][op][v] = t[v][CALLS / 2];
        }
      }
    }
    // the first round warms the JIT; report the median of the others
    System.out.printf("%-18s", "median ms (CPU)");
    for (String l : labels) {
      System.out.printf(" %12s", l);
    }
    System.out.printf(" %12s", labels.get(0) + "/" + labels.get(1));
    if (labels.size() > 2) {
      System.out.printf(" %14s", labels.get(2) + "/" + labels.get(1));
    }
    System.out.println();
    for (int op = 0; op < names.length; op++) {
      System.out.printf("%-18s", names[op]);
      double[] m = new double[labels.size()];
      for (int v = 0; v < labels.size(); v++) {
        double[] r = new double[rounds - 1];
        for (int round = 1; round < rounds; round++) {
          r[round - 1] = medians[round][op][v];
        }
        Arrays.sort(r);
        m[v] = r[r.length / 2];
        System.out.printf(" %12.3f", m[v]);
      }
      System.out.printf(" %11.2fx", m[0] / m[1]);
      if (labels.size() > 2) {
        System.out.printf(" %13.2fx", m[2] / m[1]);
      }
      System.out.println();
    }
    System.out.println("Java " + Runtime.version());
  }
}
