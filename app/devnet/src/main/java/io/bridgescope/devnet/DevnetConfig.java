package io.bridgescope.devnet;

import java.time.Duration;

/**
 * How the embedded devnet behaves, including the fault knobs that give the explorer something to
 * diagnose. Defaults make a brisk, healthy bridge.
 *
 * @param validators number of BN254 validators (1..200)
 * @param offlineValidators how many of them (the last ones) never sign
 * @param commitEvery commit as soon as this many state syncs wait
 * @param commitInterval or when the oldest waiting sync is this old
 * @param epochSize child blocks per epoch (checkpoint at each epoch end)
 * @param midEpochCheckpoints also checkpoint half way through an epoch
 * @param childBlockTime child block interval
 * @param trafficInterval pause between demo deposit/withdraw rounds; zero disables traffic
 * @param relayerPaused the relayer does not execute (deposits stay committed, not executed)
 * @param belowQuorumEvery every n-th checkpoint is first sent signed below quorum (0: never)
 * @param wrongDomainEvery every n-th checkpoint is first sent signed with the wrong domain
 * @param lateCheckpointDelay extra delay before each checkpoint
 * @param autoExit the demo accounts also exit their checkpointed withdrawals on the root
 * @param commitmentFaults bad commitments the validators commit on the child (accepted on chain)
 * @param reorgEvery how often the child chain is reorganised (anvil_reorg); zero: never
 * @param reorgDepth how many child blocks each such reorg replaces
 * @param rootPruned the root anvil keeps no historical state ({@code --prune-history}), like an
 *     ordinary non-archive node: calls at old blocks fail with BlockOutOfRangeError
 * @param rootHistory empty root blocks mined ({@code anvil_mine}) before anything is deployed: a
 *     long, sparse history like a production root chain's, for catch-up tests and bench/
 */
