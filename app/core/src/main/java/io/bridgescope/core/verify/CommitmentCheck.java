package io.bridgescope.core.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.proof.LeafSet;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bls.BlsPublicKey;
import io.bridgescope.crypto.bls.BlsScheme;
import io.bridgescope.crypto.bls.BlsUnavailableException;
import io.bridgescope.crypto.quorum.Quorum;
import io.bridgescope.crypto.quorum.QuorumResult;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one state-sync commitment: the root rebuilt from the indexed state syncs, the aggregate
 * signature over the signer keys named in the commit input, and quorum of those signers in the
 * validator set. StateReceiver checks the signature but not quorum (docs/protocol.md, Deposit), so
 * quorum is ours to check. All data is passed in; the only state is the cache of decoded validator
 * keys, which changes how fast a finding is made, never the finding.
 */
final class CommitmentCheck {

  private final SchemeSupport scheme;
  private final KeyCache keyCache;
  private final boolean batch;

  /**
   * @param batch whether {@link #verifiedTogether} checks signatures together or leaves them all to
   *     one-by-one checks
   */
  CommitmentCheck(SchemeSupport scheme, KeyCache keyCache, boolean batch) {
    this.scheme = scheme;
    this.keyCache = keyCache;
    this.batch = batch;
  }

  /**
   * Checks a commitment; {@code signatureKnownValid} when {@link #verifiedTogether} already found
   * its signature valid (the finding is then the same as if it were checked here).
   */
  Finding check(
      CommitmentRow c, LeafSet leaves, ValidatorSets.Lookup set, boolean signatureKnownValid) {
    Finding f = new Finding();
    ObjectNode e = f.evidence();
    e.put("kind", "commitment");
    e.put("startId", c.startId().toString());
    e.put("endId", c.endId().toString());
    e.put("scheme", scheme.name());
    checkRoot(c, leaves, f);
    if (c.signature().isEmpty()) {
      f.pending("the commit transaction's input could not be decoded, so its signature is unknown");
      return f;
    }
    CommitSignature sig = c.signature().get();
    e.put("signerKeys", sig.signerKeys().size());
    e.put("bitmap", Hex.encode(sig.bitmap().value()));
    Optional<SetKeys> keys = set.set().map(keyCache::of);
    checkSignature(c, sig, keys, signatureKnownValid, f);
    if (set.set().isEmpty()) {
      f.pending(set.missing());
    } else {
      checkSigners(sig, set.set().get(), keys.get(), f);
    }
    return f;
  }

  private static void checkRoot(CommitmentRow c, LeafSet leaves, Finding f) {
    long expected = c.endId().subtract(c.startId()).add(BigInteger.ONE).longValueExact();
    ObjectNode e = f.evidence();
    e.put("leaves", leaves.size());
    e.put("expectedLeaves", expected);
    e.put("committedRoot", c.root().toString());
    String range = "state syncs " + c.startId() + ".." + c.endId();
    if (leaves.size() < expected) {
      f.pending(range + " are not all indexed yet (" + leaves.size() + " of " + expected + ")");
      return;
    }
    Hash32 rebuilt = new Hash32(leaves.root());
    e.put("rebuiltRoot", rebuilt.toString());
    if (!rebuilt.equals(c.root())) {
      f.problem(
          VerdictStatus.MISMATCH,
          "root mismatch: the "
              + expected
              + " indexed "
              + range
              + " give root "
              + rebuilt
              + ", the commitment says "
              + c.root());
    } else {
      f.passed("root rebuilt from the " + expected + " indexed " + range + " matches");
    }
  }

