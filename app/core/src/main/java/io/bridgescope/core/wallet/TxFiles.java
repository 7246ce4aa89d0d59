package io.bridgescope.core.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.model.Uint256Text;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The air-gapped exchange: an unsigned transaction written as JSON on the online machine, signed by
 * an offline copy (no RPC: everything needed is in the file), and the signed file brought back to
 * be journaled and broadcast. Reading a signed file re-derives the sender from the signature and
 * refuses a file whose bytes do not match its description.
 */
public final class TxFiles {

  public static final String UNSIGNED_FORMAT = "bridgescope-unsigned-tx/1";
  public static final String SIGNED_FORMAT = "bridgescope-signed-tx/1";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TxFiles() {}

  /**
   * A transaction read from a file, with the network name it was prepared for and the index
   * snapshot its proofs were built against ({@link IndexSnapshot#NONE} when it carries none). The
   * labels of {@code tx} (chain, purpose, related id, summary) are the file's claims: {@link
   * SigningPolicy#inspectFile} checks them against the fields.
   */
  public record Unsigned(
      String network,
      UnsignedTx tx,
      IndexSnapshot snapshot,
      List<SigningPolicy.Companion> approvalFor) {

    public Unsigned {
      approvalFor = List.copyOf(approvalFor);
    }

    public Unsigned(String network, UnsignedTx tx, IndexSnapshot snapshot) {
      this(network, tx, snapshot, List.of());
    }
  }

  /**
   * The most deposits one approval file may name: one is what the wallet writes; a few leave room,
   * and nothing unbounded is read.
   */
  static final int MAX_APPROVAL_FOR = 4;

  /** A signed transaction read from a file, with the network name it was prepared for. */
  public record Signed(String network, SignedTx tx) {}

  public static void writeUnsigned(
      String network, UnsignedTx tx, IndexSnapshot snapshot, Path file) {
    writeUnsigned(network, tx, snapshot, List.of(), file);
  }

  /**
   * As above; {@code approvalFor} (an approval's deposits, not signed with it) are written as
   * {@code approvalFor: [{to, data}]}, so the offline signer can judge the approval by them.
   */
  public static void writeUnsigned(
      String network,
      UnsignedTx tx,
      IndexSnapshot snapshot,
      List<SigningPolicy.Companion> approvalFor,
      Path file) {
    ObjectNode o = describe(network, tx);
    o.put("format", UNSIGNED_FORMAT);
    if (!snapshot.isEmpty()) {
      o.set("indexSnapshot", TxFileSnapshots.toJson(snapshot, JSON));
    }
    if (!approvalFor.isEmpty()) {
      ArrayNode a = o.putArray("approvalFor");
      for (SigningPolicy.Companion c : approvalFor) {
        a.addObject().put("to", c.to().toString()).put("data", Hex.encode(c.data().value()));
      }
    }
    write(o, file);
  }

  public static Unsigned readUnsigned(Path file) {
    JsonNode o = read(file, UNSIGNED_FORMAT);
    IndexSnapshot snapshot;
    try {
      snapshot =
          o.hasNonNull("indexSnapshot")
              ? TxFileSnapshots.fromJson(o.get("indexSnapshot"))
              : IndexSnapshot.NONE;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw bad(file, "indexSnapshot: " + e.getMessage());
    }
    UnsignedTx tx;
    try {
      tx = unsigned(o);
    } catch (IllegalArgumentException e) {
      throw bad(file, e.getMessage());
    }
    return new Unsigned(network(file, o), tx, snapshot, approvalFor(file, o));
  }

