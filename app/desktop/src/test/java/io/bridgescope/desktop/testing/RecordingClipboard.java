package io.bridgescope.desktop.testing;

import io.bridgescope.desktop.widgets.ClipboardService;
import java.util.ArrayList;
import java.util.List;

/** Remembers what was copied instead of touching the system clipboard. */
public final class RecordingClipboard implements ClipboardService {
  public final List<String> copied = new ArrayList<>();

  @Override
  public void copy(String text) {
    copied.add(text);
  }
}
