package io.bridgescope.devnet;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.concurrent.Threads;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
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
  private final SystemCaller system;
  private final Checkpointer checkpointer;
  private final Relayer relayer;
  private final NativeLedger nativeLedger;
  private final java.util.concurrent.locks.ReentrantLock trafficLock =
      new java.util.concurrent.locks.ReentrantLock();
  private volatile boolean trafficPaused;
  private final DemoTraffic traffic;
  private final DevnetAssets assets;
  private final AssetTraffic assetTraffic;
  private final MintableTraffic mintableTraffic;
  private final MintableMultiTraffic mintableMultiTraffic;
  private final List<ScheduledExecutorService> loops = new ArrayList<>();
  private final Map<String, String> loopErrors = new ConcurrentHashMap<>();
  private final long startupMillis;
  private volatile @Nullable String failure;
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
      mineHistory(r.rpcUrl(), config.rootHistory(), progress);
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
      this.assets = new AssetDeployer(root, child, accounts.get(0)).deploy(contracts);
      child.rpc("evm_setIntervalMining", List.of(config.childBlockTime().toSeconds()));
      SystemCaller system = new SystemCaller(child);
      this.system = system;
      this.committer = new Committer(root, child, system, contracts, validators, cache, config);
      this.checkpointer =
          new Checkpointer(root, child, system, contracts, validators, config, accounts.get(8));
      this.relayer = new Relayer(child, contracts, cache, accounts.get(9), config.relayerPaused());
      this.nativeLedger = new NativeLedger(child);
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
      this.assetTraffic =
          new AssetTraffic(root, child, contracts, assets, accounts.get(0), accounts.subList(1, 6));
      this.mintableTraffic =
          new MintableTraffic(root, child, assets, accounts.get(0), accounts.subList(1, 6));
      this.mintableMultiTraffic =
          new MintableMultiTraffic(root, child, assets, accounts.get(0), accounts.subList(1, 6));
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

  /**
   * Mines {@code blocks} empty root blocks, in chunks that each finish well within a call timeout
   * (anvil mines a few hundred blocks a second on a busy machine).
   */
  private static void mineHistory(java.net.URI rootUrl, long blocks, Consumer<String> progress) {
    if (blocks <= 0) {
      return;
    }
    // its own client: on a busy machine one chunk can take far longer than an ordinary call
    try (ChainClient root =
        new ChainClient(
            "root",
            rootUrl,
            new io.bridgescope.core.chain.RpcTimeouts(
                Duration.ofSeconds(5), Duration.ofSeconds(300)))) {
      mine(root, blocks, progress);
    }
  }

  private static void mine(ChainClient root, long blocks, Consumer<String> progress) {
    progress.accept("mining " + blocks + " empty root blocks (--root-history)");
    long done = 0;
    long lastReport = System.nanoTime();
    while (done < blocks) {
      long n = Math.min(HISTORY_CHUNK, blocks - done);
      root.rpc("anvil_mine", List.of("0x" + Long.toHexString(n)));
      done += n;
      if (System.nanoTime() - lastReport > 10_000_000_000L) {
        progress.accept("mined " + done + " of " + blocks + " empty root blocks");
        lastReport = System.nanoTime();
      }
    }
  }

  private static final long HISTORY_CHUNK = 200;

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
    loop("devnet-native-ledger", Duration.ofMillis(250), nativeLedger::tick);
    if (!config.trafficInterval().isZero()) {
      java.util.concurrent.atomic.AtomicLong assetRound =
          new java.util.concurrent.atomic.AtomicLong();
      // One thread for both, so demo users never send two root transactions at once.
      loop(
          "devnet-traffic",
          config.trafficInterval(),
          () -> {
            trafficLock.lock();
            try {
              if (trafficPaused) {
                return;
              }
              traffic.tick();
              long round = assetRound.getAndIncrement();
              assetTraffic.tick(round);
              mintableTraffic.tick(round);
              mintableMultiTraffic.tick(round);
            } finally {
              trafficLock.unlock();
            }
          });
    }
    loop(
        "devnet-health",
        Duration.ofSeconds(1),
        () -> {
          checkHealth();
          forgetHandledStateSyncs();
        });
    if (!config.reorgEvery().isZero()) {
      loop("devnet-reorg", config.reorgEvery(), this::scheduledReorg);
    }
  }

  private void loop(String name, Duration every, Runnable task) {
    ScheduledExecutorService ex = Threads.scheduled(name);
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

  /** Keeps the state sync cache bounded: what both the committer and the relayer are done with. */
  private void forgetHandledStateSyncs() {
    cache.forgetBelow(committer.neededFrom.min(relayer.neededFrom));
  }

  /** Null while healthy; otherwise what broke. */
  public @Nullable String failure() {
    return failure;
  }

  public DevnetConfig config() {
    return config;
  }

  public DevnetContracts contracts() {
    return contracts;
  }

  /** The ERC-721 / ERC-1155 bridges and the demo tokens of every kind. */
  public DevnetAssets assets() {
    return assets;
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
        .rootErc721Predicate(assets.rootErc721Predicate())
        .rootErc1155Predicate(assets.rootErc1155Predicate())
        .contract("childMintableErc20Predicate", assets.childMintableErc20Predicate())
        .contract("childMintableErc721Predicate", assets.childMintableErc721Predicate())
        .contract("childMintableErc1155Predicate", assets.childMintableErc1155Predicate())
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

  /**
   * Pauses (or resumes) the demo traffic. Returns once no traffic step is running, so no demo user
   * sends a transaction after a pause (a test then uses a demo user's key without nonce races).
   */
  public void setTrafficPaused(boolean paused) {
    trafficLock.lock();
    try {
      trafficPaused = paused;
    } finally {
      trafficLock.unlock();
    }
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
  public java.time.@Nullable Instant lastCheckpointSubmittedAt() {
    return checkpointer.lastSubmittedAt;
  }

  /** How many scheduled reorgs the fault knob made. */
  public long reorgCount() {
    return reorgs.get();
  }

  /** The solvency fault knobs: mints on the child with no deposit behind them. */
  public UnbackedMints unbacked() {
    return new UnbackedMints(child, system, contracts, assets);
  }

  /** The ERC-20 solvency fault knob ({@link UnbackedMints#erc20}); returns the mint's block. */
  public long mintUnbacked(Address to, java.math.BigInteger amount) {
    return unbacked().erc20(to, amount);
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

  /**
   * The submissions the fault knobs made that the root rejected (receipt status 0), each with the
   * reason its eth_call gave before it was sent: what an index of the root must find.
   */
  public Map<io.bridgescope.core.model.Hash32, String> rejectedSubmissions() {
    Map<io.bridgescope.core.model.Hash32, String> out = new java.util.LinkedHashMap<>();
    checkpointer.rejected.forEach(r -> out.put(r.tx(), r.reason()));
    return out;
  }

  /**
   * Exits the demo sent on the child, of every kind: the ERC-20 withdrawals, the other assets'
   * withdrawals, the child-native tokens' deposits and their MAP_TOKEN messages (the checkpointed
   * and exited counts include them all, so "exited N of M sent" compares like with like).
   */
  private long exitsSent() {
    return traffic.withdrawals.get()
        + assetTraffic.withdrawals.get()
        + mintableTraffic.deposits.get()
        + mintableTraffic.maps.get()
        + mintableMultiTraffic.deposits.get()
        + mintableMultiTraffic.maps.get();
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
      exitsCheckpointed += a.exitCount();
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
        exitsSent(),
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