  /** The optional {@code approvalFor} array; each entry checked, at most a few read. */
  private static List<SigningPolicy.Companion> approvalFor(Path file, JsonNode o) {
    JsonNode a = o.get("approvalFor");
    if (a == null || a.isNull()) {
      return List.of();
    }
    if (!a.isArray() || a.size() > MAX_APPROVAL_FOR) {
      throw bad(
          file,
          "approvalFor: must be an array of at most "
              + MAX_APPROVAL_FOR
              + " {to, data} entries (the deposits an approval is for)");
    }
    List<SigningPolicy.Companion> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      try {
        out.add(
            new SigningPolicy.Companion(
                Address.of(text(a.get(i), "to")), Bytes.ofHex(text(a.get(i), "data"))));
      } catch (IllegalArgumentException e) {
        throw bad(file, "approvalFor[" + i + "]: " + e.getMessage());
      }
    }
    return out;
  }

  private static String network(Path file, JsonNode o) {
    try {
      return text(o, "network");
    } catch (IllegalArgumentException e) {
      throw bad(file, e.getMessage());
    }
  }

  /**
   * Signs offline what {@code review} decoded (no node and no journal), if its policy lets it be
   * signed; {@code key} must be the sender.
   */
  public static SignedTx signOffline(Inspection review, KeySession key) {
    UnsignedTx tx = review.requireSignable().tx();
    if (!key.address().equals(tx.from())) {
      throw new WalletException(
          Kind.BAD_FILE,
          "the transaction is from " + tx.from() + ", not from key " + key.key().describe());
    }
    return SignedTx.of(tx, key.sign(tx.toRaw(), tx.chainId()));
  }

  public static void writeSigned(String network, SignedTx tx, Path file) {
    ObjectNode o = describe(network, tx.tx());
    o.put("format", SIGNED_FORMAT);
    o.put("raw", Hex.encode(tx.raw().value()));
    o.put("hash", tx.hash().toString());
    write(o, file);
  }

  public static Signed readSigned(Path file) {
    JsonNode o = read(file, SIGNED_FORMAT);
    SignedTx s;
    boolean hashMatches;
    String network;
    try {
      s = SignedTx.of(unsigned(o), Hex.decode("raw", text(o, "raw")));
      hashMatches = !o.hasNonNull("hash") || Hash32.of(o.get("hash").asText()).equals(s.hash());
      network = text(o, "network");
    } catch (IllegalArgumentException | WalletException e) {
      throw bad(file, e.getMessage());
    }
    if (!hashMatches) {
      throw bad(file, "its hash field does not match its signed bytes");
    }
    return new Signed(network, s);
  }

  private static ObjectNode describe(String network, UnsignedTx tx) {
    ObjectNode o = JSON.createObjectNode();
    o.put("network", network);
    o.put("summary", tx.summary());
    o.put("chain", tx.chain().key());
    o.put("chainId", tx.chainId());
    o.put("from", tx.from().toString());
    o.put("nonce", tx.nonce());
    o.put("to", tx.to().toString());
    o.put("data", Hex.encode(tx.data().value()));
    o.put("value", tx.value().toString());
    o.put("gasLimit", tx.gasLimit());
    o.put("type", tx.fees().eip1559() ? "eip1559" : "legacy");
    o.put("maxFeePerGas", tx.fees().maxFeePerGas().toString());
    o.put("maxPriorityFeePerGas", tx.fees().maxPriorityFeePerGas().toString());
    o.put("maxFee", Amounts.ether(tx.maxFee()));
    o.put("purpose", tx.purpose().key());
    tx.relatedId().ifPresent(id -> o.put("relatedId", id.toString()));
    return o;
  }

  /** The fields of a file; throws {@link IllegalArgumentException}, the caller names the file. */
  private static UnsignedTx unsigned(JsonNode o) {
    String type = text(o, "type");
    if (!type.equals("eip1559") && !type.equals("legacy")) {
      throw new IllegalArgumentException("field 'type' is '" + type + "', not eip1559 or legacy");
    }
    Fees fees =
        new Fees(type.equals("eip1559"), uint(o, "maxFeePerGas"), uint(o, "maxPriorityFeePerGas"));
    UnsignedTx tx =
        new UnsignedTx(
            ChainRole.fromKey(text(o, "chain")),
            Long.parseLong(text(o, "chainId")),
            Address.of(text(o, "from")),
            Long.parseLong(text(o, "nonce")),
            Address.of(text(o, "to")),
            Bytes.ofHex(text(o, "data")),
            uint(o, "value"),
            Long.parseLong(text(o, "gasLimit")),
            fees,
            TxPurpose.fromKey(text(o, "purpose")),
            o.hasNonNull("relatedId") ? Optional.of(uint(o, "relatedId")) : Optional.empty(),
            text(o, "summary"));
    // maxFee is written for people; one that disagrees with the fields is a tampered file
    if (o.hasNonNull("maxFee") && !o.get("maxFee").asText().equals(Amounts.ether(tx.maxFee()))) {
      throw new IllegalArgumentException(
          "field 'maxFee' says "
              + o.get("maxFee").asText()
              + ", but gasLimit × maxFeePerGas is "
              + Amounts.ether(tx.maxFee()));
    }
    return tx;
  }

  /** A uint256 field; its length is checked before it is parsed ({@link Uint256Text}). */
  private static BigInteger uint(JsonNode o, String field) {
    String t = text(o, field);
    try {
      return Uint256Text.parse(t, 10);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "field '" + field + "' is not a uint256 (" + e.getMessage() + ")", e);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return v.asText();
  }

  private static JsonNode read(Path file, String format) {
    JsonNode o;
    try {
      o = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw bad(file, "unreadable: " + e.getMessage());
    }
    if (o == null || !format.equals(o.path("format").asText())) {
      throw bad(
          file,
          "not a "
              + format
              + " file (format is '"
              + (o == null ? "" : o.path("format").asText())
              + "')");
    }
    return o;
  }

  private static void write(ObjectNode o, Path file) {
    try {
      SecretFiles.write(file, JSON.writeValueAsBytes(o), false);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw bad(file, "already exists; choose another name");
    } catch (IOException e) {
      throw bad(file, "cannot be written: " + e.getMessage());
    }
  }

  private static WalletException bad(Path file, @Nullable String why) {
    return new WalletException(Kind.BAD_FILE, "transaction file " + file + ": " + why);
  }
}
