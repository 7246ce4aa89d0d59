package io.bridgescope.core.evidence;

import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.Checkpoint;
import io.bridgescope.core.bridge.CheckpointMetadata;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.evidence.EvidenceBundle.CheckpointFields;
import io.bridgescope.core.evidence.EvidenceBundle.CommitmentFields;
import io.bridgescope.core.evidence.EvidenceBundle.Leaf;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.BlsSchemeName;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.verify.SchemeSupport;
import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bls.BlsUnavailableException;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.crypto.quorum.Quorum;
import io.bridgescope.crypto.quorum.QuorumResult;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Re-checks a bundle with nothing but its own bytes (ADR 0015): the tree rebuilt from the leaves'
 * contents, the signed message rebuilt from the signed fields, the aggregate signature against the
 * signers' keys, quorum from the set's voting powers, and the exporter's EIP-191 signature. Every
 * check runs even after another failed, so a tampered bundle is told exactly which parts are off.
 */
public final class EvidenceChecker {

  private EvidenceChecker() {}

  public static EvidenceReport check(EvidenceBundle b) {
    List<EvidenceCheck> checks = new ArrayList<>();
    checks.add(leaves(b));
    checks.add(root(b));
    Optional<SchemeSupport> scheme = BlsSchemeName.fromKey(b.scheme()).map(SchemeSupport::of);
    List<Integer> signers;
    List<byte[]> keys;
    byte[] message;
    if (b.commitment().isPresent()) {
      CommitmentFields c = b.commitment().get();
      message =
          BridgeMessages.commitmentMessage(
              new StateSyncCommitment(c.startId(), c.endId(), c.root()));
      keys = b.signerKeys().stream().map(Bytes::value).toList();
      signers = scheme.isPresent() ? commitmentSigners(b, scheme.get(), checks) : List.of();
    } else {
      CheckpointFields c = b.checkpoint().get();
      checks.add(setHash(b.validators(), c.currentValidatorSetHash()));
      signers = ValidatorBitmap.signers(b.bitmap().value(), b.validators().size());
      keys = new ArrayList<>();
      for (int i : signers) {
        keys.add(scheme.map(s -> s.schemeKey(b.validators().get(i).blsKey())).orElse(new byte[0]));
      }
      message = checkpointMessage(b, c);
    }
    checks.add(signature(b, scheme, keys, message));
    checks.add(quorum(b, signers));
    b.exporter().ifPresent(e -> checks.add(exporter(b, e.address())));
    return new EvidenceReport(b, checks, EvidenceClaims.proves(b), EvidenceClaims.limits(b));
  }

  private static EvidenceCheck leaves(EvidenceBundle b) {
    List<Leaf> l = b.leaves();
    if (b.commitment().isPresent()) {
      CommitmentFields c = b.commitment().get();
      BigInteger expected = c.endId().subtract(c.startId()).add(BigInteger.ONE);
      for (int i = 0; i < l.size(); i++) {
        BigInteger want = c.startId().add(BigInteger.valueOf(i));
        if (!l.get(i).id().equals(want)) {
          return EvidenceCheck.fail(
              "leaves",
              "leaf " + i + " has id " + l.get(i).id() + ", the commitment needs " + want);
        }
      }
      if (!expected.equals(BigInteger.valueOf(l.size()))) {
        return EvidenceCheck.fail(
            "leaves",
            "the commitment covers "
                + expected
                + " state syncs ("
                + c.startId()
                + ".."
                + c.endId()
                + "), the bundle has "
                + l.size());
      }
      return EvidenceCheck.pass(
          "leaves", l.size() + " leaves, state syncs " + c.startId() + ".." + c.endId());
    }
    for (int i = 1; i < l.size(); i++) {
      if (l.get(i).id().compareTo(l.get(i - 1).id()) <= 0) {
        return EvidenceCheck.fail(
            "leaves", "leaf " + i + " (exit " + l.get(i).id() + ") is not after the one before it");
      }
    }
    return EvidenceCheck.pass("leaves", l.size() + " exits in ascending id order");
  }