public record DevnetConfig(
    int validators,
    int offlineValidators,
    int commitEvery,
    Duration commitInterval,
    int epochSize,
    boolean midEpochCheckpoints,
    Duration childBlockTime,
    Duration trafficInterval,
    boolean relayerPaused,
    int belowQuorumEvery,
    int wrongDomainEvery,
    Duration lateCheckpointDelay,
    boolean autoExit,
    CommitmentFaults commitmentFaults,
    Duration reorgEvery,
    int reorgDepth,
    boolean rootPruned,
    long rootHistory) {

  public static final long ROOT_CHAIN_ID = 31337;
  public static final long CHILD_CHAIN_ID = 31338;

  /** anvil mines a few hundred empty blocks a second; more would take hours. */
  public static final long MAX_ROOT_HISTORY = 10_000_000;

  /**
   * Commitments the child accepts although they are bad, because StateReceiver checks only the
   * aggregate signature against the keys it is given (docs/protocol.md, "Deposit"). Each knob
   * counts commitments from 1 and applies on its own, so two may hit the same commitment.
   *
   * @param wrongRootEvery every n-th commitment carries a root that is not the range's tree (0:
   *     never); the relayer cannot execute its state syncs, which stay committed
   * @param nonValidatorEvery every n-th commitment is also signed by a BLS key outside the set
   * @param belowQuorumEvery every n-th commitment is signed by validators holding <= 2/3 power
   */
  public record CommitmentFaults(int wrongRootEvery, int nonValidatorEvery, int belowQuorumEvery) {

    public static final CommitmentFaults NONE = new CommitmentFaults(0, 0, 0);

    public CommitmentFaults {
      if (wrongRootEvery < 0 || nonValidatorEvery < 0 || belowQuorumEvery < 0) {
        throw new IllegalArgumentException("commitment fault periods must be >= 0 (0: never)");
      }
    }

    static boolean hits(int every, long n) {
      return every > 0 && n % every == 0;
    }

    public boolean wrongRoot(long n) {
      return hits(wrongRootEvery, n);
    }

    public boolean nonValidator(long n) {
      return hits(nonValidatorEvery, n);
    }

    public boolean belowQuorum(long n) {
      return hits(belowQuorumEvery, n);
    }
  }

  public DevnetConfig {
    if (commitmentFaults == null) {
      commitmentFaults = CommitmentFaults.NONE;
    }
    if (validators < 1 || validators > 200) {
      throw new IllegalArgumentException("validators: must be 1..200, got " + validators);
    }
    if (offlineValidators < 0 || offlineValidators >= validators) {
      throw new IllegalArgumentException(
          "offline validators: must be 0.." + (validators - 1) + ", got " + offlineValidators);
    }
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commit-every: must be at least 1");
    }
    if (reorgDepth < 1 || reorgDepth > 64) {
      throw new IllegalArgumentException("reorg depth: must be 1..64, got " + reorgDepth);
    }
    if (rootHistory < 0 || rootHistory > MAX_ROOT_HISTORY) {
      throw new IllegalArgumentException(
          "root history: must be 0.." + MAX_ROOT_HISTORY + " blocks, got " + rootHistory);
    }
    if (epochSize < 4) {
      throw new IllegalArgumentException("epoch size: must be at least 4 blocks");
    }
  }

  public static DevnetConfig defaults() {
    return new Builder().build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public DevnetConfig withValidators(int n, int offline) {
    return toBuilder().validators(n).offlineValidators(offline).build();
  }

  public DevnetConfig withFaults(
      boolean relayerPaused, int belowQuorumEvery, int wrongDomainEvery, Duration late) {
    return toBuilder()
        .relayerPaused(relayerPaused)
        .belowQuorumEvery(belowQuorumEvery)
        .wrongDomainEvery(wrongDomainEvery)
        .lateCheckpointDelay(late)
        .build();
  }

  public DevnetConfig withTraffic(Duration interval, boolean autoExit, boolean midEpoch) {
    return toBuilder()
        .trafficInterval(interval)
        .autoExit(autoExit)
        .midEpochCheckpoints(midEpoch)
        .build();
  }

  public DevnetConfig withCommitmentFaults(CommitmentFaults faults) {
    return toBuilder().commitmentFaults(faults).build();
  }

  /** Starts from the healthy defaults; {@link #build()} validates. */
  public static final class Builder {
    private int validators = 4;
    private int offlineValidators;
    private int commitEvery = 8;
    private Duration commitInterval = Duration.ofSeconds(3);
    private int epochSize = 10;
    private boolean midEpochCheckpoints;
    private Duration childBlockTime = Duration.ofSeconds(1);
    private Duration trafficInterval = Duration.ofMillis(400);
    private boolean relayerPaused;
    private int belowQuorumEvery;
    private int wrongDomainEvery;
    private Duration lateCheckpointDelay = Duration.ZERO;
    private boolean autoExit = true;
    private CommitmentFaults commitmentFaults = CommitmentFaults.NONE;
    private Duration reorgEvery = Duration.ZERO;
    private int reorgDepth = 3;
    private boolean rootPruned;
    private long rootHistory;

    public Builder() {}

    Builder(DevnetConfig c) {
      validators = c.validators;
      offlineValidators = c.offlineValidators;
      commitEvery = c.commitEvery;
      commitInterval = c.commitInterval;
      epochSize = c.epochSize;
      midEpochCheckpoints = c.midEpochCheckpoints;
      childBlockTime = c.childBlockTime;
      trafficInterval = c.trafficInterval;
      relayerPaused = c.relayerPaused;
      belowQuorumEvery = c.belowQuorumEvery;
      wrongDomainEvery = c.wrongDomainEvery;
      lateCheckpointDelay = c.lateCheckpointDelay;
      autoExit = c.autoExit;
      commitmentFaults = c.commitmentFaults;
      reorgEvery = c.reorgEvery;
      reorgDepth = c.reorgDepth;
      rootPruned = c.rootPruned;
      rootHistory = c.rootHistory;
    }

    /** Mine {@code blocks} empty root blocks before deploying (a long, sparse history). */
    public Builder rootHistory(long blocks) {
      rootHistory = blocks;
      return this;
    }

    /** The root node keeps no historical state (a non-archive node). */
    public Builder rootPruned(boolean v) {
      rootPruned = v;
      return this;
    }

    /** Reorganise the last {@code depth} child blocks every {@code every} (zero: never). */
    public Builder reorgs(Duration every, int depth) {
      reorgEvery = every;
      reorgDepth = depth;
      return this;
    }

    public Builder validators(int v) {
      validators = v;
      return this;
    }

    public Builder offlineValidators(int v) {
      offlineValidators = v;
      return this;
    }

    public Builder commitEvery(int v) {
      commitEvery = v;
      return this;
    }

    public Builder commitInterval(Duration v) {
      commitInterval = v;
      return this;
    }

    public Builder epochSize(int v) {
      epochSize = v;
      return this;
    }

    public Builder midEpochCheckpoints(boolean v) {
      midEpochCheckpoints = v;
      return this;
    }

    public Builder childBlockTime(Duration v) {
      childBlockTime = v;
      return this;
    }

    public Builder trafficInterval(Duration v) {
      trafficInterval = v;
      return this;
    }

    public Builder relayerPaused(boolean v) {
      relayerPaused = v;
      return this;
    }

    public Builder belowQuorumEvery(int v) {
      belowQuorumEvery = v;
      return this;
    }

    public Builder wrongDomainEvery(int v) {
      wrongDomainEvery = v;
      return this;
    }

    public Builder lateCheckpointDelay(Duration v) {
      lateCheckpointDelay = v;
      return this;
    }

    public Builder autoExit(boolean v) {
      autoExit = v;
      return this;
    }

    public Builder commitmentFaults(CommitmentFaults v) {
      commitmentFaults = v;
      return this;
    }

    public DevnetConfig build() {
      return new DevnetConfig(
          validators,
          offlineValidators,
          commitEvery,
          commitInterval,
          epochSize,
          midEpochCheckpoints,
          childBlockTime,
          trafficInterval,
          relayerPaused,
          belowQuorumEvery,
          wrongDomainEvery,
          lateCheckpointDelay,
          autoExit,
          commitmentFaults,
          reorgEvery,
          reorgDepth,
          rootPruned,
          rootHistory);
    }
  }
}
