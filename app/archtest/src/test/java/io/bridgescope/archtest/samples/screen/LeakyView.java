package io.bridgescope.archtest.samples.screen;

import io.bridgescope.desktop.engine.SessionManager;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** A View that reaches past its ViewModel into the engine, on purpose (HouseRulesCatchTest). */
public final class LeakyView {

  private final SessionManager sessions;
  @FXML private Label title;

  public LeakyView(SessionManager sessions) {
    this.sessions = sessions;
  }

  @FXML
  private void initialize() {
    title.setText(sessions.progress());
  }
}
