package io.bridgescope.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeafHashParserTest {

  @Test
  void readsHashesPerLineSkippingCommentsAndBlanks() {
    String text =
        "# leaves\n0x" + "11".repeat(32) + "\n\n" + "22".repeat(32) + ", 0x" + "33".repeat(32);
    assertThat(LeafHashParser.parse(text)).hasSize(3);
    assertThat(LeafHashParser.parse(text).get(1)[0]).isEqualTo((byte) 0x22);
  }

  @Test
  void namesTheLineOfABadValue() {
    assertThatThrownBy(() -> LeafHashParser.parse("0x" + "11".repeat(32) + "\n0x1234"))
        .hasMessageContaining("Line 2")
        .hasMessageContaining("0x1234");
    assertThatThrownBy(() -> LeafHashParser.parse("  \n")).hasMessageContaining("No leaf hashes");
  }
}
