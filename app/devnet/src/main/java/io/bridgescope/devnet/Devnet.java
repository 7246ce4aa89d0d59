package io.bridgescope.devnet;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default network: two anvil chains with the bridge deployed, a validator simulator, a
 * relayer and demo traffic. {@link #close()} stops everything it started.
 */
public final class Devnet implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);
  private static final long VALIDATOR_SEED = 0xB51D6E5C0FEL;

  private final DevnetConfig config;
  private final AnvilNode rootNode;
  private final AnvilNode childNode;
  private final ChainClient root;
  private final ChainClient child;
  private final DevnetContracts contracts;
  private final ValidatorSimulator validators;
  private final StateSyncCache cache = new StateSyncCache();
  private final Committer committer;
  private final Checkpointer checkpointer;
  private final Relayer relayer;
  private final DemoTraffic traffic;
  private final List<ScheduledExecutorService> loops = new ArrayList<>();
  private final Map<String, String> loopErrors = new ConcurrentHashMap<>();
  private final long startupMillis;
  private volatile String failure;
  private volatile boolean closing;
  private final java.util.concurrent.atomic.AtomicLong reorgs =
      new java.util.concurrent.atomic.AtomicLong();

  private Devnet(DevnetConfig config, DevnetHome home, Path workDir, Consumer<String> progress) {
    long t0 = System.nanoTime();
    this.config = config;
    Path anvil = home.anvilBinary();
    progress.accept("starting root and child chains (anvil)");
    AnvilNode r =
        AnvilNode.start(
            anvil,
            "root",
            DevnetConfig.ROOT_CHAIN_ID,
            workDir,
            config.rootPruned() ? List.of("--prune-history") : List.of());
    AnvilNode c;
    try {
      c = AnvilNode.start(anvil, "child", DevnetConfig.CHILD_CHAIN_ID, workDir);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    this.rootNode = r;
    this.childNode = c;
    this.root = new ChainClient("root", r.rpcUrl());
    this.child = new ChainClient("child", c.rpcUrl());
    try {
      List<Address> accounts = DevAccounts.of(root);
      progress.accept("creating " + config.validators() + " validators (BN254 BLS keys)");
      this.validators =
          new ValidatorSimulator(
              new Bn254EdgeScheme(),
              config.validators(),
              config.offlineValidators(),
              VALIDATOR_SEED);
      progress.accept("deploying bridge contracts");
      this.contracts =
          new Deployer(root, child, accounts.get(0), validators, config.epochSize()).deploy();
      child.rpc("evm_setIntervalMining", List.of(config.childBlockTime().toSeconds()));
      SystemCaller system = new SystemCaller(child);
      this.committer = new Committer(root, child, system, contracts, validators, cache, config);
      this.checkpointer =
          new Checkpointer(root, child, system, contracts, validators, config, accounts.get(8));
      this.relayer = new Relayer(child, contracts, cache, accounts.get(9), config.relayerPaused());
      this.traffic =
          new DemoTraffic(
              root,
              child,
              contracts,
              accounts.get(0),
              accounts.subList(1, 6),
              accounts.get(7),
              checkpointer,
              config.autoExit());
      if (!config.trafficInterval().isZero()) {
        progress.accept("funding demo accounts");
        traffic.fund();
      }
    } catch (RuntimeException e) {
      closeNodes();
      throw e;
    }
    this.startupMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  /** Starts the chains, deploys, and starts the simulator loops. */
  public static Devnet start(
      DevnetConfig config, DevnetHome home, Path workDir, Consumer<String> progress) {
    Devnet d = new Devnet(config, home, workDir, progress);
    d.startLoops();
    progress.accept("devnet up in " + d.startupMillis + " ms");
    return d;
  }

  private void startLoops() {
    loop("devnet-committer", Duration.ofMillis(500), committer::tick);
    loop("devnet-checkpointer", Duration.ofMillis(500), checkpointer::tick);
    loop("devnet-relayer", Duration.ofMillis(500), relayer::tick);
    if (!config.trafficInterval().isZero()) {
      loop("devnet-traffic", config.trafficInterval(), traffic::tick);
    }
    loop("devnet-health", Duration.ofSeconds(1), this::checkHealth);
    if (!config.reorgEvery().isZero()) {
      loop("devnet-reorg", config.reorgEvery(), this::scheduledReorg);
    }
  }

  private void loop(String name, Duration every, Runnable task) {
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            run -> {
              Thread t = new Thread(run, name);
              t.setDaemon(true);
              return t;
            });
    ex.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
            loopErrors.remove(name);
          } catch (RuntimeException e) {
            if (closing || !rootNode.isAlive() || !childNode.isAlive()) {
              return; // shutting down, or checkHealth reports the crash
            }
            loopErrors.put(name, e.getMessage());
            LOG.warn("{}: {}", name, e.getMessage());
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    loops.add(ex);
  }

  private void checkHealth() {
    if (failure == null && !rootNode.isAlive()) {
      failure = "the root chain (anvil) stopped unexpectedly; see " + rootNode.logFile();
    }
    if (failure == null && !childNode.isAlive()) {
      failure = "the child chain (anvil) stopped unexpectedly; see " + childNode.logFile();
    }
  }

  /** Null while healthy; otherwise what broke. */
  public String failure() {
    return failure;
  }

  public DevnetConfig config() {
    return config;
  }

  public DevnetContracts contracts() {
    return contracts;
  }

  public ChainClient root() {
    return root;
  }

  public ChainClient child() {
    return child;
  }

  public AnvilNode rootNode() {
    return rootNode;
  }

  public AnvilNode childNode() {
    return childNode;
  }

  public ValidatorSimulator validators() {
    return validators;
  }

  /** A network profile pointing Bridgescope at this devnet. */
  public NetworkProfile profile() {
    return NetworkProfile.builder()
        .name("devnet")
        .rootChainId(DevnetConfig.ROOT_CHAIN_ID)
        .rootRpcUrls(List.of(rootNode.rpcUrl()))
        .rootStartBlock(0)
        .childChainId(DevnetConfig.CHILD_CHAIN_ID)
        .childRpcUrls(List.of(childNode.rpcUrl()))
        .childStartBlock(0)
        .stateSender(contracts.stateSender())
        .checkpointManager(contracts.checkpointManager())
        .exitHelper(contracts.exitHelper())
        .rootErc20Predicate(contracts.rootPredicate())
        .stateReceiver(contracts.stateReceiver())
        .l2StateSender(contracts.l2StateSender())
        .childErc20Predicate(contracts.childPredicate())
        .validatorSet(contracts.validatorSet())
        .epochSize(config.epochSize())
        .confirmations(12)
        .build();
  }

  /** Time from starting anvil to contracts deployed and demo accounts funded. */
  public long startupMillis() {
    return startupMillis;
  }

  public void setRelayerPaused(boolean paused) {
    relayer.setPaused(paused);
  }

  private boolean firstReorgTick = true;

  /** The reorg fault knob; the first tick comes at start, so it is skipped. */
  private void scheduledReorg() {
    if (firstReorgTick) {
      firstReorgTick = false;
      return;
    }
    // Only blocks above the last checkpoint are reorganised: checkpointed blocks are final on
    // Edge, and a root checkpoint of a block that no longer exists would be a different fault.
    long head = child.blockNumber();
    long depth = Math.min(config.reorgDepth(), head - checkpointer.lastCheckpointBlock() - 1);
    if (depth >= 1) {
      reorgChild((int) depth);
      reorgs.incrementAndGet();
      LOG.info("child chain reorganised: last {} blocks replaced", depth);
    }
  }

  /** Child blocks of the checkpoints accepted on the root, in submission order. */
  public List<Long> checkpointBlocks() {
    return checkpointer.accepted.stream().map(Checkpointer.Accepted::blockNumber).toList();
  }

  /** When the last accepted checkpoint was submitted (null before the first). */
  public java.time.Instant lastCheckpointSubmittedAt() {
    return checkpointer.lastSubmittedAt;
  }

  /** How many scheduled reorgs the fault knob made. */
  public long reorgCount() {
    return reorgs.get();
  }

  /** Rewrites the last {@code depth} child blocks (anvil_reorg), for reorg handling tests. */
  public void reorgChild(int depth) {
    long head = child.blockNumber();
    child.rpc("anvil_reorg", List.of(depth, List.of()));
    // The simulator forgets what it read from the replaced blocks and reads them again.
    long keep = head - depth;
    checkpointer.rewindTo(keep);
    relayer.rewindTo(keep);
  }

  public List<Checkpointer.Rejected> rejectedCheckpoints() {
    return List.copyOf(checkpointer.rejected);
  }

  public DevnetStatus status() {
    String health = failure;
    if (health == null) {
      health = loopErrors.isEmpty() ? "ok" : "retrying: " + String.join("; ", loopErrors.values());
    }
    long exitsCheckpointed = 0;
    Map<Long, Checkpointer.Accepted> latest = new java.util.TreeMap<>();
    for (Checkpointer.Accepted a : checkpointer.accepted) {
      latest.put(a.epoch(), a);
    }
    for (Checkpointer.Accepted a : latest.values()) {
      exitsCheckpointed += a.exits().size();
    }
    long rootHead = safe(root::blockNumber);
    long childHead = safe(child::blockNumber);
    long committed = safe(() -> committer.lastCommittedId().longValueExact());
    return new DevnetStatus(
        rootHead,
        childHead,
        cache.maxId().longValueExact(),
        committed,
        relayer.executed.get(),
        traffic.withdrawals.get(),
        exitsCheckpointed,
        traffic.exited.get(),
        committer.commitments.get(),
        checkpointer.accepted.size(),
        committer.lastCommitGas.get(),
        checkpointer.lastSubmitGas.get(),
        checkpointer.rejected.stream()
            .map(r -> "epoch " + r.epoch() + " " + r.fault() + ": " + r.reason())
            .toList(),
        health);
  }

  private static long safe(java.util.function.LongSupplier s) {
    try {
      return s.getAsLong();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Override
  public void close() {
    closing = true;
    loops.forEach(ScheduledExecutorService::shutdownNow);
    for (ScheduledExecutorService ex : loops) {
      try {
        ex.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    root.close();
    child.close();
    closeNodes();
  }

  private void closeNodes() {
    childNode.close();
    rootNode.close();
  }
}
