package io.bridgescope.core.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.evidence.EvidenceBundle.CheckpointFields;
import io.bridgescope.core.evidence.EvidenceBundle.CommitmentFields;
import io.bridgescope.core.evidence.EvidenceBundle.Exporter;
import io.bridgescope.core.evidence.EvidenceBundle.Kind;
import io.bridgescope.core.evidence.EvidenceBundle.Leaf;
import io.bridgescope.core.evidence.EvidenceBundle.RejectedSubmission;
import io.bridgescope.core.evidence.EvidenceBundle.Verdict;
import io.bridgescope.core.evidence.EvidenceException.Reason;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the typed bundle out of a parsed JSON tree, field by field, naming what is wrong. */
final class EvidenceFields {

  /** Bitmaps are bytes, so no set or signer list is larger than this in practice. */
  static final int MAX_VALIDATORS = 4096;

  static final int MAX_LEAVES = 1 << 20;

  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private EvidenceFields() {}

  static EvidenceBundle bundle(JsonNode o) {
    String format = text(o, "format");
    if (!format.equals(EvidenceBundle.FORMAT)) {
      throw new EvidenceException(
          Reason.WRONG_FORMAT,
          "format is '"
              + format
              + "', this version reads "
              + EvidenceBundle.FORMAT
              + (format.equals("bridgescope-evidence/1")
                  ? " (format 1 bundles lack the leaf contents and signed fields: export again)"
                  : ""));
    }
    String kindText = text(o, "kind");
    Kind kind =
        switch (kindText) {
          case "commitment" -> Kind.COMMITMENT;
          case "checkpoint" -> Kind.CHECKPOINT;
          default -> throw bad("kind", "is '" + kindText + "', expected commitment or checkpoint");
        };
    only(
        o,
        "the bundle",
        Set.of(
            "format",
            "kind",
            "network",
            "scheme",
            "childChainId",
            "transaction",
            kind.key(),
            "leaves",
            "signature",
            "signerKeys",
            "bitmap",
            "validatorSet",
            "verdict",
            "rejectedSubmissions",
            "exporter"));
    Optional<CommitmentFields> commitment = Optional.empty();
    Optional<CheckpointFields> checkpoint = Optional.empty();
    JsonNode subject = object(o, kind.key());
    if (kind == Kind.COMMITMENT) {
      only(subject, "commitment", Set.of("startId", "endId", "root"));
      BigInteger start = uint(subject, "commitment.startId");
      BigInteger end = uint(subject, "commitment.endId");
      if (end.compareTo(start) < 0) {
        throw bad("commitment.endId", end + " is below startId " + start);
      }
      commitment = Optional.of(new CommitmentFields(start, end, hash(subject, "commitment.root")));
    } else {
      only(
          subject,
          "checkpoint",
          Set.of(
              "epoch",
              "blockNumber",
              "eventRoot",
              "blockHash",
              "blockRound",
              "currentValidatorSetHash",
              "newValidatorSet"));
      checkpoint =
          Optional.of(
              new CheckpointFields(
                  count(subject, "checkpoint.epoch"),
                  count(subject, "checkpoint.blockNumber"),
                  hash(subject, "checkpoint.eventRoot"),
                  hash(subject, "checkpoint.blockHash"),
                  uint(subject, "checkpoint.blockRound"),
                  hash(subject, "checkpoint.currentValidatorSetHash"),
                  validators(subject, "checkpoint.newValidatorSet")));
    }
    JsonNode set = object(o, "validatorSet");
    only(set, "validatorSet", Set.of("label", "validators"));
    Optional<Verdict> verdict = Optional.empty();
    if (o.has("verdict")) {
      JsonNode v = object(o, "verdict");
      only(v, "verdict", Set.of("status", "reason"));
      verdict = Optional.of(new Verdict(text(v, "verdict.status"), text(v, "verdict.reason")));
    }
    Optional<Exporter> exporter = Optional.empty();
    if (o.has("exporter")) {
      JsonNode e = object(o, "exporter");
      only(e, "exporter", Set.of("address", "signature"));
      exporter =
          Optional.of(
              new Exporter(address(e, "exporter.address"), bytes(e, "exporter.signature", 65)));
    }
    return new EvidenceBundle(
        kind,
        text(o, "network"),
        text(o, "scheme"),
        uint(o, "childChainId"),
        hash(o, "transaction"),
        commitment,
        checkpoint,
        leaves(o),
        bytes(o, "signature", 1024),
        keys(o),
        bytes(o, "bitmap", MAX_VALIDATORS / 8),
        text(set, "validatorSet.label"),
        validators(set, "validatorSet.validators"),
        verdict,
        rejected(o, kind),
        exporter);
  }

  /** A checkpoint's failed submissions (optional; a claim of the exporter's, not re-checked). */
  private static List<RejectedSubmission> rejected(JsonNode o, Kind kind) {
    if (!o.has("rejectedSubmissions")) {
      return List.of();
    }
    if (kind != Kind.CHECKPOINT) {
      throw bad("rejectedSubmissions", "belongs to a checkpoint bundle, not a " + kind.key());
    }
    JsonNode arr = array(o, "rejectedSubmissions", MAX_VALIDATORS);
    List<RejectedSubmission> out = new ArrayList<>(arr.size());
    for (int i = 0; i < arr.size(); i++) {
      String at = "rejectedSubmissions[" + i + "]";
      JsonNode r = element(arr, i, at);
      only(r, at, Set.of("submitTx", "submitter", "epoch", "rootBlock", "reason", "reasonSource"));
      out.add(
          new RejectedSubmission(
              hash(r, at + ".submitTx"),
              address(r, at + ".submitter"),
              count(r, at + ".epoch"),
              count(r, at + ".rootBlock"),
              text(r, at + ".reason"),
              text(r, at + ".reasonSource")));
    }
    return out;
  }

