package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-evidence}'s success side of the JSON contract (JsonContractTest lists it among the
 * verbs that succeed without a node): real bundles check out with one document and exit 0; an
 * edited one is still one document, names the failed check and exits 2; an unreadable one is an
 * {@code evidence_<reason>} error.
 */
class VerifyEvidenceCliTest {

  @TempDir Path dir;

  Path resource(String name) throws IOException {
    Path p = dir.resolve(name);
    try (var in = VerifyEvidenceCliTest.class.getResourceAsStream("/evidence/" + name)) {
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
    }
    return p;
  }

  static CliRun.Result run(Path bundle) {
    return CliRun.run("verify-evidence", bundle.toString(), "--json").noStackTrace();
  }

  @Test
  void verifyEvidenceAnswersWithOneDocumentAndExit2WhenAPartFails() throws IOException {
    for (String name : List.of("commitment-bundle.json", "checkpoint-bundle.json")) {
      CliRun.Result r = run(resource(name));
      JsonNode ok = r.json();
      assertThat(r.exit()).as("%s: %s", name, ok).isZero();
      assertThat(ok.path("valid").asBoolean()).as(name).isTrue();
      assertThat(ok.path("failed")).isEmpty();
      assertThat(ok.path("proves")).isNotEmpty();
      assertThat(ok.path("doesNotProve")).isNotEmpty();
    }
    Path bundle = resource("commitment-bundle.json");
    String text = Files.readString(bundle);
    // validator 3 did not sign; with most of the power it leaves the signers without quorum
    ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(text);
    ((ObjectNode) tree.at("/validatorSet/validators/3")).put("votingPower", "1000");
    Files.writeString(bundle, tree.toString());
    CliRun.Result r = run(bundle);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.json().path("valid").asBoolean()).isFalse();
    assertThat(r.json().path("failed").toString()).isEqualTo("[\"quorum\"]");
    Files.writeString(bundle, "{\"format\": \"bridgescope-evidence/1\"}");
    assertThat(run(bundle).error().path("code").asText()).isEqualTo("evidence_wrong_format");
    Files.writeString(bundle, text.substring(0, 100));
    assertThat(run(bundle).error().path("code").asText()).isEqualTo("evidence_not_json");
  }
}
