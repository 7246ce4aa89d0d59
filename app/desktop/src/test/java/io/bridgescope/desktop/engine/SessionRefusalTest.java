package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a saved network whose profile does not fit its node shows the refusal instead of
 * indexing; the same devnet under a fitting profile opens.
 */
@Tag("devnet")
class SessionRefusalTest {

  @TempDir Path work;

  @Test
  void aProfileOfAnotherChainIsRefusedWithAClearErrorAndNothingIndexed() throws Exception {
    DataDir data = new DataDir(work.resolve("data"));
    try (Devnet d = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {});
        SessionManager sessions = new SessionManager(data)) {
      data.saveProfile(d.profile().toBuilder().name("says-mainnet").rootChainId(1).build());
      sessions.open("says-mainnet").get(120, TimeUnit.SECONDS);

      assertThat(sessions.current()).isEmpty();
      assertThat(sessions.progress())
          .startsWith("Could not open says-mainnet: wrong chain")
          .contains("reports chain id " + DevnetConfig.ROOT_CHAIN_ID)
          .contains(d.rootNode().rpcUrl().toString());
      for (ChainRole role : ChainRole.values()) {
        Optional<Cursor> cursor =
            Database.open(data.database("says-mainnet")).read(c -> new CursorDao(c).get(role));
        assertThat(cursor).as("%s cursor", role).isEmpty();
      }

      data.saveProfile(d.profile().toBuilder().name("fits").build());
      sessions.open("fits").get(120, TimeUnit.SECONDS);
      assertThat(sessions.current()).isPresent();
      assertThat(sessions.progress()).isEmpty();
    }
  }
}