  /** The root over the leaves; the exit encoding differs from the state-sync one (protocol.md). */
  static Hash32 rebuiltRoot(EvidenceBundle b) {
    if (b.leaves().isEmpty()) {
      return Hash32.ZERO;
    }
    ByteArrayOutputStream hashes = new ByteArrayOutputStream(32 * b.leaves().size());
    boolean exits = b.checkpoint().isPresent();
    for (Leaf l : b.leaves()) {
      byte[] s = l.sender().bytes();
      byte[] r = l.receiver().bytes();
      hashes.writeBytes(
          exits
              ? BridgeLeaves.exitLeaf(l.id(), s, r, l.data().value())
              : BridgeLeaves.stateSyncLeaf(l.id(), s, r, l.data().value()));
    }
    return new Hash32(MerkleTree.fromConcatenatedLeafHashes(hashes.toByteArray()).root());
  }

  private static EvidenceCheck root(EvidenceBundle b) {
    Hash32 rebuilt = rebuiltRoot(b);
    Hash32 claimed = b.claimedRoot();
    String what =
        b.commitment().isPresent() ? "the commitment's root" : "the checkpoint's event root";
    if (rebuilt.equals(claimed)) {
      return EvidenceCheck.pass("root", "rebuilt from the leaves: " + rebuilt + " = " + what);
    }
    return EvidenceCheck.fail(
        "root", "rebuilt from the leaves: " + rebuilt + ", but " + what + " is " + claimed);
  }

  /** Maps a commitment's signer keys to set members; a key outside the set fails the check. */
  private static List<Integer> commitmentSigners(
      EvidenceBundle b, SchemeSupport scheme, List<EvidenceCheck> checks) {
    Map<Bytes, Integer> index = new HashMap<>();
    for (ValidatorEntry v : b.validators()) {
      index.putIfAbsent(Bytes.of(scheme.schemeKey(v.blsKey())), v.index());
    }
    TreeSet<Integer> signers = new TreeSet<>();
    List<Integer> strangers = new ArrayList<>();
    for (int k = 0; k < b.signerKeys().size(); k++) {
      Integer i = index.get(b.signerKeys().get(k));
      if (i == null) {
        strangers.add(k);
      } else {
        signers.add(i);
      }
    }
    if (strangers.isEmpty()) {
      checks.add(
          EvidenceCheck.pass(
              "signer-keys",
              "all "
                  + b.signerKeys().size()
                  + " signer keys are keys of the bundle's validator set"));
    } else {
      checks.add(
          EvidenceCheck.fail(
              "signer-keys",
              "signer key(s) at position "
                  + strangers
                  + " are not in the bundle's validator set: signed by a non-validator"));
    }
    return List.copyOf(signers);
  }

  private static EvidenceCheck setHash(List<ValidatorEntry> set, Hash32 named) {
    List<Validator> words = new ArrayList<>(set.size());
    for (ValidatorEntry v : set) {
      byte[] k = v.blsKey().value();
      if (k.length != 128) {
        return EvidenceCheck.fail(
            "validator-set-hash",
            "validator " + v.index() + "'s key has " + k.length + " bytes, the set hash needs 128");
      }
      List<BigInteger> w = new ArrayList<>(4);
      for (int i = 0; i < 4; i++) {
        w.add(new BigInteger(1, Arrays.copyOfRange(k, 32 * i, 32 * i + 32)));
      }
      words.add(new Validator(v.address(), w, v.votingPower()));
    }
    Hash32 hash = BridgeMessages.validatorSetHash(words);
    if (hash.equals(named)) {
      return EvidenceCheck.pass(
          "validator-set-hash",
          "the bundle's set hashes to " + hash + ", the hash the checkpoint names");
    }
    return EvidenceCheck.fail(
        "validator-set-hash",
        "the bundle's set hashes to " + hash + ", the checkpoint names " + named);
  }

