package io.bridgescope.core.evidence;

import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.Checkpoint;
import io.bridgescope.core.bridge.CheckpointMetadata;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.evidence.EvidenceBundle.CheckpointFields;
import io.bridgescope.core.evidence.EvidenceBundle.CommitmentFields;
import io.bridgescope.core.evidence.EvidenceBundle.Kind;
import io.bridgescope.core.evidence.EvidenceBundle.Leaf;
import io.bridgescope.core.evidence.EvidenceBundle.Verdict;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BlsSchemeName;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.verify.SchemeSupport;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Real bundles for tests: four BN254 validators with fixed secret keys sign a commitment or a
 * checkpoint exactly as Edge validators do, so every check has something true to pass on.
 */
final class Bundles {

  static final Bn254EdgeScheme SCHEME = new Bn254EdgeScheme();
  static final SchemeSupport SUPPORT = SchemeSupport.of(BlsSchemeName.BN254_EDGE);
  static final BigInteger CHILD_CHAIN = BigInteger.valueOf(31338);

  private Bundles() {}

  static byte[] secret(int i) {
    byte[] sk = new byte[32];
    sk[31] = (byte) (i + 7);
    sk[0] = 0x11;
    return sk;
  }

  /** Validator i: its key in the set's (on-chain) word order, voting power 100. */
  static List<ValidatorEntry> set(int n) {
    List<ValidatorEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] pk = SCHEME.publicKey(secret(i));
      out.add(
          new ValidatorEntry(
              i,
              Address.ofLow(0x1000 + i),
              Bytes.of(SUPPORT.schemeKey(Bytes.of(pk))), // the swap is its own inverse
              BigInteger.valueOf(100)));
    }
    return out;
  }

  static byte[] sign(List<Integer> signers, byte[] message, byte[] domain) {
    List<byte[]> sigs = new ArrayList<>();
    for (int i : signers) {
      sigs.add(SCHEME.sign(secret(i), message, domain));
    }
    return SCHEME.aggregateSignatures(sigs);
  }

  static List<Leaf> leaves(BigInteger from, int n) {
    List<Leaf> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[40 + i];
      Arrays.fill(data, (byte) i);
      out.add(
          new Leaf(
              from.add(BigInteger.valueOf(i)),
              Address.ofLow(0xa0 + i),
              Address.ofLow(0xb0 + i),
              Bytes.of(data)));
    }
    return out;
  }

  /** Commitment of state syncs 5..9 signed by validators 0, 1 and 2 of four. */
  static EvidenceBundle commitment() {
    List<Leaf> leaves = leaves(BigInteger.valueOf(5), 5);
    EvidenceBundle draft =
        new EvidenceBundle(
            Kind.COMMITMENT,
            "testnet",
            "bn254-edge",
            CHILD_CHAIN,
            Hash32.of("0x" + "ab".repeat(32)),
            Optional.of(
                new CommitmentFields(BigInteger.valueOf(5), BigInteger.valueOf(9), Hash32.ZERO)),
            Optional.empty(),
            leaves,
            Bytes.EMPTY,
            List.of(),
            Bytes.EMPTY,
            "genesis set",
            set(4),
            Optional.of(new Verdict("verified", "signed by 3 of 4")),
            List.of(),
            Optional.empty());
    Hash32 root = EvidenceChecker.rebuiltRoot(draft);
    byte[] message =
        BridgeMessages.commitmentMessage(
            new StateSyncCommitment(BigInteger.valueOf(5), BigInteger.valueOf(9), root));
    List<Integer> signers = List.of(0, 1, 2);
    List<Bytes> keys = signers.stream().map(i -> Bytes.of(SCHEME.publicKey(secret(i)))).toList();
    return new EvidenceBundle(
        Kind.COMMITMENT,
        draft.network(),
        draft.scheme(),
        CHILD_CHAIN,
        draft.transaction(),
        Optional.of(new CommitmentFields(BigInteger.valueOf(5), BigInteger.valueOf(9), root)),
        Optional.empty(),
        leaves,
        Bytes.of(sign(signers, message, BridgeMessages.domainStateReceiver())),
        keys,
        Bytes.of(new byte[] {0x07}),
        draft.validatorSetLabel(),
        draft.validators(),
        draft.verdict(),
        List.of(),
        Optional.empty());
  }

  /** Checkpoint of epoch 3 at child block 30 with 3 exits, signed by validators 1, 2 and 3. */
  static EvidenceBundle checkpoint() {
    List<ValidatorEntry> set = set(4);
    List<Leaf> leaves = leaves(BigInteger.valueOf(12), 3);
    Hash32 setHash = BridgeMessages.validatorSetHash(words(set));
    CheckpointFields draft =
        new CheckpointFields(
            3, 30, Hash32.ZERO, Hash32.of("0x" + "cd".repeat(32)), BigInteger.ZERO, setHash, set);
    EvidenceBundle unsigned = checkpoint(draft, leaves, set, Bytes.EMPTY, Bytes.EMPTY);
    Hash32 root = EvidenceChecker.rebuiltRoot(unsigned);
    CheckpointFields fields =
        new CheckpointFields(3, 30, root, draft.blockHash(), BigInteger.ZERO, setHash, set);
    byte[] message =
        BridgeMessages.checkpointMessage(
            CHILD_CHAIN,
            new CheckpointMetadata(fields.blockHash(), fields.blockRound(), setHash),
            new Checkpoint(BigInteger.valueOf(3), BigInteger.valueOf(30), root),
            words(set));
    List<Integer> signers = List.of(1, 2, 3);
    return checkpoint(
        fields,
        leaves,
        set,
        Bytes.of(sign(signers, message, BridgeMessages.domainCheckpointManager())),
        Bytes.of(new byte[] {0x0e}));
  }

  private static EvidenceBundle checkpoint(
      CheckpointFields f, List<Leaf> leaves, List<ValidatorEntry> set, Bytes sig, Bytes bitmap) {
    return new EvidenceBundle(
        Kind.CHECKPOINT,
        "testnet",
        "bn254-edge",
        CHILD_CHAIN,
        Hash32.of("0x" + "ef".repeat(32)),
        Optional.empty(),
        Optional.of(f),
        leaves,
        sig,
        List.of(),
        bitmap,
        "set installed by the checkpoint of epoch 2",
        set,
        Optional.empty(),
        // an earlier submission of the same epoch that fell short of the quorum
        List.of(
            new EvidenceBundle.RejectedSubmission(
                Hash32.of("0x" + "9a".repeat(32)),
                set.get(0).address(),
                f.epoch(),
                41,
                "CHECKPOINT_MANAGER: INSUFFICIENT_VOTING_POWER",
                "otterscan")),
        Optional.empty());
  }

  static List<Validator> words(List<ValidatorEntry> set) {
    List<Validator> out = new ArrayList<>();
    for (ValidatorEntry v : set) {
      byte[] k = v.blsKey().value();
      List<BigInteger> w = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        w.add(new BigInteger(1, Arrays.copyOfRange(k, 32 * i, 32 * i + 32)));
      }
      out.add(new Validator(v.address(), w, v.votingPower()));
    }
    return out;
  }
}
