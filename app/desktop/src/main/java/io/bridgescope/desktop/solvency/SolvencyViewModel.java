package io.bridgescope.desktop.solvency;

import io.bridgescope.core.asset.TokenAmounts;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.solvency.SolvencyHistory;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.notify.NotificationSink;
import io.bridgescope.desktop.ports.SolvencySource;
import io.bridgescope.desktop.widgets.ShortHex;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * State of the Solvency screen: each bridged token's invariant at the index's current state, its
 * history over this session (one point per check, by child block), and an alarm with a desktop
 * notification when a token stops balancing. Re-checks whenever the index moves.
 */
public final class SolvencyViewModel implements AutoCloseable {

  /** Keep the chart to the recent past; the CLI gives the exact figures at any time. */
  static final int MAX_POINTS = 500;

  /** One check of one token: the difference (escrow − owed) as of a child block. */
  public record Point(String token, long childBlock, BigInteger difference) {}

  private final SolvencySource source;
  private final TaskRunner tasks;
  private final UiCoalescer.Factory coalescers;
  private final NotificationSink notifications;
  private final ObservableList<TokenSolvency> tokens = FXCollections.observableArrayList();
  private final ObservableList<Point> history = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper alarmText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper alarm = new ReadOnlyBooleanWrapper(false);
  private final Set<String> violating = new HashSet<>();
  private @Nullable AutoCloseable subscription;
  private boolean running;

  public SolvencyViewModel(
      SolvencySource source,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers,
      NotificationSink notifications) {
    this.source = source;
    this.tasks = tasks;
    this.coalescers = coalescers;
    this.notifications = notifications;
  }

  /** Checks now and again whenever the index moves. */
  public void start() {
    if (subscription == null) {
      Consumer<Boolean> changes = coalescers.create(ignored -> check());
      subscription = source.subscribe(() -> changes.accept(Boolean.TRUE));
      loadHistory();
    }
    check();
  }

