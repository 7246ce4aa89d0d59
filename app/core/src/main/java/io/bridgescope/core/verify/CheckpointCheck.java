package io.bridgescope.core.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.Checkpoint;
import io.bridgescope.core.bridge.CheckpointMetadata;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.proof.LeafSet;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bls.BlsPublicKey;
import io.bridgescope.crypto.bls.BlsScheme;
import io.bridgescope.crypto.bls.BlsUnavailableException;
import io.bridgescope.crypto.quorum.Quorum;
import io.bridgescope.crypto.quorum.QuorumResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one successful checkpoint submission: the exit root rebuilt with the epoch rules, the
 * validator-set hash, quorum and the aggregate signature against the set in force before it, as
 * CheckpointManager.submit would (docs/protocol.md, Withdrawal). Data is passed in; the decoded
 * validator keys come from the shared cache.
 */
final class CheckpointCheck {

  private final SchemeSupport scheme;
  private final KeyCache keyCache;
  private final BigInteger childChainId;

  CheckpointCheck(SchemeSupport scheme, KeyCache keyCache, BigInteger childChainId) {
    this.scheme = scheme;
    this.keyCache = keyCache;
    this.childChainId = childChainId;
  }

  /**
   * @param exits the exit tree's leaves, or empty with {@code exitsMissing} saying why
   */
  Finding check(
      CheckpointRow cp, Optional<LeafSet> exits, String exitsMissing, ValidatorSets.Lookup set) {
    Finding f = new Finding();
    ObjectNode e = f.evidence();
    e.put("kind", "checkpoint");
    e.put("epoch", cp.epoch());
    e.put("checkpointBlock", cp.checkpointBlock());
    e.put("scheme", scheme.name());
    e.put("bitmap", Hex.encode(cp.bitmap().value()));
    if (exits.isPresent()) {
      checkRoot(cp, exits.get(), f);
    } else {
      f.pending(exitsMissing);
    }
    if (set.set().isEmpty()) {
      f.pending(set.missing());
      return f;
    }
    ValidatorSetRef before = set.set().get();
    Optional<List<Validator>> current = validators(before.validators());
    Optional<List<Validator>> next = validators(cp.newValidatorSet());
    if (current.isPresent()) {
      checkSetHash(cp, before, current.get(), f);
    }
    QuorumResult q = Quorum.check(cp.bitmap().value(), Signers.powers(before.validators()));
    Signers.evidence(e, before, q);
    if (!q.reached()) {
      f.problem(VerdictStatus.NO_QUORUM, Signers.shortage(q));
    }
    if (q.signers().isEmpty()) {
      return f;
    }
    if (next.isEmpty()) {
      f.pending("the new validator set's keys are not in the 4-word form the message needs");
      return f;
    }
    checkSignature(cp, before, q, next.get(), f);
    if (q.reached()) {
      f.passed(Signers.reached(q, before.validators().size()));
    }
    return f;
  }

  private static void checkRoot(CheckpointRow cp, LeafSet exits, Finding f) {
    Hash32 rebuilt = new Hash32(exits.root());
    ObjectNode e = f.evidence();
    e.put("leaves", exits.size());
    e.put("committedRoot", cp.eventRoot().toString());
    e.put("rebuiltRoot", rebuilt.toString());
    String what =
        exits.size()
            + " indexed exits of epoch "
            + cp.epoch()
            + " before child block "
            + cp.checkpointBlock();
    if (rebuilt.equals(cp.eventRoot())) {
      f.passed("exit root rebuilt from the " + what + " matches");
    } else {
      f.problem(
          VerdictStatus.MISMATCH,
          "exit root mismatch: the "
              + what
              + " give "
              + rebuilt
              + ", the checkpoint says "
              + cp.eventRoot());
    }
  }

  private static void checkSetHash(
      CheckpointRow cp, ValidatorSetRef before, List<Validator> set, Finding f) {
    Hash32 hash = BridgeMessages.validatorSetHash(set);
    f.evidence().put("validatorSetHash", hash.toString());
    if (!hash.equals(cp.currentValidatorSetHash())) {
      f.problem(
          VerdictStatus.MISMATCH,
          "validator set hash mismatch: the checkpoint names "
              + cp.currentValidatorSetHash()
              + ", the "
              + before.label()
              + " hashes to "
              + hash);
    }
  }

  private void checkSignature(
      CheckpointRow cp, ValidatorSetRef before, QuorumResult q, List<Validator> next, Finding f) {
    byte[] message =
        BridgeMessages.checkpointMessage(
            childChainId,
            new CheckpointMetadata(cp.blockHash(), cp.blockRound(), cp.currentValidatorSetHash()),
            new Checkpoint(
                BigInteger.valueOf(cp.epoch()),
                BigInteger.valueOf(cp.checkpointBlock()),
                cp.eventRoot()),
            next);
    List<Integer> signers = q.signers();
    try {
      BlsScheme s = scheme.scheme();
      SetKeys setKeys = keyCache.of(before);
      List<Bytes> signerKeys = new ArrayList<>(signers.size());
      for (int i : signers) {
        signerKeys.add(Bytes.of(scheme.schemeKey(before.validators().get(i).blsKey())));
      }
      byte[] domain = BridgeMessages.domainCheckpointManager();
      Optional<BlsPublicKey> sum = setKeys.aggregate(s, signerKeys);
      boolean ok;
      if (sum.isPresent()) {
        ok = s.verifyAggregate(sum.get(), message, cp.signature().value(), domain);
      } else {
        List<BlsPublicKey> keys = new ArrayList<>(signerKeys.size());
        for (Bytes key : signerKeys) {
          keys.add(setKeys.key(s, key, keys.size()));
        }
        ok = s.aggregateVerifyDecoded(keys, message, cp.signature().value(), domain);
      }
      f.evidence().put("signatureValid", ok);
      if (ok) {
        f.passed("the aggregate signature verifies against the signers' keys");
      } else {
        f.problem(
            VerdictStatus.INVALID_SIGNATURE,
            "the aggregate BLS signature does not verify against the keys of the "
                + signers.size()
                + " validators the bitmap names");
      }
    } catch (InvalidEncodingException ex) {
      f.evidence().put("signatureValid", false);
      f.problem(
          VerdictStatus.INVALID_SIGNATURE,
          "the signature or a validator key is not a valid "
              + scheme.name()
              + " value: "
              + ex.getMessage());
    } catch (BlsUnavailableException ex) {
      f.pending("the " + scheme.name() + " library is not available here: " + ex.getMessage());
    }
  }

  /** The set as the contract hashes it; only 4-word (BN254) keys have that form. */
  static Optional<List<Validator>> validators(List<ValidatorEntry> entries) {
    List<Validator> out = new ArrayList<>(entries.size());
    for (ValidatorEntry v : entries) {
      byte[] k = v.blsKey().value();
      if (k.length != 128) {
        return Optional.empty();
      }
      List<BigInteger> words = new ArrayList<>(4);
      for (int w = 0; w < 4; w++) {
        words.add(new BigInteger(1, java.util.Arrays.copyOfRange(k, 32 * w, 32 * w + 32)));
      }
      out.add(new Validator(v.address(), words, v.votingPower()));
    }
    return Optional.of(out);
  }
}
