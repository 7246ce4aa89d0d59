package io.bridgescope.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetOwnerTest {

  @TempDir Path dir;

  @Test
  void thisProcessIsRunningAndReadsBack() throws Exception {
    DataDir d = new DataDir(dir);
    DevnetOwner me = DevnetOwner.current("`bridgescope demo`");
    me.save(d, "devnet");
    assertThat(DevnetOwner.read(d, "devnet")).contains(me);
    assertThat(me.running()).isTrue();
    DevnetOwner.clear(d, "devnet");
    assertThat(DevnetOwner.read(d, "devnet")).isEmpty();
  }

  @Test
  void aProcessThatEndedIsNotRunningNorIsALaterOneWithItsPid() throws Exception {
    Process p = new ProcessBuilder("sleep", "60").start();
    Instant started = p.info().startInstant().orElse(null);
    p.destroyForcibly().waitFor();
    assertThat(new DevnetOwner(p.pid(), started, "x").running()).isFalse();
    // this JVM's pid with another start time: a reused pid, not the owner
    long mine = ProcessHandle.current().pid();
    assertThat(new DevnetOwner(mine, Instant.EPOCH, "x").running()).isFalse();
  }

  @Test
  void aFileThatIsNotOneOfOursIsIgnored() throws Exception {
    DataDir d = new DataDir(dir);
    Path f = DevnetOwner.file(d, "devnet");
    Files.createDirectories(f.getParent());
    for (String junk :
        new String[] {
          "", "[]", "{\"pid\": \"x\"}", "{\"pid\": -4}", "{\"pid\": 5, \"processStart\": 7}"
        }) {
      Files.writeString(f, junk);
      assertThat(DevnetOwner.read(d, "devnet")).as(junk).isEmpty();
    }
  }
}
