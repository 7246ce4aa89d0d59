package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.config.DataDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path data;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void versionNamesTheProductAndJava() {
    Run r = run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Bridgescope 0.1.0").contains("Java ");
  }

  @Test
  void anUnknownNetworkIsAClearErrorNotAStackTrace() {
    Run r = run("status", "--network", data.resolve("nope.json").toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("network").contains("nope.json").doesNotContain("Exception");
  }

  @Test
  void aMissingDevnetProfileSaysHowToStartIt() {
    DataDir d = new DataDir(data);
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() -> d.profile("devnet")).getMessage())
        .contains("./bridgescope demo");
  }
}
