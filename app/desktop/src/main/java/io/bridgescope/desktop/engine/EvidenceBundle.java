package io.bridgescope.desktop.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.time.Instant;

/**
 * The evidence bundle of a commitment or checkpoint: leaves, rebuilt and on-chain roots, a proof
 * per leaf, the signature, the signers against the set and the verifier's verdict with its own
 * evidence, so an auditor can re-check every claim without Bridgescope.
 */
final class EvidenceBundle {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvidenceBundle() {}

  static String write(String network, boolean commitment, TreeDetails.Loaded l)
      throws JsonProcessingException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "bridgescope-evidence/1");
    root.put("kind", commitment ? "commitment" : "checkpoint");
    root.put("network", network);
    root.put("title", l.detail().title());
    root.put("transaction", l.tx().toString());
    root.put("exportedAt", Instant.now().toString());
    root.put("onChainRoot", l.onChainRoot().toString());
    root.put("rebuiltRoot", Hex.encode(l.leaves().root()));
    root.put(
        "leafEncoding",
        commitment
            ? "keccak256(abi.encode(StateSync{id,sender,receiver,data}))"
            : "keccak256(abi.encode(id,sender,receiver,data))");
    ArrayNode leaves = root.putArray("leaves");
    MerkleTree tree = l.leaves().tree().orElse(null);
    for (int i = 0; i < l.leaves().size(); i++) {
      ObjectNode leaf = leaves.addObject();
      leaf.put("index", i);
      leaf.put("id", l.leaves().id(i).toString());
      if (tree != null) {
        leaf.put("hash", Hex.encode(tree.leaf(i)));
        ArrayNode proof = leaf.putArray("proof");
        tree.proof(i).forEach(p -> proof.add(Hex.encode(p)));
      }
    }
    root.put("signature", l.signature().toString());
    ArrayNode keys = root.putArray("signerKeys");
    l.signerKeys().forEach(k -> keys.add(k.toString()));
    byte[] bitmap = l.detail().bitmap();
    root.put("bitmap", Hex.encode(bitmap));
    root.put("validatorSet", l.detail().setLabel());
    ArrayNode set = root.putArray("validators");
    for (ValidatorEntry v : l.set()) {
      set.addObject()
          .put("index", v.index())
          .put("address", v.address().toString())
          .put("blsKey", v.blsKey().toString())
          .put("votingPower", v.votingPower().toString())
          .put("signed", ValidatorBitmap.isSigned(bitmap, v.index()));
    }
    ObjectNode verdict = root.putObject("verdict");
    if (l.verdict().isEmpty()) {
      verdict.put("status", "not verified yet");
    } else {
      var v = l.verdict().get();
      verdict.put("status", v.status().key());
      verdict.put("reason", v.reason());
      verdict.put("verifiedAt", v.verifiedAt().toString());
      if (v.evidenceJson().isPresent()) {
        verdict.set("evidence", evidence(v.evidenceJson().get()));
      }
    }
    root.put("note", l.detail().note());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /**
   * The verifier's stored evidence; if the stored text no longer parses (a damaged database), the
   * export still succeeds and carries the text as it is, marked, instead of failing altogether.
   */
  private static JsonNode evidence(String stored) {
    try {
      JsonNode e = JSON.readTree(stored);
      if (e != null && !e.isMissingNode()) {
        return e;
      }
    } catch (JsonProcessingException e) {
      // fall through: kept as text below
    }
    ObjectNode unparsed = JSON.createObjectNode();
    unparsed.put("unparsedText", stored);
    return unparsed;
  }
}
