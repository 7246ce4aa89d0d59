package io.bridgescope.core.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.evidence.EvidenceBundle.Leaf;
import io.bridgescope.core.evidence.EvidenceException.Reason;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundle's file form (ADR 0015): JSON with a fixed field order, two-space indent and {@code \n}
 * line ends on every OS, big numbers as decimal strings, bytes as 0x-hex. The reader treats the
 * file as hostile: it is size-capped before it is parsed, depth- and string-capped while parsing,
 * rejects duplicate and unknown fields, and names the field that is wrong.
 */
public final class EvidenceJson {

  /** The largest file read (a 100,000-leaf bundle with short payloads is ~30 MB). */
  public static final long MAX_BYTES = 64L << 20;

  /** Per-field caps; a real bundle is far below each. */
  static final int MAX_DATA_BYTES = 1 << 20;

  static final int MAX_TEXT = 10_000;

  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(16)
                      .maxNumberLength(80)
                      .maxStringLength(2 * MAX_DATA_BYTES + 16)
                      .build())
              .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build());

  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private EvidenceJson() {}

  /** The file's bytes: the same bundle always gives the same bytes. */
  public static byte[] write(EvidenceBundle b) {
    try {
      String s = JSON.writer(PRETTY).writeValueAsString(tree(b, true));
      return (s + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the exporter signs: the compact form of everything but the exporter's own signature. */
  public static byte[] signedBody(EvidenceBundle b) {
    try {
      return JSON.writeValueAsBytes(tree(b, false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode tree(EvidenceBundle b, boolean withExporter) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", EvidenceBundle.FORMAT);
    o.put("kind", b.kind().key());
    o.put("network", b.network());
    o.put("scheme", b.scheme());
    o.put("childChainId", b.childChainId().toString());
    o.put("transaction", b.transaction().toString());
    b.commitment()
        .ifPresent(
            c ->
                o.putObject("commitment")
                    .put("startId", c.startId().toString())
                    .put("endId", c.endId().toString())
                    .put("root", c.root().toString()));
    b.checkpoint()
        .ifPresent(
            c -> {
              ObjectNode n = o.putObject("checkpoint");
              n.put("epoch", c.epoch());
              n.put("blockNumber", c.blockNumber());
              n.put("eventRoot", c.eventRoot().toString());
              n.put("blockHash", c.blockHash().toString());
              n.put("blockRound", c.blockRound().toString());
              n.put("currentValidatorSetHash", c.currentValidatorSetHash().toString());
              validators(n.putArray("newValidatorSet"), c.newValidatorSet());
            });
    ArrayNode leaves = o.putArray("leaves");
    for (Leaf l : b.leaves()) {
      leaves
          .addObject()
          .put("id", l.id().toString())
          .put("sender", l.sender().toString())
          .put("receiver", l.receiver().toString())
          .put("data", l.data().toString());
    }
    o.put("signature", b.signature().toString());
    ArrayNode keys = o.putArray("signerKeys");
    b.signerKeys().forEach(k -> keys.add(k.toString()));
    o.put("bitmap", b.bitmap().toString());
    ObjectNode set = o.putObject("validatorSet");
    set.put("label", b.validatorSetLabel());
    validators(set.putArray("validators"), b.validators());
    b.verdict()
        .ifPresent(v -> o.putObject("verdict").put("status", v.status()).put("reason", v.reason()));
    if (!b.rejected().isEmpty()) {
      ArrayNode rejected = o.putArray("rejectedSubmissions");
      for (EvidenceBundle.RejectedSubmission r : b.rejected()) {
        rejected
            .addObject()
            .put("submitTx", r.submitTx().toString())
            .put("submitter", r.submitter().toString())
            .put("epoch", r.epoch())
            .put("rootBlock", r.rootBlock())
            .put("reason", r.reason())
            .put("reasonSource", r.reasonSource());
      }
    }
    if (withExporter) {
      b.exporter()
          .ifPresent(
              e ->
                  o.putObject("exporter")
                      .put("address", e.address().toString())
                      .put("signature", e.signature().toString()));
    }
    return o;
  }

  private static void validators(ArrayNode out, List<ValidatorEntry> set) {
    for (ValidatorEntry v : set) {
      out.addObject()
          .put("address", v.address().toString())
          .put("blsKey", v.blsKey().toString())
          .put("votingPower", v.votingPower().toString());
    }
  }

  /** Reads a bundle file, refusing one above {@link #MAX_BYTES} before reading it. */
  public static EvidenceBundle read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw tooLarge(file + " has " + size + " bytes");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      return read(bytes);
    }
  }

  /** Parses a bundle; any defect is an {@link EvidenceException} naming the field. */
  public static EvidenceBundle read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge("the bundle has " + bytes.length + " bytes");
    }
    JsonNode root;
    try (JsonParser p = JSON.createParser(bytes)) {
      root = JSON.readTree(p);
      if (root != null && p.nextToken() != null) {
        throw new EvidenceException(
            Reason.NOT_JSON,
            "the evidence file has more after its JSON object; is it truncated"
                + " or two files in one?");
      }
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw tooLarge("a value or the nesting exceeds the reader's limits (" + e.getMessage() + ")");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new EvidenceException(
          Reason.NOT_JSON,
          "the evidence file is not valid JSON: "
              + e.getOriginalMessage()
              + "; export the bundle again",
          e);
    } catch (IOException e) {
      throw new EvidenceException(
          Reason.NOT_JSON,
          "the evidence file could not be parsed: " + e.getMessage() + "; export the bundle again",
          e);
    }
    if (root == null || !root.isObject()) {
      throw new EvidenceException(Reason.NOT_JSON, "the evidence file is not one JSON object");
    }
    return EvidenceFields.bundle(root);
  }

  static EvidenceException tooLarge(String what) {
    return new EvidenceException(
        Reason.TOO_LARGE,
        what
            + "; an evidence bundle is at most "
            + MAX_BYTES
            + " bytes with at most "
            + MAX_DATA_BYTES
            + " bytes of data per leaf");
  }

  /** For EvidenceFields: hex of at most {@code max} bytes. */
  static Bytes hex(String field, String text, int max) {
    if (text.length() > 2 * max + 2) {
      throw tooLarge(field + " is longer than " + max + " bytes");
    }
    try {
      return Bytes.of(Hex.decode(field, text));
    } catch (IllegalArgumentException e) {
      throw new EvidenceException(Reason.BAD_FIELD, String.valueOf(e.getMessage()), e);
    }
  }
}
