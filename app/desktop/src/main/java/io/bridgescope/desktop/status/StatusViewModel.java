package io.bridgescope.desktop.status;

import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.concurrent.UiSubscription;
import java.util.Locale;
import java.util.OptionalLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status bar's state: heads, index lag, RPC health and catch-up progress, as text. */
public final class StatusViewModel implements AutoCloseable {

  private final StringProperty rootHead = new SimpleStringProperty("Root: –");
  private final StringProperty childHead = new SimpleStringProperty("Child: –");
  private final StringProperty indexLag = new SimpleStringProperty("Index lag: –");
  private final StringProperty rpc = new SimpleStringProperty("RPC: –");
  private final ObjectProperty<RpcHealth> worstHealth =
      new SimpleObjectProperty<>(RpcHealth.UNKNOWN);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final BooleanProperty catchingUp = new SimpleBooleanProperty(false);
  private final StringProperty message = new SimpleStringProperty("");

  private final StatusSource source;
  private final UiSubscription snapshots;

  public StatusViewModel(StatusSource source, UiCoalescer.Factory coalescers) {
    this.source = source;
    this.snapshots = new UiSubscription("status", coalescers);
  }

  /** Subscribes to the source; updates arrive at most ~10 times a second on the UI thread. */
  public void start() {
    snapshots.onValues(source::subscribe, this::apply);
  }

  void apply(StatusSnapshot s) {
    rootHead.set(s.root().label() + ": " + head(s.root().head()));
    childHead.set(s.child().label() + ": " + head(s.child().head()));
    indexLag.set("Index lag: " + lag(s.root()) + " · " + lag(s.child()));
    rpc.set("RPC: " + health(s.root()) + " · " + health(s.child()));
    worstHealth.set(worse(s.root().rpc(), s.child().rpc()));
    catchingUp.set(s.catchUpProgress().isPresent());
    progress.set(s.catchUpProgress().orElse(0));
    message.set(s.message());
  }

  private static String head(OptionalLong head) {
    return head.isPresent() ? "#" + blocks(head.getAsLong()) : "no head yet";
  }

  private static String blocks(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String lag(ChainStatus chain) {
    OptionalLong lag = chain.lag();
    String value = lag.isPresent() ? blocks(lag.getAsLong()) + " blocks" : "–";
    return chain.label().toLowerCase(Locale.ROOT) + " " + value;
  }

  private static String health(ChainStatus chain) {
    String text = chain.label().toLowerCase(Locale.ROOT) + " " + chain.rpc();
    return chain.rpcDetail().isBlank() ? text : text + " (" + chain.rpcDetail() + ")";
  }

  private static RpcHealth worse(RpcHealth a, RpcHealth b) {
    // DOWN > DEGRADED > UNKNOWN > OK: the bar colours for the worst chain.
    int ra = rank(a);
    int rb = rank(b);
    return ra >= rb ? a : b;
  }

  private static int rank(RpcHealth h) {
    return switch (h) {
      case OK -> 0;
      case UNKNOWN -> 1;
      case DEGRADED -> 2;
      case DOWN -> 3;
    };
  }

  public ReadOnlyStringProperty rootHeadProperty() {
    return rootHead;
  }

  public ReadOnlyStringProperty childHeadProperty() {
    return childHead;
  }

  public ReadOnlyStringProperty indexLagProperty() {
    return indexLag;
  }

  public ReadOnlyStringProperty rpcProperty() {
    return rpc;
  }

  public ReadOnlyObjectProperty<RpcHealth> worstHealthProperty() {
    return worstHealth;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  public ReadOnlyBooleanProperty catchingUpProperty() {
    return catchingUp;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  @Override
  public void close() {
    snapshots.close();
  }
}