  /** The kept verdicts of earlier sessions, before the live ones on the chart. */
  private void loadHistory() {
    if (!source.isConnected()) {
      return;
    }
    tasks.run(
        "solvency history",
        () -> source.history(MAX_POINTS),
        kept -> {
          Set<String> live = new HashSet<>();
          history.forEach(p -> live.add(p.token() + "@" + p.childBlock()));
          List<Point> earlier = new java.util.ArrayList<>();
          for (SolvencyHistory.Entry e : kept) {
            if (!live.contains(e.tokenKey() + "@" + e.childBlock())) {
              earlier.add(new Point(e.tokenKey(), e.childBlock(), e.difference()));
            }
          }
          history.addAll(0, earlier);
          if (history.size() > MAX_POINTS) {
            history.remove(0, history.size() - MAX_POINTS);
          }
        },
        e ->
            message.set(
                "Could not read the kept solvency history: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage())));
  }

  private record Checked(
      Optional<SolvencyReport> report, Map<Address, Optional<TokenMetadata>> metadata) {}

  private final Map<Address, Optional<TokenMetadata>> metadata = new HashMap<>();

  /**
   * {@code amount} of {@code t}'s token with its decimals and symbol ({@code 1.5 TKN}), or raw
   * units said as such when the token's decimals are not known.
   */
  public String amount(TokenSolvency t, BigInteger amount) {
    if (t.kind() == io.bridgescope.core.solvency.AssetKind.ERC721) {
      return amount + (amount.equals(BigInteger.ONE) ? " id" : " ids"); // counted, never scaled
    }
    if (t.kind() == io.bridgescope.core.solvency.AssetKind.ERC1155) {
      return amount.toString(); // ERC-1155 amounts are whole
    }
    Optional<TokenMetadata> meta = metadata.getOrDefault(t.rootToken(), Optional.empty());
    if (meta.map(m -> m.decimals().isEmpty()).orElse(true)) {
      // short, so that a table cell holds it whole; the screen's text says what "raw" means
      return amount + " raw";
    }
    return TokenAmounts.format(amount, meta);
  }

  /** The token's symbol, or its short address when it has none; an ERC-1155 row adds its id. */
  public String token(TokenSolvency t) {
    return metadata
            .getOrDefault(t.rootToken(), Optional.empty())
            .flatMap(TokenMetadata::symbol)
            .orElse(ShortHex.of(t.rootToken().toString()))
        + t.id().map(id -> " id " + id).orElse("");
  }

  /**
   * The chart's name for a token key ({@link SolvencyHistory#key}): the table's name for it once a
   * check has shown it (its symbol, and the id of an ERC-1155 row), else its short address.
   */
  public String label(String key) {
    String known = labels.get(key);
    if (known != null) {
      return known;
    }
    int hash = key.indexOf('#');
    return hash < 0
        ? ShortHex.of(key)
        : ShortHex.of(key.substring(0, hash)) + " id " + key.substring(hash + 1);
  }

  private final Map<String, String> labels = new HashMap<>();

  public void check() {
    if (!source.isConnected()) {
      message.set("Not connected: open a network to check its solvency.");
      return;
    }
    if (running) {
      return; // the next index change checks again
    }
    running = true;
    tasks.run(
        "solvency check",
        () -> {
          Optional<SolvencyReport> r = source.check();
          Map<Address, Optional<TokenMetadata>> meta = new HashMap<>();
          if (r.isPresent()) {
            for (TokenSolvency t : r.get().tokens()) {
              meta.put(t.rootToken(), source.metadata(t.rootToken()));
            }
          }
          return new Checked(r, meta);
        },
        c -> {
          running = false;
          metadata.clear();
          metadata.putAll(c.metadata());
          show(c.report());
        },
        e -> {
          running = false;
          message.set(
              "Could not check: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
  }

  private void show(Optional<SolvencyReport> found) {
    if (found.isEmpty()) {
      message.set("Nothing to check yet: the index has not reached a block on both chains.");
      return;
    }
    SolvencyReport r = found.get();
    tokens.setAll(r.tokens());
    r.tokens().forEach(t -> labels.put(SolvencyHistory.key(t), token(t)));
    String at = "as of root block " + r.rootBlock() + " and child block " + r.childBlock();
    if (r.unsettled().isPresent()) {
      message.set("No verdict " + at + ": " + r.unsettled().get());
      return;
    }
    for (TokenSolvency t : r.tokens()) {
      history.add(new Point(SolvencyHistory.key(t), r.childBlock(), t.difference()));
    }
    if (history.size() > MAX_POINTS) {
      history.remove(0, history.size() - MAX_POINTS);
    }
    message.set(
        r.tokens().isEmpty()
            ? "No deposit or withdrawal indexed yet " + at + "."
            : r.tokens().size() + " token(s) checked " + at + ".");
    Set<String> now = new HashSet<>();
    StringBuilder text = new StringBuilder();
    for (TokenSolvency t : r.tokens()) {
      if (t.status() == TokenSolvency.Status.BALANCED) {
        continue;
      }
      String token = SolvencyHistory.key(t);
      now.add(token);
      String line = describe(t, this::amount) + " at child block " + r.childBlock();
      text.append(text.length() == 0 ? "" : "\n").append(line);
      if (!violating.contains(token)) {
        notifications.show("Solvency alarm", line);
      }
    }
    violating.clear();
    violating.addAll(now);
    alarm.set(!now.isEmpty());
    alarmText.set(text.toString());
  }

  /** "deficit of N: the child holds N more of TOKEN than the escrow backs". */
  static String describe(TokenSolvency t) {
    return describe(t, (x, v) -> v.toString());
  }

  static String describe(
      TokenSolvency t, java.util.function.BiFunction<TokenSolvency, BigInteger, String> amount) {
    BigInteger d = t.difference();
    return t.status() == TokenSolvency.Status.DEFICIT
        ? "Deficit of "
            + amount.apply(t, d.negate())
            + ": the child holds "
            + amount.apply(t, d.negate())
            + " more of "
            + t.rootToken()
            + t.id().map(id -> " id " + id).orElse("")
            + " than the escrow backs"
        : "Surplus of "
            + amount.apply(t, d)
            + ": the escrow holds "
            + amount.apply(t, d)
            + " more of "
            + t.rootToken()
            + t.id().map(id -> " id " + id).orElse("")
            + " than it owes";
  }

  public ObservableList<TokenSolvency> tokens() {
    return tokens;
  }

  public ObservableList<Point> history() {
    return history;
  }

  public ReadOnlyStringProperty message() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty alarmText() {
    return alarmText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty alarm() {
    return alarm.getReadOnlyProperty();
  }

  @Override
  public void close() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        // closing a listener registration does not fail in practice; nothing to keep
      }
      subscription = null;
    }
  }
}
