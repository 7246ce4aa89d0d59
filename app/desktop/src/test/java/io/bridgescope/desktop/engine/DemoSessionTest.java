package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.config.DevnetOwner;
import io.bridgescope.devnet.DemoFlags;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bridgescope demo --relayer-paused …} with a display: the app's embedded devnet gets the
 * flags; and a saved profile named "devnet" (here a running demo's) opens beside it.
 */
@Tag("devnet")
class DemoSessionTest {

  @TempDir Path work;

  @Test
  void theDemoFlagsReachTheEmbeddedDevnetAndARunningDemosProfileStaysIntact() throws Exception {
    DataDir data = new DataDir(work.resolve("data"));
    try (Devnet other = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {});
        SessionManager sessions = new SessionManager(data)) {
      // another process's demo would save this; here this process plays it
      data.saveProfile(other.profile());
      DevnetOwner.current("`bridgescope demo`").save(data, "devnet");

      DevnetConfig asked =
          DemoFlags.parse(List.of("--relayer-paused", "--validators", "3", "--epoch-size=6"));
      sessions.openDevnet(asked).get(180, TimeUnit.SECONDS);
      Session embedded =
          sessions.current().orElseThrow(() -> new AssertionError(sessions.progress()));
      assertThat(embedded.devnet()).isPresent();
      assertThat(embedded.devnet().get().config()).isEqualTo(asked);
      assertThat(embedded.profile().epochSize()).isEqualTo(6);
      // the demo's "devnet" is not clobbered: the embedded one took another name
      assertThat(embedded.profile().name()).isNotEqualTo("devnet");
      assertThat(data.profile("devnet").root().rpcUrls())
          .isEqualTo(other.profile().root().rpcUrls());
      assertThat(sessions.networks()).startsWith(DesktopSettings.EMBEDDED).contains("devnet");
      assertThat(sessions.networks()).doesNotContain(embedded.profile().name());

      sessions.open("devnet").get(180, TimeUnit.SECONDS);
      Session saved = sessions.current().orElseThrow(() -> new AssertionError(sessions.progress()));
      assertThat(saved.devnet()).isEmpty();
      assertThat(saved.profile().name()).isEqualTo("devnet");
      assertThat(saved.profile().root().rpcUrls()).isEqualTo(other.profile().root().rpcUrls());
      assertThat(new EngineNetworks(sessions).current()).contains("devnet");

      // once that demo is gone, its leftover profile is neither offered nor opened
      new DevnetOwner(ProcessHandle.current().pid(), Instant.EPOCH, "`bridgescope demo`")
          .save(data, "devnet");
      assertThat(sessions.networks()).doesNotContain("devnet");
      sessions.open("devnet").get(180, TimeUnit.SECONDS);
      assertThat(sessions.current()).isEmpty();
      assertThat(sessions.progress())
          .startsWith("Could not open devnet: the devnet")
          .contains("stopped");
    }
  }
}
