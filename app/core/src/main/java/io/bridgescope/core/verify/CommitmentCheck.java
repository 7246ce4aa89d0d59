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
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bls.BlsUnavailableException;
import io.bridgescope.crypto.quorum.Quorum;
import io.bridgescope.crypto.quorum.QuorumResult;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks one state-sync commitment: the root rebuilt from the indexed state syncs, the aggregate
 * signature over the signer keys named in the commit input, and quorum of those signers in the
 * validator set. StateReceiver checks the signature but not quorum (docs/protocol.md, Deposit), so
 * quorum is ours to check. Pure: all data is passed in.
 */
final class CommitmentCheck {

  private final SchemeSupport scheme;

  CommitmentCheck(SchemeSupport scheme) {
    this.scheme = scheme;
  }

  Finding check(CommitmentRow c, LeafSet leaves, ValidatorSets.Lookup set) {
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
    checkSignature(c, sig, f);
    if (set.set().isEmpty()) {
      f.pending(set.missing());
    } else {
      checkSigners(sig, set.set().get(), f);
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

  private void checkSignature(CommitmentRow c, CommitSignature sig, Finding f) {
    if (sig.signerKeys().isEmpty()) {
      f.problem(VerdictStatus.INVALID_SIGNATURE, "the commit names no signer keys");
      return;
    }
    byte[] message =
        BridgeMessages.commitmentMessage(new StateSyncCommitment(c.startId(), c.endId(), c.root()));
    List<byte[]> keys = sig.signerKeys().stream().map(Bytes::value).toList();
    try {
      boolean ok =
          scheme
              .scheme()
              .aggregateVerify(
                  keys, message, sig.signature().value(), BridgeMessages.DOMAIN_STATE_RECEIVER);
      f.evidence().put("signatureValid", ok);
      if (ok) {
        f.passed("the aggregate signature verifies against the " + keys.size() + " signer keys");
      } else {
        f.problem(
            VerdictStatus.INVALID_SIGNATURE,
            "the aggregate BLS signature does not verify against the "
                + keys.size()
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

  /** Maps the signer keys to validator indices; keys outside the set are non-validators. */
  private void checkSigners(CommitSignature sig, ValidatorSetRef set, Finding f) {
    Map<Bytes, Integer> index = new HashMap<>();
    for (ValidatorEntry v : set.validators()) {
      index.putIfAbsent(Bytes.of(scheme.schemeKey(v.blsKey())), v.index());
    }
    TreeSet<Integer> signers = new TreeSet<>();
    List<String> strangers = new ArrayList<>();
    for (Bytes key : sig.signerKeys()) {
      Integer i = index.get(key);
      if (i == null) {
        strangers.add(Signers.shortKey(key.value()));
      } else {
        signers.add(i);
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
