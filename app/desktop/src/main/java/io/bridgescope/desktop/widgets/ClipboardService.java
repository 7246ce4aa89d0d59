package io.bridgescope.desktop.widgets;

/** Puts text on the clipboard; an interface so copy actions are tested without a display. */
@FunctionalInterface
public interface ClipboardService {
  void copy(String text);
}
