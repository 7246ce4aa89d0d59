package io.bridgescope.desktop.common;

import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Draws a {@link MessageDetail}: timeline, payload, status in words and the action. */
public final class MessageDetailPane extends ScrollPane {

  private final MessageDetailViewModel vm;
  private final Copyable copyable;
  private final Consumer<String> openUrl;
  private final VBox box = new VBox(8);
  private final ToggleButton watch;

  public MessageDetailPane(MessageDetailViewModel vm, Copyable copyable, Consumer<String> openUrl) {
    this.vm = vm;
    this.copyable = copyable;
    this.openUrl = openUrl;
    box.getStyleClass().add("detail-pane");
    setContent(box);
    setFitToWidth(true);
    watch = watchToggle();
    vm.detailProperty().addListener((obs, old, now) -> render());
    vm.messageProperty().addListener((obs, old, now) -> render());
    render();
  }

  private void render() {
    box.getChildren().clear();
    MessageDetail d = vm.detailProperty().get();
    String msg = vm.messageProperty().get();
    if (!msg.isBlank()) {
      Label m = new Label(msg);
      m.getStyleClass().add("muted");
      m.setWrapText(true);
      box.getChildren().add(m);
    }
    if (d == null) {
      return;
    }
    Label title = new Label(d.title() + " · " + d.stage());
    title.getStyleClass().add("section-title");
    Label reason = new Label(d.reason());
    reason.setWrapText(true);
    reason.getStyleClass().add("detail-reason");
    Label next = new Label("Next: " + d.nextStep() + d.eta().map(e -> " — " + e).orElse(""));
    next.setWrapText(true);
    next.getStyleClass().add("muted");
    box.getChildren().addAll(title, reason, next);
    HBox actions = new HBox(8);
    if (d.action().isPresent()) {
      Button act = new Button(d.action().get() + "…");
      act.setId("detail-action");
      // a narrow pane wraps the label rather than cutting it ("Withdraw (exit) on the root cha…")
      act.setWrapText(true);
      act.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      act.setTooltip(new Tooltip(d.action().get() + " — " + d.title()));
      actions.getChildren().add(act);
      if (vm.hasAction()) {
        act.setOnAction(e -> vm.runAction());
      } else {
        act.setDisable(true);
        Label why = new Label(MessageDetailViewModel.NO_WALLET);
        why.getStyleClass().add("muted");
        actions.getChildren().add(why);
        Tooltip.install(why, new Tooltip(MessageDetailViewModel.NO_WALLET));
      }
    }
    d.tree()
        .ifPresent(
            t -> {
              Hyperlink show = new Hyperlink("Show its leaf in the " + t.label());
              show.setId("tree-link");
              show.setOnAction(e -> vm.openTree());
              // a narrow pane wraps the link rather than cutting it or the Watch button
              show.setWrapText(true);
              show.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
              actions.getChildren().add(show);
            });
    if (vm.canWatch()) {
      actions.getChildren().add(0, watch);
    }
    watch.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    actions.getStyleClass().add("detail-actions");
    // under the status, above the timeline and payload: at 1280×800 an exit's timeline and payload
    // pushed its Claim button below the visible part of the pane
    box.getChildren().add(actions);
    box.getChildren().addAll(section("Lifecycle"), timeline(d), section("Payload"), payload(d));
    // on a line of its own, at the end: the actions above may fill the pane's width
    vm.link()
        .ifPresent(
            uri -> {
              Hyperlink link = new Hyperlink("Copy link");
              link.setId("copy-link");
              link.setTooltip(new Tooltip("Copy " + uri + " (opens here with bridgescope open)"));
              link.setOnAction(e -> copyable.copy(uri));
              HBox row = new HBox(link);
              row.getStyleClass().add("detail-actions");
              box.getChildren().add(row);
            });
  }

