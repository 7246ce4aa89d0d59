package io.bridgescope.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.evidence.EvidenceException.Reason;
import io.bridgescope.core.model.Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * verify-evidence's core: real signed bundles pass every check; a bundle edited in its file (one
 * leaf, one key, one power, the signature) fails exactly the checks that edit breaks, by name.
 */
class EvidenceCheckerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> failed(EvidenceBundle b) {
    return EvidenceChecker.check(b).failed().stream().map(EvidenceCheck::name).toList();
  }

  /** Writes the bundle, edits the file's JSON, reads it back and lists what fails. */
  static List<String> failedAfter(EvidenceBundle b, Consumer<ObjectNode> edit) throws Exception {
    ObjectNode o = (ObjectNode) JSON.readTree(EvidenceJson.write(b));
    edit.accept(o);
    return failed(EvidenceJson.read(JSON.writeValueAsBytes(o)));
  }

  static ObjectNode at(ObjectNode o, String path) {
    return (ObjectNode) o.at(path);
  }

  static String flipLastHexDigit(String hex) {
    char c = hex.charAt(hex.length() - 1);
    return hex.substring(0, hex.length() - 1) + (c == '0' ? '1' : '0');
  }

  @Test
  void realCommitmentAndCheckpointPassEveryCheck() {
    EvidenceReport c = EvidenceChecker.check(Bundles.commitment());
    assertThat(c.valid()).as("%s", c.checks()).isTrue();
    assertThat(c.checks())
        .extracting(EvidenceCheck::name)
        .containsExactly("leaves", "root", "signer-keys", "signature", "quorum");
    EvidenceReport k = EvidenceChecker.check(Bundles.checkpoint());
    assertThat(k.valid()).as("%s", k.checks()).isTrue();
    assertThat(k.checks())
        .extracting(EvidenceCheck::name)
        .containsExactly("leaves", "root", "validator-set-hash", "signature", "quorum");
    assertThat(k.proves()).isNotEmpty();
    assertThat(String.join(" ", k.doesNotProve())).contains("current set", "not signed");
  }

  @Test
  void aTamperedLeafFailsOnlyTheRoot() throws Exception {
    for (EvidenceBundle b : List.of(Bundles.commitment(), Bundles.checkpoint())) {
      assertThat(
              failedAfter(
                  b,
                  o -> {
                    ObjectNode leaf = at(o, "/leaves/1");
                    leaf.put("data", flipLastHexDigit(leaf.get("data").asText()));
                  }))
          .containsExactly("root");
    }
  }

  @Test
  void aTamperedValidatorKeyIsNamed() throws Exception {
    Consumer<ObjectNode> edit =
        o -> {
          ObjectNode v = at(o, "/validatorSet/validators/1");
          v.put("blsKey", Bundles.set(6).get(5).blsKey().toString());
        };
    // a commitment names its signer keys: validator 1's is no longer in the set (3 of 4 signed,
    // 2 of 4 remain: no quorum either)
    assertThat(failedAfter(Bundles.commitment(), edit)).containsExactly("signer-keys", "quorum");
    // a checkpoint's set is hashed and its signers' keys come from the set
    assertThat(failedAfter(Bundles.checkpoint(), edit))
        .containsExactly("validator-set-hash", "signature");
  }

  @Test
  void aTamperedSignerKeyFailsTheSignatureAndNamesTheStranger() throws Exception {
    assertThat(
            failedAfter(
                Bundles.commitment(),
                o -> o.withArray("signerKeys").set(0, Bundles.set(6).get(5).blsKey().toString())))
        .containsExactly("signer-keys", "signature", "quorum");
  }

  @Test
  void aTamperedVotingPowerIsNamed() throws Exception {
    // validator 3 did not sign the commitment; giving it most of the power breaks quorum
    assertThat(
            failedAfter(
                Bundles.commitment(),
                o -> at(o, "/validatorSet/validators/3").put("votingPower", "1000")))
        .containsExactly("quorum");
    // a checkpoint's set is bound by its hash, so even a harmless change shows
    assertThat(
            failedAfter(
                Bundles.checkpoint(),
                o -> at(o, "/validatorSet/validators/1").put("votingPower", "101")))
        .containsExactly("validator-set-hash");
  }

  @Test
  void aTamperedSignatureFailsOnlyTheSignature() throws Exception {
    for (EvidenceBundle b : List.of(Bundles.commitment(), Bundles.checkpoint())) {
      // another valid G1 point: the signature of a different message
      String other =
          io.bridgescope.core.model.Hex.encode(
              Bundles.sign(List.of(0), new byte[32], new byte[32]));
      assertThat(failedAfter(b, o -> o.put("signature", other))).containsExactly("signature");
      List<String> garbled =
          failedAfter(b, o -> o.put("signature", flipLastHexDigit(o.get("signature").asText())));
      assertThat(garbled).containsExactly("signature");
    }
  }

  @Test
  void aSignedBundleNamesItsExporterAndAnyEditBreaksIt() throws Exception {
    ECKeyPair key = ECKeyPair.create(new java.math.BigInteger("1234567890abcdef", 16));
    Address who = Address.of("0x" + Keys.getAddress(key));
    EvidenceBundle b = Bundles.checkpoint();
    Sign.SignatureData d = Sign.signPrefixedMessage(ExporterSignature.message(b), key);
    byte[] sig = new byte[65];
    System.arraycopy(d.getR(), 0, sig, 0, 32);
    System.arraycopy(d.getS(), 0, sig, 32, 32);
    sig[64] = d.getV()[0];
    EvidenceBundle signed = ExporterSignature.attach(b, who, sig);
    EvidenceReport r = EvidenceChecker.check(EvidenceJson.read(EvidenceJson.write(signed)));
    assertThat(r.valid()).isTrue();
    assertThat(r.checks().get(r.checks().size() - 1).detail()).contains(who.toString());
    assertThat(new String(ExporterSignature.message(b), StandardCharsets.UTF_8))
        .startsWith("Bridgescope evidence bundle\ncheckpoint ");
    // the network name is not checked by anything else, but it is signed
    assertThat(failedAfter(signed, o -> o.put("network", "mainnet"))).containsExactly("exporter");
    assertThat(
            failedAfter(
                signed, o -> at(o, "/exporter").put("address", Address.ofLow(9).toString())))
        .containsExactly("exporter");
  }

  @Test
  void bundlesAreDeterministicAndReadBackEqual() {
    byte[] one = EvidenceJson.write(Bundles.checkpoint());
    byte[] two = EvidenceJson.write(Bundles.checkpoint());
    assertThat(two).isEqualTo(one);
    assertThat(EvidenceJson.write(EvidenceJson.read(one))).isEqualTo(one);
    assertThat(new String(one, StandardCharsets.UTF_8)).doesNotContain("\r").endsWith("}\n");
    byte[] c = EvidenceJson.write(Bundles.commitment());
    assertThat(EvidenceJson.write(EvidenceJson.read(c))).isEqualTo(c);
  }

  @Test
  void aCheckpointCarriesItsEpochsRejectedSubmissionsAsAClaim() {
    EvidenceBundle b = Bundles.checkpoint();
    byte[] file = EvidenceJson.write(b);
    assertThat(EvidenceJson.read(file).rejected()).isEqualTo(b.rejected()).hasSize(1);
    assertThat(EvidenceClaims.limits(b))
        .anySatisfy(l -> assertThat(l).contains("1 rejected submission(s)"));
    String text = new String(file, StandardCharsets.UTF_8);
    assertReason(
        text.replace("\"reasonSource\" : \"otterscan\"", "\"reasonSource\" : 7"),
        Reason.BAD_FIELD,
        "rejectedSubmissions[0].reasonSource");
    assertReason(text.replace("\"rootBlock\"", "\"rootBlok\""), Reason.BAD_FIELD, "rootBlok");
    String commitment =
        new String(EvidenceJson.write(Bundles.commitment()), StandardCharsets.UTF_8);
    assertReason(
        commitment.replaceFirst("\"leaves\"", "\"rejectedSubmissions\" : [ ],\n  \"leaves\""),
        Reason.BAD_FIELD,
        "rejectedSubmissions");
  }

  @Test
  void theFileFormIsStable() throws Exception {
    for (String name : List.of("commitment", "checkpoint")) {
      byte[] want;
      try (var in = getClass().getResourceAsStream("/evidence/" + name + "-bundle.json")) {
        want = in.readAllBytes();
      }
      EvidenceBundle b = name.equals("commitment") ? Bundles.commitment() : Bundles.checkpoint();
      assertThat(EvidenceJson.write(b)).as(name).isEqualTo(want);
    }
  }

  @Test
  void unreadableFilesGetTypedErrorsNamingTheField() throws Exception {
    byte[] good = EvidenceJson.write(Bundles.commitment());
    String text = new String(good, StandardCharsets.UTF_8);
    assertReason("{", Reason.NOT_JSON, "not valid JSON");
    assertReason("[1]", Reason.NOT_JSON, "one JSON object");
    assertReason(text + text, Reason.NOT_JSON, "more after");
    assertReason(
        text.replace("bridgescope-evidence/2", "bridgescope-evidence/1"),
        Reason.WRONG_FORMAT,
        "export again");
    assertReason(text.replace("\"network\"", "\"netwerk\""), Reason.BAD_FIELD, "netwerk");
    assertReason(
        text.replaceFirst("\"startId\" : \"5\"", "\"startId\" : \"-5\""),
        Reason.BAD_FIELD,
        "commitment.startId");
    assertReason(
        text.replaceFirst("\"sender\" : \"0x..", "\"sender\" : \"0xzz"),
        Reason.BAD_FIELD,
        "leaves[0].sender");
    assertReason(
        text.replaceFirst("\"kind\"", "\"kind\" : \"commitment\",\n  \"kind\""),
        Reason.NOT_JSON,
        "Duplicate field");
    assertReason("[".repeat(100) + "]".repeat(100), Reason.TOO_LARGE, "limits");
    String bigData = "0x" + "00".repeat(EvidenceJson.MAX_DATA_BYTES + 1);
    assertReason(
        text.replaceFirst("\"data\" : \"0x[0-9a-f]*\"", "\"data\" : \"" + bigData + "\""),
        Reason.TOO_LARGE,
        "leaves[0].data");
  }

  private static void assertReason(String file, Reason reason, String says) {
    assertThatThrownBy(() -> EvidenceJson.read(file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            EvidenceException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(says);
  }
}
