package io.bridgescope.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.fuzz.JsonEdit;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * verify-evidence reads files from strangers: an edited bundle either reads (and then checks
 * without throwing, and writes back to a file that reads back equal) or fails with a typed {@link
 * EvidenceException}; never another exception, a hang or an allocation the input dictates.
 */
@AddLifecycleHook(FuzzTries.class)
class EvidenceFuzzTest {

  private static final String COMMITMENT =
      new String(EvidenceJson.write(Bundles.commitment()), StandardCharsets.UTF_8);
  private static final String CHECKPOINT =
      new String(EvidenceJson.write(Bundles.checkpoint()), StandardCharsets.UTF_8);

  @Provide
  Arbitrary<String> bundles() {
    return Arbitraries.of(COMMITMENT, CHECKPOINT);
  }

  @Provide
  Arbitrary<List<JsonEdit>> edits() {
    return JsonEdit.lists();
  }

  @Property(tries = 40)
  void editedBundlesReadAndCheckOrFailTyped(
      @ForAll("bundles") String bundle, @ForAll("edits") List<JsonEdit> edits) {
    byte[] file = JsonEdit.applyAll(bundle, edits);
    Outcome<EvidenceReport> o =
        Decoders.decode(
            () -> EvidenceChecker.check(EvidenceJson.read(file)), EvidenceException.class);
    if (edits.isEmpty()) {
      assertThat(o.ok()).as("valid bundle refused: %s", o.error()).isTrue();
      assertThat(o.value().valid()).isTrue();
    } else if (o.ok()) {
      EvidenceBundle b = o.value().bundle();
      assertThat(EvidenceJson.write(EvidenceJson.read(EvidenceJson.write(b))))
          .isEqualTo(EvidenceJson.write(b));
    }
  }

  @Property(tries = 40)
  void randomBytesFailTyped(@ForAll @Size(max = 2000) byte[] content) {
    Decoders.decode(() -> EvidenceJson.read(content), EvidenceException.class);
  }
}
