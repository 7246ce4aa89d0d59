package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.proof.ExitProof;
import io.bridgescope.core.proof.StateSyncProof;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Merkle roots a review's proofs were built against, taken from the local index at export time
 * (and compared with the chain there). An exported file carries them so the offline signer can
 * check every proof in the calldata: a leaf changed after export (another receiver) then no longer
 * reaches the root.
 */
public record IndexSnapshot(List<ExitRoot> exits, List<CommitmentRoot> commitments) {

  public static final IndexSnapshot NONE = new IndexSnapshot(List.of(), List.of());

  /** The exit tree root an exit's proof leads to, and the checkpoint block that stores it. */
  public record ExitRoot(
      BigInteger exitId, long epoch, long checkpointBlock, Hash32 root, boolean checkedOnChain) {
    public ExitRoot {
      Objects.requireNonNull(exitId, "exitId");
      Objects.requireNonNull(root, "root");
    }

    static ExitRoot of(ExitProof p) {
      return new ExitRoot(p.exitId(), p.epoch(), p.checkpointBlock(), p.root(), p.checkedOnChain());
    }
  }

  /** A state-sync commitment: ids {@code startId..endId} and their tree's root. */
  public record CommitmentRoot(
      BigInteger startId, BigInteger endId, Hash32 root, boolean checkedOnChain) {
    public CommitmentRoot {
      Objects.requireNonNull(startId, "startId");
      Objects.requireNonNull(endId, "endId");
      Objects.requireNonNull(root, "root");
      if (endId.compareTo(startId) < 0) {
        throw new IllegalArgumentException("commitment: endId " + endId + " < startId " + startId);
      }
    }

    static CommitmentRoot of(StateSyncProof p) {
      return new CommitmentRoot(
          p.commitment().startId(),
          p.commitment().endId(),
          p.commitment().root(),
          p.checkedOnChain());
    }

    boolean covers(BigInteger id) {
      return id.compareTo(startId) >= 0 && id.compareTo(endId) <= 0;
    }
  }

  public IndexSnapshot {
    exits = List.copyOf(exits);
    commitments = List.copyOf(commitments);
  }

  static IndexSnapshot ofExits(List<ExitProof> proofs) {
    return new IndexSnapshot(proofs.stream().map(ExitRoot::of).toList(), List.of());
  }

  static IndexSnapshot ofCommitment(StateSyncProof p) {
    return new IndexSnapshot(List.of(), List.of(CommitmentRoot.of(p)));
  }

  public boolean isEmpty() {
    return exits.isEmpty() && commitments.isEmpty();
  }

  Optional<ExitRoot> exit(BigInteger id) {
    return exits.stream().filter(e -> e.exitId().equals(id)).findFirst();
  }

  Optional<CommitmentRoot> commitmentCovering(BigInteger id) {
    return commitments.stream().filter(c -> c.covers(id)).findFirst();
  }
}
