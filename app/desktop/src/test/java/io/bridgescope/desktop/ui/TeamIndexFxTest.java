package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.EnginePorts;
import io.bridgescope.desktop.engine.Session;
import io.bridgescope.desktop.engine.SessionManager;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.Screenshots;
import io.bridgescope.desktop.testing.TeamPg;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Open team index…" in the whole shell against a real PostgreSQL server: the screens then show
 * what the team's writer wrote and the status line names its host; a URL with a password and an
 * unreachable server are refused in the dialog, and the local index stays open.
 */
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class TeamIndexFxTest {

  @TempDir Path dir;

  private SessionManager sessions;
  private AppContext context;
  private Parent root;

  static NetworkProfile profile() {
    return NetworkProfile.builder()
        .name("teamnet")
        .root(new ChainConfig(1, List.of(URI.create("http://127.0.0.1:1")), 0))
        .child(new ChainConfig(2, List.of(URI.create("http://127.0.0.1:1")), 0))
        .stateSender(Address.ofLow(0xa1))
        .checkpointManager(Address.ofLow(0xa2))
        .exitHelper(Address.ofLow(0xa3))
        .rootErc20Predicate(Address.ofLow(0xa4))
        .epochSize(10)
        .confirmations(1)
        .build();
  }

  @Start
  void start(Stage stage) {
    DataDir data = new DataDir(dir);
    NetworkProfile p = profile();
    // the local index: a read-only session over the network's own (empty) SQLite file
    sessions =
        SessionManager.of(
            data, Session.readOnly(p, "teamnet", Database.open(data.database("teamnet"))));
    context =
        new AppContext(
            AppWiring.of(EnginePorts.over(sessions), Platform::runLater, () -> stage)
                .withNetworks(new EngineNetworks(sessions)));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    context.close();
    sessions.close();
  }

  @SuppressWarnings("unchecked")
  private DialogPane openDialog(FxRobot robot) {
    ComboBox<String> box = robot.lookup(".topbar .combo-box").queryAs(ComboBox.class);
    Fx.run(() -> box.setValue("Open team index…"));
    Fx.waitUntil(() -> robot.lookup("#teamUrl").tryQuery().isPresent());
    return (DialogPane) robot.lookup(".dialog-pane").query();
  }

  private static void set(FxRobot robot, String id, String text) {
    TextField f = robot.lookup(id).queryAs(TextField.class);
    // set, not typed: key events race with the field (see the search test)
    Fx.run(() -> f.setText(text));
  }

  private static StateSyncRow message(long id) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        Address.ofLow(0x1001),
        Address.ofLow(0x1004),
        Bytes.of(new byte[] {1, 2, (byte) id}),
        PayloadKind.MESSAGE,
        Optional.empty(),
        new EventRef(10 + id, 1_700_000_000L + id, Hash32.of(String.format("%064x", id)), 0));
  }

  @Test
  void theScreensReadWhatTheTeamsWriterWroteAndTheStatusLineNamesItsHost(FxRobot robot)
      throws Exception {
    String database = TeamPg.freshDatabase();
    PgTarget target = PgTarget.parse(TeamPg.url(database), Map.of());
    Database writerDb = Database.openPostgres(target, Map.of(), true, false);
    try (StoreWriter writer = new StoreWriter(writerDb, Clock.systemUTC())) {
      writer
          .submit(
              Batch.of(
                  c ->
                      new StateSyncDao(c)
                          .insert(LongStream.rangeClosed(1, 3).mapToObj(i -> message(i)).toList())))
          .get(60, TimeUnit.SECONDS);

      DialogPane dialog = openDialog(robot);
      set(robot, "#teamUrl", TeamPg.url(database));
      robot.clickOn("#teamOpen");
      // a closed dialog's pane may already have left its scene
      Fx.waitUntil(() -> dialog.getScene() == null || !dialog.getScene().getWindow().isShowing());

      Session team = sessions.current().orElseThrow();
      assertThat(team.db().isShared()).isTrue();
      assertThat(team.db().writable()).as("the desktop only reads the team index").isFalse();
      assertThat(team.localDb().isShared()).as("watches and the journal stay local").isFalse();

      robot.clickOn("#nav-deposits");
      Fx.waitUntil(() -> context.deposits().table().totalProperty().get() == 3);
      Label status = robot.lookup("#statusMessage").queryAs(Label.class);
      String host = InetAddress.getLocalHost().getHostName();
      Fx.waitUntil(
          () ->
              status
                  .getText()
                  .startsWith(
                      "team index: "
                          + database
                          + " on localhost:"
                          + target.port()
                          + ", indexed by "
                          + host
                          + ", lag "));
      assertThat(status.getText()).doesNotContain("postgres@");
      Screenshots.save(root, "team-index-open");
    }
    // the writer stopped: its lock is free, and the line says so at the next poll
    Label status = robot.lookup("#statusMessage").queryAs(Label.class);
    Fx.waitUntil(() -> status.getText().contains(", no indexer running, "));
  }

  @Test
  void aUrlWithAPasswordIsRefusedInTheDialogWithoutShowingIt(FxRobot robot) {
    DialogPane dialog = openDialog(robot);
    set(robot, "#teamUrl", "postgresql://alice:s3cret-pw@db.example/bridge");
    robot.clickOn("#teamOpen");
    Label error = robot.lookup("#teamError").queryAs(Label.class);
    Fx.waitUntil(() -> error.getText().contains("holds a password"));
    assertThat(error.getText()).contains("PGPASSWORD").doesNotContain("s3cret-pw");
    assertThat(dialog.getScene().getWindow().isShowing()).isTrue();
    assertThat(sessions.current().orElseThrow().db().isShared()).isFalse();
    Screenshots.save(dialog, "team-index-password-refused");
  }

  @Test
  void anUnreachableServerIsNamedAndTheLocalIndexStaysOpen(FxRobot robot) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    DialogPane dialog = openDialog(robot);
    set(robot, "#teamUrl", "postgresql://127.0.0.1:" + port + "/bridge");
    robot.clickOn("#teamOpen");
    Label error = robot.lookup("#teamError").queryAs(Label.class);
    Fx.waitUntil(() -> error.getText().contains("store_unreachable"));
    assertThat(error.getText()).contains("127.0.0.1:" + port);
    assertThat(dialog.getScene().getWindow().isShowing()).isTrue();
    Session s = sessions.current().orElseThrow();
    assertThat(s.db().isShared()).isFalse();
    assertThat(s.team()).isEmpty();
  }
}
