package io.bridgescope.desktop;

/**
 * Every screen of the main window, in navigation order, with its FXML. Ctrl+1..9 follow this order.
 * A headless test loads every FXML listed here.
 */
public enum Screen {
  OVERVIEW("Overview", "overview/OverviewView.fxml"),
  DEPOSITS("Deposits", "deposits/DepositsView.fxml"),
  EXITS("Exits", "exits/ExitsView.fxml"),
  COMMITMENTS("Commitments", "commitments/CommitmentsView.fxml"),
  CHECKPOINTS("Checkpoints", "checkpoints/CheckpointsView.fxml"),
  VALIDATORS("Validators", "validators/ValidatorsView.fxml"),
  WALLET("Wallet", "wallet/WalletView.fxml"),
  // the auditor's screens come last so the older screens keep their Ctrl+digit
  ACCOUNTABILITY("Accountability", "accountability/AccountabilityView.fxml"),
  SOLVENCY("Solvency", "solvency/SolvencyView.fxml"),
  // Ctrl+0: the tenth screen
  ACTIVITY("My activity", "activity/ActivityView.fxml");

  /** The shell that hosts the screens; loaded separately from the navigation screens. */
  public static final String MAIN_FXML = "/io/bridgescope/desktop/shell/MainView.fxml";

  private final String title;
  private final String fxml;

  Screen(String title, String fxml) {
    this.title = title;
    this.fxml = "/io/bridgescope/desktop/" + fxml;
  }

  public String title() {
    return title;
  }

  /** Class-path resource of the FXML, absolute. */
  public String fxml() {
    return fxml;
  }

  /** The digit of its Ctrl+digit shortcut, 1-based; the tenth screen has 0. */
  public int shortcutDigit() {
    return (ordinal() + 1) % 10;
  }
}
