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
    box.getChildren().addAll(title, reason, next, section("Lifecycle"), timeline(d));
    box.getChildren().addAll(section("Payload"), payload(d));
    HBox actions = new HBox(8);
    if (d.action().isPresent()) {
      Button act = new Button(d.action().get() + "…");
      act.setId("detail-action");
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
              show.setOnAction(e -> vm.openTree());
              actions.getChildren().add(show);
            });
    if (vm.canWatch()) {
      actions.getChildren().add(0, watch);
    }
    box.getChildren().add(actions);
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
    watch.setTooltip(new Tooltip("Notify me when its lifecycle step changes"));
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
    for (MessageDetail.Step s : d.steps()) {
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
                    + s.time().orElse(""));
        where.getStyleClass().add("muted");
        HBox line = new HBox(8, where);
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
      g.add(new Label(f.name()), 0, row);
      g.add(f.hex() ? copyable.label(f.value()) : new Label(f.value()), 1, row);
      row++;
    }
    return g;
  }
}
