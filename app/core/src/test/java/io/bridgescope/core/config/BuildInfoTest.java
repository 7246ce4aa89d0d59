package io.bridgescope.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void versionComesFromThePomAndUnrecordedFieldsSayUnknown() {
    BuildInfo b = BuildInfo.current();
    assertThat(b.version()).startsWith("0.1.0").doesNotContain("${");
    assertThat(b.commit()).doesNotContain("${");
    assertThat(b.built()).doesNotContain("${");
    assertThat(b.lines()[0]).isEqualTo("Bridgescope " + b.version());
  }
}
