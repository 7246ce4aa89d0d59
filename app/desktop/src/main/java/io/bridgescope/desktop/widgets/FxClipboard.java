package io.bridgescope.desktop.widgets;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard; call on the FX thread (copy actions come from clicks, so they are). */
public final class FxClipboard implements ClipboardService {

  @Override
  public void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }
}
