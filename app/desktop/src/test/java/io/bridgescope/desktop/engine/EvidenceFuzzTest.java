package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.proof.LeafSet;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.crypto.merkle.MerkleProofs;
import io.bridgescope.desktop.ports.TreeDetail;
import io.bridgescope.desktop.quorum.BlsVerdict;
import java.lang.reflect.Constructor;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Evidence bundles (the "Export evidence" button). Nothing in Bridgescope reads a bundle back yet,
 * so this fuzzes the writer with what the chain and the database can hand it: bitmaps of any
 * length, signer keys and BLS keys of any length, uint256 powers, unicode titles and notes, leaf
 * trees, and stored verifier evidence that may be any text. The bundle is always one JSON document
 * an auditor can parse, whose values are the inputs and whose proofs check against its rebuilt
 * root.
 */
@Tag("fuzz")
@AddLifecycleHook(FuzzTries.class)
class EvidenceFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** LeafSet is built from the index in production; its constructor is package-private. */
  static LeafSet leafSet(List<BigInteger> ids, byte[] hashes) {
    try {
      Constructor<LeafSet> c =
          LeafSet.class.getDeclaredConstructor(BigInteger[].class, byte[].class);
      c.setAccessible(true);
      return c.newInstance(ids.toArray(BigInteger[]::new), hashes);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  record Case(
      boolean commitment,
      String network,
      String title,
      List<BigInteger> ids,
      byte[] leafHashes,
      byte[] signature,
      List<byte[]> signerKeys,
      byte[] bitmap,
      List<ValidatorEntry> validators,
      Optional<String> evidence,
      String note) {

    TreeDetails.Loaded loaded() {
      LeafSet leaves = leafSet(ids, leafHashes);
      TreeDetail detail =
          new TreeDetail(
              title,
              leaves.tree(),
              ids,
              0,
              "set of epoch 3",
              validators.stream()
                  .map(
                      v ->
                          new io.bridgescope.desktop.quorum.ValidatorEntry(
                              v.address(), v.votingPower()))
                  .toList(),
              bitmap,
              BlsVerdict.notVerifiedYet(),
              note);
      Optional<VerdictRow> verdict =
          evidence.map(
              e ->
                  new VerdictRow(
                      VerdictKind.COMMITMENT,
                      Hash32.ZERO,
                      7,
                      VerdictStatus.INVALID_SIGNATURE,
                      "reason ✓",
                      Optional.of(e),
                      Instant.EPOCH));
      return new TreeDetails.Loaded(
          detail,
          leaves,
          Hash32.ZERO,
          Bytes.of(signature),
          signerKeys.stream().map(Bytes::of).toList(),
          validators,
          verdict,
          Hash32.ZERO);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.of("", "\u0000", "\uD800", "\"}{", "ünïcødé ✓ \u202E"));
    Arbitrary<List<BigInteger>> ids =
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))
            .list()
            .ofMaxSize(9)
            .uniqueElements()
            .map(l -> l.stream().sorted().toList());
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(140);
    Arbitrary<ValidatorEntry> validator =
        Combinators.combine(
                Arbitraries.integers().between(0, 300),
                Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::new),
                bytes.map(Bytes::of),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256)))
            .as(ValidatorEntry::new);
    Arbitrary<Optional<String>> evidence =
        Arbitraries.oneOf(
                Arbitraries.just("{\"signers\":[0,1],\"margin\":\"5\"}"),
                Arbitraries.of(
                    "", "{", "[1,", "null", "\"text\"", "{\"a\":1} trailing", "[".repeat(3000)),
                Arbitraries.strings().ofMaxLength(30))
            .optional();
    return Combinators.combine(
            Arbitraries.of(true, false),
            text,
            text,
            ids,
            bytes,
            bytes.list().ofMaxSize(5),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(60),
            validator.list().ofMaxSize(8))
        .flatAs(
            (commitment, network, title, leafIds, sig, keys, bitmap, set) ->
                Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofSize(32 * leafIds.size()),
                        evidence,
                        text)
                    .as(
                        (hashes, e, note) ->
                            new Case(
                                commitment,
                                network,
                                title,
                                leafIds,
                                hashes,
                                sig,
                                keys,
                                bitmap,
                                set,
                                e,
                                note)));
  }

  @Property(tries = 120)
  void bundlesAreOneParsableDocumentHoldingTheirInputs(@ForAll("cases") Case c) throws Exception {
    TreeDetails.Loaded l = c.loaded();
    String out =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> EvidenceBundle.write(c.network(), c.commitment(), l));
    JsonNode b = JSON.readTree(out);
    assertThat(b.get("format").asText()).isEqualTo("bridgescope-evidence/1");
    assertThat(b.get("kind").asText()).isEqualTo(c.commitment() ? "commitment" : "checkpoint");
    assertThat(b.get("signature").asText()).isEqualTo(Hex.encode(c.signature()));
    assertThat(b.get("bitmap").asText()).isEqualTo(Hex.encode(c.bitmap()));
    List<String> keys = new ArrayList<>();
    b.get("signerKeys").forEach(k -> keys.add(k.asText()));
    assertThat(keys).isEqualTo(c.signerKeys().stream().map(Hex::encode).toList());
    JsonNode validators = b.get("validators");
    assertThat(validators.size()).isEqualTo(c.validators().size());
    for (int i = 0; i < c.validators().size(); i++) {
      ValidatorEntry v = c.validators().get(i);
      JsonNode n = validators.get(i);
      assertThat(n.get("votingPower").asText()).isEqualTo(v.votingPower().toString());
      assertThat(n.get("blsKey").asText()).isEqualTo(v.blsKey().toString());
      boolean signed =
          v.index() / 8 < c.bitmap().length
              && (c.bitmap()[v.index() / 8] & (1 << (v.index() % 8))) != 0;
      assertThat(n.get("signed").asBoolean()).isEqualTo(signed);
    }
    // Every proof in the bundle checks against the bundle's own rebuilt root.
    byte[] root = Hex.decode("root", b.get("rebuiltRoot").asText());
    JsonNode leaves = b.get("leaves");
    assertThat(leaves.size()).isEqualTo(c.ids().size());
    for (int i = 0; i < leaves.size(); i++) {
      JsonNode leaf = leaves.get(i);
      assertThat(new BigInteger(leaf.get("id").asText())).isEqualTo(c.ids().get(i));
      List<byte[]> proof = new ArrayList<>();
      leaf.get("proof").forEach(p -> proof.add(Hex.decode("proof", p.asText())));
      assertThat(
              MerkleProofs.checkMembership(
                  Hex.decode("leaf", leaf.get("hash").asText()), i, root, proof))
          .isTrue();
    }
    if (c.evidence().isPresent()) {
      assertThat(b.get("verdict").get("evidence")).isNotNull();
    }
  }
}
