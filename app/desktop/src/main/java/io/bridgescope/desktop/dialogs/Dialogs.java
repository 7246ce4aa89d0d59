package io.bridgescope.desktop.dialogs;

import java.util.function.Consumer;

/**
 * What a ViewModel may ask of the user. Answers arrive through callbacks so a ViewModel never
 * blocks and its tests can answer synchronously.
 */
public interface Dialogs {

  void showError(String title, String message);

  void showInfo(String title, String message);

  /** Asks a yes/no question; {@code onAnswer} gets true for yes. */
  void confirm(String title, String message, Consumer<Boolean> onAnswer);
}
