package io.bridgescope.desktop.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The followed-addresses file: round trip, and hostile content refused with its name. */
class TrackedAddressesTest {

  static final Address A = Address.of("0x00000000000000000000000000000000000000aa");
  static final Address B = Address.of("0x00000000000000000000000000000000000000bb");

  @TempDir Path dir;

  @Test
  void addressesSurviveARestartInTheOrderAddedWithoutDuplicates() {
    TrackedAddresses t = new TrackedAddresses(dir);
    assertThat(t.list()).isEmpty();
    t.add(B);
    t.add(A);
    t.add(B);
    assertThat(new TrackedAddresses(dir).list()).containsExactly(B, A);
    new TrackedAddresses(dir).remove(B);
    assertThat(new TrackedAddresses(dir).list()).containsExactly(A);
    assertThat(Files.exists(dir.resolve(TrackedAddresses.FILE + ".tmp"))).isFalse();
  }

  @Test
  void commentsBlankLinesAndMixedCaseAreRead() throws Exception {
    Files.writeString(
        dir.resolve(TrackedAddresses.FILE),
        "# mine\r\n\r\n  0x00000000000000000000000000000000000000AA  # cold wallet\n");
    assertThat(new TrackedAddresses(dir).list()).containsExactly(A);
  }

  @Test
  void aLineThatIsNotAnAddressNamesTheFileAndLineAndTheFileIsKept() throws Exception {
    Path f = dir.resolve(TrackedAddresses.FILE);
    Files.writeString(f, A + "\n0xdeadbeef\n");
    TrackedAddresses t = new TrackedAddresses(dir);
    assertThatThrownBy(t::list)
        .isInstanceOf(TrackedAddressesException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("line 2")
        .hasMessageContaining("0xdeadbeef");
    assertThatThrownBy(() -> t.add(B)).isInstanceOf(TrackedAddressesException.class);
    assertThat(Files.readString(f)).isEqualTo(A + "\n0xdeadbeef\n");
  }

  @Test
  void bytesThatAreNotTextOrAFileTooLargeAreRefused() throws Exception {
    Path f = dir.resolve(TrackedAddresses.FILE);
    Files.write(f, new byte[] {'0', 'x', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> new TrackedAddresses(dir).list())
        .isInstanceOf(TrackedAddressesException.class)
        .hasMessageContaining("not UTF-8");
    Files.write(f, new byte[TrackedAddresses.MAX_BYTES + 1]);
    assertThatThrownBy(() -> new TrackedAddresses(dir).list())
        .hasMessageContaining("larger than")
        .hasMessageContaining(f.toString());
  }

  @Test
  void aDirectoryInThePlaceOfTheFileIsRefused() throws Exception {
    Files.createDirectory(dir.resolve(TrackedAddresses.FILE));
    assertThatThrownBy(() -> new TrackedAddresses(dir).list())
        .isInstanceOf(TrackedAddressesException.class)
        .hasMessageContaining("not a regular file");
  }
}
