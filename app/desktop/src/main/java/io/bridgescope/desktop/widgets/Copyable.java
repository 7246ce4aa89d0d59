package io.bridgescope.desktop.widgets;

import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Callback;

/**
 * Hashes and addresses shown short with the full value one click away: a tooltip with the full
 * text, a "Copy" context menu, and (for labels) a small copy button.
 */
public final class Copyable {

  private final ClipboardService clipboard;

  public Copyable(ClipboardService clipboard) {
    this.clipboard = clipboard;
  }

  /** A label showing {@code 0x1234…abcd} with a copy button next to it. */
  public HBox label(String fullText) {
    Label label = new Label(ShortHex.of(fullText));
    label.getStyleClass().add("mono");
    attach(label, fullText);
    Button copy = new Button("Copy");
    copy.getStyleClass().add("copy-button");
    copy.setTooltip(new Tooltip("Copy " + fullText));
    copy.setOnAction(e -> clipboard.copy(fullText));
    HBox box = new HBox(4, label, copy);
    box.getStyleClass().add("copyable");
    return box;
  }

  /** Puts {@code text} on the clipboard (a "Copy link" action). */
  public void copy(String text) {
    clipboard.copy(text);
  }

  /** Tooltip and "Copy" context menu on any label. */
  public void attach(Label label, String fullText) {
    label.setTooltip(new Tooltip(fullText));
    MenuItem item = new MenuItem("Copy " + ShortHex.of(fullText));
    item.setOnAction(e -> clipboard.copy(fullText));
    label.setContextMenu(new ContextMenu(item));
  }

  /** Table cells that show a short hash and copy the full one. */
  public <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> cells(Function<T, String> fullText) {
    return column ->
        new TableCell<>() {
          {
            getStyleClass().add("mono");
          }

          @Override
          protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
              setText(null);
              setTooltip(null);
              setContextMenu(null);
              return;
            }
            String full = fullText.apply(item);
            setText(ShortHex.of(full));
            setTooltip(new Tooltip(full));
            MenuItem copy = new MenuItem("Copy " + ShortHex.of(full));
            copy.setOnAction(e -> clipboard.copy(full));
            setContextMenu(new ContextMenu(copy));
          }
        };
  }
}