  private static byte[] checkpointMessage(EvidenceBundle b, CheckpointFields c) {
    List<Validator> next = new ArrayList<>();
    for (ValidatorEntry v : c.newValidatorSet()) {
      byte[] k = v.blsKey().value();
      if (k.length != 128) {
        return new byte[0]; // no such message can be built: the signature check fails below
      }
      List<BigInteger> w = new ArrayList<>(4);
      for (int i = 0; i < 4; i++) {
        w.add(new BigInteger(1, Arrays.copyOfRange(k, 32 * i, 32 * i + 32)));
      }
      next.add(new Validator(v.address(), w, v.votingPower()));
    }
    return BridgeMessages.checkpointMessage(
        b.childChainId(),
        new CheckpointMetadata(c.blockHash(), c.blockRound(), c.currentValidatorSetHash()),
        new Checkpoint(
            BigInteger.valueOf(c.epoch()), BigInteger.valueOf(c.blockNumber()), c.eventRoot()),
        next);
  }

  private static EvidenceCheck signature(
      EvidenceBundle b, Optional<SchemeSupport> scheme, List<byte[]> keys, byte[] message) {
    String name = "signature";
    if (scheme.isEmpty()) {
      return EvidenceCheck.fail(name, "unknown BLS scheme '" + b.scheme() + "'");
    }
    if (keys.isEmpty()) {
      return EvidenceCheck.fail(name, "no signer: the bundle names no key that signed");
    }
    if (message.length == 0) {
      return EvidenceCheck.fail(
          name, "the next validator set has a key that is not 128 bytes: no message can be built");
    }
    try {
      boolean ok =
          scheme
              .get()
              .scheme()
              .aggregateVerify(
                  keys,
                  message,
                  b.signature().value(),
                  b.commitment().isPresent()
                      ? BridgeMessages.domainStateReceiver()
                      : BridgeMessages.domainCheckpointManager());
      String over = "over message " + Hex.encode(message);
      return ok
          ? EvidenceCheck.pass(
              name, "the aggregate signature of " + keys.size() + " keys verifies " + over)
          : EvidenceCheck.fail(
              name,
              "the aggregate signature does not verify against the "
                  + keys.size()
                  + " signer keys "
                  + over);
    } catch (InvalidEncodingException e) {
      return EvidenceCheck.fail(name, "not a valid " + b.scheme() + " value: " + e.getMessage());
    } catch (BlsUnavailableException e) {
      return EvidenceCheck.fail(
          name, "the " + b.scheme() + " library is not available here: " + e.getMessage());
    }
  }

  private static EvidenceCheck quorum(EvidenceBundle b, List<Integer> signers) {
    List<BigInteger> powers = b.validators().stream().map(ValidatorEntry::votingPower).toList();
    QuorumResult q;
    try {
      q = Quorum.check(ValidatorBitmap.encode(signers), powers);
    } catch (InvalidEncodingException e) {
      return EvidenceCheck.fail(
          "quorum", "the set's voting powers are impossible: " + e.getMessage());
    }
    String figures =
        signers.size()
            + " of "
            + powers.size()
            + " validators signed, holding "
            + q.signedPower()
            + " of "
            + q.totalPower()
            + " voting power; more than "
            + q.threshold()
            + " is needed";
    return q.reached()
        ? EvidenceCheck.pass("quorum", figures + " (margin " + q.margin() + ")")
        : EvidenceCheck.fail("quorum", "no quorum: " + figures);
  }

  private static EvidenceCheck exporter(EvidenceBundle b, Address claimed) {
    Optional<Address> by = ExporterSignature.recover(b);
    if (by.isPresent() && by.get().equals(claimed)) {
      return EvidenceCheck.pass("exporter", "signed (EIP-191) by " + claimed);
    }
    return EvidenceCheck.fail(
        "exporter",
        "the exporter signature is not "
            + claimed
            + "'s over this bundle"
            + by.map(a -> " (it recovers to " + a + ": the bundle was changed after signing)")
                .orElse(" (it recovers to no key)"));
  }
}
