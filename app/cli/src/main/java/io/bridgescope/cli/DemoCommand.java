package io.bridgescope.cli;

import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.devnet.DemoFlags;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import io.bridgescope.devnet.DevnetStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bridgescope demo}: the embedded devnet, with a live status table when headless. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start the embedded devnet (two anvil chains, bridge, validators, relayer, traffic).")
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--headless", description = "Print a live status table instead of the GUI.")
  boolean headless;

  @Option(names = "--duration", description = "Stop cleanly after this many seconds.")
  Long durationSeconds;

  @Option(names = "--validators", defaultValue = "4", description = "Validators (default 4).")
  int validators;

  @Option(names = "--offline", defaultValue = "0", description = "Validators that never sign.")
  int offline;

  @Option(names = "--epoch-size", defaultValue = "10", description = "Child blocks per epoch.")
  int epochSize;

  @Option(names = "--mid-epoch", description = "Also checkpoint half way through each epoch.")
  boolean midEpoch;

  @Option(names = "--relayer-paused", description = "The relayer does not execute deposits.")
  boolean relayerPaused;

  @Option(
      names = "--below-quorum-every",
      defaultValue = "0",
      description = "Every n-th checkpoint is first sent below quorum (rejected on chain).")
  int belowQuorumEvery;

  @Option(
      names = "--wrong-domain-every",
      defaultValue = "0",
      description = "Every n-th checkpoint is first sent signed with the wrong domain.")
  int wrongDomainEvery;

  @Option(
      names = "--late-checkpoint",
      defaultValue = "0",
      description = "Seconds to hold each checkpoint back.")
  long lateSeconds;

  @Option(
      names = "--wrong-root-every",
      defaultValue = "0",
      description = "Every n-th commitment carries a wrong root (accepted on chain).")
  int wrongRootEvery;

  @Option(
      names = "--non-validator-every",
      defaultValue = "0",
      description = "Every n-th commitment is also signed by a key outside the validator set.")
  int nonValidatorEvery;

  @Option(
      names = "--below-quorum-commit-every",
      defaultValue = "0",
      description = "Every n-th commitment is signed by validators with <= 2/3 of the power.")
  int belowQuorumCommitEvery;

  @Option(
      names = "--reorg-every",
      defaultValue = "0",
      description = "Reorganise the child chain every this many seconds (0: never).")
  long reorgEverySeconds;

  @Option(
      names = "--reorg-depth",
      defaultValue = "3",
      description = "Child blocks replaced by each reorg (1..64, default 3).")
  int reorgDepth;

  @Option(
      names = "--root-history",
      defaultValue = "0",
      description =
          "Mine this many empty root blocks before deploying: a long, sparse history to catch up"
              + " (anvil mines a few hundred a second).")
  long rootHistory;

  @Option(
      names = "--root-pruned",
      description =
          "Run the root anvil with --prune-history, like an ordinary non-archive provider:"
              + " calls at old blocks fail, and checkpoint submissions are found without them.")
  boolean rootPruned;

  @Option(names = "--no-traffic", description = "No demo deposits and withdrawals.")
  boolean noTraffic;

  @Option(
      names = "--require-progress",
      hidden = true,
      description = "Exit non-zero unless deposits were executed and exits checkpointed.")
  boolean requireProgress;

  @Option(names = "--interval", defaultValue = "2", description = "Seconds between status rows.")
  long interval;

  @Option(
      names = "--unbacked-mint-after",
      paramLabel = "S",
      description =
          "Solvency fault: S seconds in, mint 1 child token (10^18 units) with no deposit behind"
              + " it, through the system caller; `solvency` then reports the deficit.")
  Long unbackedMintAfter;

  /**
   * The devnet these options describe. The desktop app reads the same words with {@link DemoFlags}
   * (it cannot depend on this module); DemoFlagsAgreementTest keeps the two equal.
   */
  DevnetConfig config() {
    return DevnetConfig.defaults().toBuilder()
        .validators(validators)
        .offlineValidators(offline)
        .epochSize(epochSize)
        .midEpochCheckpoints(midEpoch)
        .relayerPaused(relayerPaused)
        .belowQuorumEvery(belowQuorumEvery)
        .wrongDomainEvery(wrongDomainEvery)
        .lateCheckpointDelay(Duration.ofSeconds(lateSeconds))
        .trafficInterval(noTraffic ? Duration.ZERO : Duration.ofMillis(400))
        .reorgs(Duration.ofSeconds(reorgEverySeconds), reorgDepth)
        .rootHistory(rootHistory)
        .rootPruned(rootPruned)
        .commitmentFaults(
            new DevnetConfig.CommitmentFaults(
                wrongRootEvery, nonValidatorEvery, belowQuorumCommitEvery))
        .build();
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (!headless) {
      out.println(
          "This command runs the devnet headless; `./bridgescope demo` opens the desktop app when"
              + " a display is available (use --headless to silence this).");
    }
    DevnetConfig cfg = config();
    Path work = Files.createTempDirectory("bridgescope-devnet-");
    CountDownLatch stop = new CountDownLatch(1);
    Devnet devnet =
        Devnet.start(cfg, DevnetHome.locate(), work, msg -> out.println("devnet: " + msg));
    DemoIndex index;
    try {
      index = DemoIndex.start(devnet, DataDir.standard(), out);
    } catch (IOException | RuntimeException e) {
      devnet.close();
      throw e;
    }
    Thread hook =
        Threads.shutdownHook(
            "devnet-shutdown",
            () -> {
              stop.countDown();
              index.close();
              devnet.close();
            });
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(
        "root  RPC " + devnet.rootNode().rpcUrl() + " (chain " + DevnetConfig.ROOT_CHAIN_ID + ")");
    out.println(
        "child RPC "
            + devnet.childNode().rpcUrl()
            + " (chain "
            + DevnetConfig.CHILD_CHAIN_ID
            + ")");
    out.println(DevnetStatus.header() + " | index lag root/child");
    long deadline =
        durationSeconds == null
            ? Long.MAX_VALUE
            : System.nanoTime() + durationSeconds * 1_000_000_000L;
    DevnetStatus last = null;
    int rejectionsShown = 0;
    long started = System.nanoTime();
    boolean minted = false;
    while (System.nanoTime() < deadline) {
      if (!minted
          && unbackedMintAfter != null
          && System.nanoTime() - started >= unbackedMintAfter * 1_000_000_000L) {
        minted = true;
        long block =
            devnet.mintUnbacked(
                io.bridgescope.core.model.Address.ofLow(0xbad), java.math.BigInteger.TEN.pow(18));
        out.println("fault knob: 10^18 child token units minted unbacked in child block " + block);
      }
      if (stop.await(
          Math.max(1, Math.min(interval, (deadline - System.nanoTime()) / 1_000_000_000L + 1)),
          TimeUnit.SECONDS)) {
        break;
      }
      last = devnet.status();
      out.println(last.row() + index.lagText());
      for (; rejectionsShown < last.rejections().size(); rejectionsShown++) {
        out.println("  rejected on chain as intended: " + last.rejections().get(rejectionsShown));
      }
      if (devnet.failure() != null) {
        out.println("devnet failed: " + devnet.failure());
        Runtime.getRuntime().removeShutdownHook(hook);
        index.close();
        devnet.close();
        return 2;
      }
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    last = devnet.status();
    index.close();
    devnet.close();
    out.printf(
        "stopped. deposits executed %d of %d sent; exits checkpointed %d, exited %d of %d sent;"
            + " gas per commitment %d, per checkpoint %d%n",
        last.syncsExecuted(),
        last.syncsSent(),
        last.exitsCheckpointed(),
        last.exitsExited(),
        last.exitsSent(),
        last.lastCommitGas(),
        last.lastCheckpointGas());
    if (requireProgress && (last.syncsExecuted() == 0 || last.exitsCheckpointed() == 0)) {
      out.println("no progress: expected executed deposits and checkpointed exits");
      return 1;
    }
    return 0;
  }
}
