package io.bridgescope.desktop.shell;

import io.bridgescope.core.store.PgTarget;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.status.TeamIndexProblem;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * "Open team index…": the URL (prefilled from the open profile's {@code store}), checked as the CLI
 * checks {@code --db} before anything connects; the connection is made by the task runner, with its
 * progress shown and a Cancel that leaves the open network as it was.
 */
public final class TeamIndexViewModel {

  private final NetworkSwitcher switcher;
  private final TaskRunner tasks;
  private final Map<String, String> env;
  private final StringProperty url = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty progress = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final BooleanProperty opened = new SimpleBooleanProperty(false);
  private TaskRunner.@Nullable Cancellable running;
  private @Nullable AtomicBoolean cancelled;

  /**
   * @param env the environment the user comes from ({@code PGUSER}) when the URL names none
   */
  public TeamIndexViewModel(
      NetworkSwitcher switcher, TaskRunner tasks, String prefill, Map<String, String> env) {
    this.switcher = switcher;
    this.tasks = tasks;
    this.env = env;
    url.set(prefill);
  }

  /** Checks the URL, then connects off the FX thread; the dialog stays open until it worked. */
  public void submit() {
    if (busy.get()) {
      return;
    }
    error.set("");
    String u = url.get().trim();
    PgTarget target;
    try {
      target = PgTarget.parse(u, env);
    } catch (IllegalArgumentException e) {
      error.set(TeamIndexProblem.words(e));
      return;
    }
    AtomicBoolean stop = new AtomicBoolean();
    cancelled = stop;
    busy.set(true);
    progress.set(
        "Connecting to " + target.database() + " on " + target.host() + ":" + target.port() + "…");
    running =
        tasks.run(
            "open team index",
            () -> {
              switcher.openTeamIndex(u, stop::get);
              return Boolean.TRUE;
            },
            ok -> {
              busy.set(false);
              progress.set("");
              opened.set(true);
            },
            e -> {
              busy.set(false);
              progress.set("");
              error.set(TeamIndexProblem.words(e));
            });
  }

  /** Stops waiting for the connection; if it opens later anyway, it is dropped unused. */
  public void cancel() {
    AtomicBoolean stop = cancelled;
    if (stop != null) {
      stop.set(true);
    }
    TaskRunner.@Nullable Cancellable r = running;
    if (r != null) {
      r.cancel();
    }
    busy.set(false);
    progress.set("");
  }

  public StringProperty urlProperty() {
    return url;
  }

  /** The refusal, in words naming what to do; empty when there is none. */
  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  /** "Connecting to …" while the connection is being made. */
  public ReadOnlyStringProperty progressProperty() {
    return progress;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** Becomes true once the team index is open and the screens read it. */
  public ReadOnlyBooleanProperty openedProperty() {
    return opened;
  }
}