  private static List<Leaf> leaves(JsonNode o) {
    JsonNode arr = array(o, "leaves", MAX_LEAVES);
    List<Leaf> out = new ArrayList<>(arr.size());
    for (int i = 0; i < arr.size(); i++) {
      String at = "leaves[" + i + "]";
      JsonNode l = element(arr, i, at);
      only(l, at, Set.of("id", "sender", "receiver", "data"));
      out.add(
          new Leaf(
              uint(l, at + ".id"),
              address(l, at + ".sender"),
              address(l, at + ".receiver"),
              bytes(l, at + ".data", EvidenceJson.MAX_DATA_BYTES)));
    }
    return out;
  }

  private static List<Bytes> keys(JsonNode o) {
    JsonNode arr = array(o, "signerKeys", MAX_VALIDATORS);
    List<Bytes> out = new ArrayList<>(arr.size());
    for (int i = 0; i < arr.size(); i++) {
      out.add(hexText(arr.get(i), "signerKeys[" + i + "]", 1024));
    }
    return out;
  }

  private static List<ValidatorEntry> validators(JsonNode o, String field) {
    JsonNode arr = array(o, field, MAX_VALIDATORS);
    List<ValidatorEntry> out = new ArrayList<>(arr.size());
    for (int i = 0; i < arr.size(); i++) {
      String at = field + "[" + i + "]";
      JsonNode v = element(arr, i, at);
      only(v, at, Set.of("address", "blsKey", "votingPower"));
      out.add(
          new ValidatorEntry(
              i,
              address(v, at + ".address"),
              bytes(v, at + ".blsKey", 1024),
              uint(v, at + ".votingPower")));
    }
    return out;
  }

  // ---- single fields; `field` is the dotted path shown to the user, its last part the key

  private static String last(String field) {
    return field.substring(field.lastIndexOf('.') + 1);
  }

  private static JsonNode value(JsonNode o, String field) {
    JsonNode n = o.get(last(field));
    if (n == null || n.isNull()) {
      throw bad(field, "is missing");
    }
    return n;
  }

  static String text(JsonNode o, String field) {
    JsonNode n = value(o, field);
    if (!n.isTextual()) {
      throw bad(field, "must be a string");
    }
    if (n.asText().length() > EvidenceJson.MAX_TEXT) {
      throw EvidenceJson.tooLarge(field + " is longer than " + EvidenceJson.MAX_TEXT + " chars");
    }
    return n.asText();
  }

  private static BigInteger uint(JsonNode o, String field) {
    String t = text(o, field);
    if (!t.matches("0|[1-9][0-9]{0,77}")) {
      throw bad(field, "is '" + shorten(t) + "', expected a non-negative decimal integer");
    }
    BigInteger v = new BigInteger(t);
    if (v.compareTo(UINT256_LIMIT) >= 0) {
      throw bad(field, "does not fit in uint256");
    }
    return v;
  }

  private static long count(JsonNode o, String field) {
    JsonNode n = value(o, field);
    if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
      throw bad(field, "must be a non-negative integer");
    }
    return n.asLong();
  }

  private static Hash32 hash(JsonNode o, String field) {
    Bytes b = bytes(o, field, 32);
    if (b.length() != 32) {
      throw bad(field, "has " + b.length() + " bytes, a hash has 32");
    }
    return new Hash32(b.value());
  }

  private static Address address(JsonNode o, String field) {
    Bytes b = bytes(o, field, 20);
    if (b.length() != 20) {
      throw bad(field, "has " + b.length() + " bytes, an address has 20");
    }
    return new Address(b.value());
  }

  private static Bytes bytes(JsonNode o, String field, int max) {
    return hexText(value(o, field), field, max);
  }

  private static Bytes hexText(JsonNode n, String field, int max) {
    if (n == null || !n.isTextual()) {
      throw bad(field, "must be a 0x-hex string");
    }
    return EvidenceJson.hex(field, n.asText(), max);
  }

  private static JsonNode object(JsonNode o, String field) {
    JsonNode n = value(o, field);
    if (!n.isObject()) {
      throw bad(field, "must be an object");
    }
    return n;
  }

  private static JsonNode array(JsonNode o, String field, int max) {
    JsonNode n = value(o, field);
    if (!n.isArray()) {
      throw bad(field, "must be an array");
    }
    if (n.size() > max) {
      throw EvidenceJson.tooLarge(field + " has " + n.size() + " entries, at most " + max);
    }
    return n;
  }

  private static JsonNode element(JsonNode arr, int i, String at) {
    JsonNode n = arr.get(i);
    if (!n.isObject()) {
      throw bad(at, "must be an object");
    }
    return n;
  }

  /** Unknown fields are refused: a reader that skipped them would check less than it shows. */
  private static void only(JsonNode o, String where, Set<String> allowed) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new EvidenceException(
            Reason.BAD_FIELD,
            where + " has an unknown field '" + shorten(name) + "'; was the file edited?");
      }
    }
  }

  private static EvidenceException bad(String field, String what) {
    return new EvidenceException(Reason.BAD_FIELD, field + " " + what);
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
