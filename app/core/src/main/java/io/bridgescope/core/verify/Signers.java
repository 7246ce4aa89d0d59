package io.bridgescope.core.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.crypto.quorum.QuorumResult;
import java.math.BigInteger;
import java.util.List;

/** Evidence and wording for a quorum result, shared by commitments and checkpoints. */
final class Signers {

  private Signers() {}

  static List<BigInteger> powers(List<ValidatorEntry> set) {
    return set.stream().map(ValidatorEntry::votingPower).toList();
  }

  static void evidence(ObjectNode e, ValidatorSetRef set, QuorumResult q) {
    e.put("validatorSet", set.label());
    e.put("validators", set.validators().size());
    ArrayNode signers = e.putArray("signers");
    for (int i : q.signers()) {
      ValidatorEntry v = set.validators().get(i);
      signers
          .addObject()
          .put("index", i)
          .put("address", v.address().toString())
          .put("power", v.votingPower().toString());
    }
    e.put("signedPower", q.signedPower().toString());
    e.put("totalPower", q.totalPower().toString());
    e.put("threshold", q.threshold().toString());
    e.put("requiredPower", q.requiredPower().toString());
    e.put("margin", q.margin().toString());
  }

  static String shortage(QuorumResult q) {
    if (q.signers().isEmpty()) {
      return "no quorum: no validator of the set signed";
    }
    return "no quorum: signers hold "
        + q.signedPower()
        + " of "
        + q.totalPower()
        + " voting power, more than "
        + q.threshold()
        + " is needed (short by "
        + q.margin().negate()
        + ")";
  }

  static String reached(QuorumResult q, int setSize) {
    return "signed by "
        + q.signers().size()
        + " of "
        + setSize
        + " validators holding "
        + q.signedPower()
        + " of "
        + q.totalPower()
        + " voting power (quorum needs more than "
        + q.threshold()
        + ", margin "
        + q.margin()
        + ")";
  }

  static String shortKey(byte[] key) {
    String h = Hex.encode(key);
    return h.length() <= 18 ? h : h.substring(0, 18) + "…";
  }
}