  /** "Watch": a notification when this item's lifecycle step changes (one per pane). */
  private ToggleButton watchToggle() {
    ToggleButton watch = new ToggleButton();
    watch.setId("watch-toggle");
    watch.setSelected(vm.watchedProperty().get());
    // not bound: a click sets 'selected' itself; the stored state then corrects it
    vm.watchedProperty().addListener((obs, old, on) -> watch.setSelected(on));
    watch.textProperty().bind(vm.watchedProperty().map(on -> on ? "Watching ✓" : "Watch"));
    watch.setOnAction(e -> vm.setWatched(watch.isSelected()));
    Tooltip tip = new Tooltip();
    // the state in words too: on, it says how to stop; off, what it would do
    tip.textProperty()
        .bind(
            vm.watchedProperty()
                .map(
                    on ->
                        on
                            ? "Watched: you are notified when its step changes. Click to stop."
                            : "Not watched. Click to be notified when its step changes."));
    watch.setTooltip(tip);
    return watch;
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("card-title");
    return l;
  }

  private GridPane timeline(MessageDetail d) {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(4);
    int row = 0;
    for (int i = 0; i < d.steps().size(); i++) {
      MessageDetail.Step s = d.steps().get(i);
      Label mark = new Label(s.done() ? "●" : "○");
      mark.getStyleClass().add(s.done() ? "step-done" : "step-pending");
      Label name = new Label(s.name() + " · " + s.chain());
      name.setWrapText(true);
      g.add(mark, 0, row);
      g.add(name, 1, row);
      row++;
      if (s.done()) {
        Label where =
            new Label(
                "block "
                    + s.block().map(String::valueOf).orElse("?")
                    + " · "
                    + s.time().orElse("")
                    + d.sincePrevious(i).map(t -> " · +" + GuiWords.duration(t)).orElse(""));
        where.getStyleClass().add("muted");
        where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the tx goes to the next line when the pane is too narrow for both
        javafx.scene.layout.FlowPane line = new javafx.scene.layout.FlowPane(8, 2, where);
        s.tx()
            .ifPresent(
                tx -> line.getChildren().add(txLink(tx.toString(), s.chain().equals("root"))));
        g.add(line, 1, row);
      } else {
        Label wait = new Label("not yet");
        wait.getStyleClass().add("muted");
        g.add(wait, 1, row);
      }
      row++;
    }
    d.total()
        .ifPresent(
            t -> {
              Label total = new Label("Took " + GuiWords.duration(t) + " from first to last stage");
              total.setWrapText(true);
              total.getStyleClass().add("detail-total");
              g.add(total, 1, g.getRowCount());
            });
    javafx.scene.layout.ColumnConstraints marks = new javafx.scene.layout.ColumnConstraints();
    javafx.scene.layout.ColumnConstraints steps = new javafx.scene.layout.ColumnConstraints();
    steps.setHgrow(javafx.scene.layout.Priority.ALWAYS);
    steps.setMinWidth(0);
    g.getColumnConstraints().setAll(marks, steps);
    g.getStyleClass().add("detail-timeline");
    return g;
  }

  private HBox txLink(String tx, boolean root) {
    HBox h = copyable.label(tx);
    vm.explorerUrl(root, tx)
        .ifPresent(
            url -> {
              Hyperlink open = new Hyperlink("Open in explorer");
              open.setOnAction(e -> openUrl.accept(url));
              h.getChildren().add(open);
            });
    return h;
  }

  private GridPane payload(MessageDetail d) {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(4);
    int row = 0;
    for (MessageDetail.Field f : d.payload()) {
      Label name = new Label(f.name());
      name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      g.add(name, 0, row);
      if (f.hex()) {
        g.add(copyable.label(f.value()), 1, row);
      } else {
        // long values (a batch's items, an unknown payload's bytes) wrap instead of being cut
        Label value = new Label(f.value());
        value.setWrapText(true);
        value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.getStyleClass().add("detail-value");
        g.add(value, 1, row);
      }
      row++;
    }
    javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
    javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
    values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
    values.setMinWidth(0);
    g.getColumnConstraints().setAll(names, values);
    g.getStyleClass().add("detail-payload");
    return g;
  }
}