  /**
   * Verifies the aggregate signature over the keys the commit names. Signers that are all of the
   * set use the set's cached aggregate of them; otherwise keys of the set come decoded from the
   * cache and any other key is decoded here, so a bad key is reported at its place.
   */
  private void checkSignature(
      CommitmentRow c,
      CommitSignature sig,
      Optional<SetKeys> setKeys,
      boolean knownValid,
      Finding f) {
    List<Bytes> signerKeys = sig.signerKeys();
    if (signerKeys.isEmpty()) {
      f.problem(VerdictStatus.INVALID_SIGNATURE, "the commit names no signer keys");
      return;
    }
    byte[] message =
        BridgeMessages.commitmentMessage(new StateSyncCommitment(c.startId(), c.endId(), c.root()));
    int n = signerKeys.size();
    byte[] domain = BridgeMessages.domainStateReceiver();
    try {
      BlsScheme s = scheme.scheme();
      Optional<BlsPublicKey> sum =
          knownValid ? Optional.empty() : setKeys.flatMap(k -> k.aggregate(s, signerKeys));
      boolean ok;
      if (knownValid) {
        ok = true;
      } else if (sum.isPresent()) {
        ok = s.verifyAggregate(sum.get(), message, sig.signature().value(), domain);
      } else {
        List<BlsPublicKey> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          Bytes k = signerKeys.get(i);
          keys.add(setKeys.isPresent() ? setKeys.get().key(s, k, i) : SetKeys.decodeOne(s, k, i));
        }
        ok = s.aggregateVerifyDecoded(keys, message, sig.signature().value(), domain);
      }
      f.evidence().put("signatureValid", ok);
      if (ok) {
        f.passed("the aggregate signature verifies against the " + n + " signer keys");
      } else {
        f.problem(
            VerdictStatus.INVALID_SIGNATURE,
            "the aggregate BLS signature does not verify against the "
                + n
                + " signer keys of the commit input");
      }
    } catch (InvalidEncodingException ex) {
      f.evidence().put("signatureValid", false);
      f.problem(
          VerdictStatus.INVALID_SIGNATURE,
          "the signature or a signer key is not a valid "
              + scheme.name()
              + " value: "
              + ex.getMessage());
    } catch (BlsUnavailableException ex) {
      f.pending("the " + scheme.name() + " library is not available here: " + ex.getMessage());
    }
  }

  /**
   * The commitments among {@code rows} whose signatures verify, checked together (one multi-pairing
   * per group, {@link BlsScheme#verifyAggregateBatch}). Only commitments signed by distinct keys of
   * a known set take part; a group that fails is halved until the culprits are in groups small
   * enough to be left to one-by-one checks, which give their exact findings.
   */
  Set<Hash32> verifiedTogether(List<CommitmentRow> rows, List<ValidatorSets.Lookup> sets) {
    if (!batch) {
      return Set.of();
    }
    try {
      BlsScheme s = scheme.scheme();
      List<Signed> signed = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        CommitmentRow c = rows.get(i);
        Optional<ValidatorSetRef> set = sets.get(i).set();
        if (c.signature().isEmpty() || set.isEmpty()) {
          continue;
        }
        CommitSignature sig = c.signature().get();
        if (sig.signerKeys().isEmpty()) {
          continue;
        }
        Optional<BlsPublicKey> sum = keyCache.of(set.get()).aggregate(s, sig.signerKeys());
        if (sum.isPresent()) {
          byte[] message =
              BridgeMessages.commitmentMessage(
                  new StateSyncCommitment(c.startId(), c.endId(), c.root()));
          signed.add(new Signed(c.event().txHash(), sum.get(), message, sig.signature().value()));
        }
      }
      Set<Hash32> valid = new HashSet<>();
      verifyTogether(s, signed, valid);
      return valid;
    } catch (BlsUnavailableException e) {
      return Set.of(); // checked one by one, each commitment then says why it is pending
    }
  }

  /** Below this a group is not worth a batch: one-by-one checks cost about the same. */
  private static final int SMALLEST_GROUP = 4;

  private record Signed(Hash32 tx, BlsPublicKey key, byte[] message, byte[] signature) {}

  private static void verifyTogether(BlsScheme s, List<Signed> group, Set<Hash32> valid) {
    if (group.size() < SMALLEST_GROUP) {
      return;
    }
    boolean ok =
        s.verifyAggregateBatch(
            group.stream().map(Signed::key).toList(),
            group.stream().map(Signed::message).toList(),
            group.stream().map(Signed::signature).toList(),
            BridgeMessages.domainStateReceiver());
    if (ok) {
      group.forEach(g -> valid.add(g.tx()));
      return;
    }
    int half = group.size() / 2;
    verifyTogether(s, group.subList(0, half), valid);
    verifyTogether(s, group.subList(half, group.size()), valid);
  }

  /** Maps the signer keys to validator indices; keys outside the set are non-validators. */
  private void checkSigners(CommitSignature sig, ValidatorSetRef set, SetKeys keys, Finding f) {
    TreeSet<Integer> signers = new TreeSet<>();
    List<String> strangers = new ArrayList<>();
    for (Bytes key : sig.signerKeys()) {
      Optional<Integer> i = keys.indexOf(key);
      if (i.isEmpty()) {
        strangers.add(Signers.shortKey(key.value()));
      } else {
        signers.add(i.get());
      }
    }
    QuorumResult q =
        Quorum.check(ValidatorBitmap.encode(signers), Signers.powers(set.validators()));
    ObjectNode e = f.evidence();
    Signers.evidence(e, set, q);
    e.put("nonValidatorKeys", strangers.size());
    e.put(
        "bitmapAgrees",
        ValidatorBitmap.signers(sig.bitmap().value(), set.validators().size())
            .equals(List.copyOf(signers)));
    String doubt = set.doubt().map(d -> " (" + d + ")").orElse("");
    if (!strangers.isEmpty()) {
      String why =
          "signature by a non-validator: "
              + strangers.size()
              + " signer key(s) are not in the "
              + set.label()
              + ": "
              + String.join(", ", strangers);
      if (set.certain()) {
        f.problem(VerdictStatus.INVALID_SIGNATURE, why);
      } else {
        f.pending(why + doubt);
      }
    }
    if (!q.reached()) {
      if (set.certain()) {
        f.problem(VerdictStatus.NO_QUORUM, Signers.shortage(q));
      } else {
        f.pending(Signers.shortage(q) + doubt);
      }
    } else if (strangers.isEmpty()) {
      f.passed(Signers.reached(q, set.validators().size()));
    }
  }
}
