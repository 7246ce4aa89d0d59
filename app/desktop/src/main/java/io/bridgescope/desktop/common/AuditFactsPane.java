package io.bridgescope.desktop.common;

import io.bridgescope.core.model.Address;
import io.bridgescope.desktop.ports.AuditFacts;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The auditor's facts of the shown commitment or checkpoint (issue 16 item 6): the verdict in full
 * (wrapped, never cut, with a tooltip), the committed root and the root rebuilt from the leaves the
 * index holds side by side and labelled, which leaves those are, the transaction, the signer bitmap
 * with who signed, and the aggregate signature, each with Copy.
 */
public final class AuditFactsPane extends VBox {

  private final Copyable copyable;
  private final Label verdict = wrapping("");
  private final Label rootsVerdict = wrapping("");
  private final Label leaves = wrapping("");
  private final Label signers = wrapping("");
  private final GridPane grid = new GridPane();
  private @Nullable AuditFacts shown;

  public AuditFactsPane(Copyable copyable) {
    this.copyable = copyable;
    getStyleClass().add("audit-facts");
    setSpacing(4);
    verdict.getStyleClass().add("verdict");
    grid.setHgap(8);
    grid.setVgap(2);
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(names, values);
    getChildren().addAll(verdict, grid, rootsVerdict, leaves, signers);
    show(null);
  }

  /** Shows {@code facts}, or hides the pane when there are none (the Merkle inspector's trees). */
  public void show(@Nullable AuditFacts facts) {
    shown = facts;
    setVisible(facts != null);
    setManaged(facts != null);
    grid.getChildren().clear();
    if (facts == null) {
      return;
    }
    verdict.setText("Verdict: " + facts.verdictText());
    verdict.setTooltip(new Tooltip(verdict.getText()));
    int row = 0;
    row(row++, "Committed root (on chain)", facts.committedRoot().toString());
    if (facts.rebuiltRoot().isPresent()) {
      row(
          row++,
          "Rebuilt root (from the " + facts.leavesHeld() + " leaves held)",
          facts.rebuiltRoot().get().toString());
    } else {
      grid.addRow(row++, name("Rebuilt root"), wrapping("none: the index holds no leaf of it"));
    }
    row(row++, cap(facts.txLabel()), facts.tx().toString());
    row(row++, "Signer bitmap", facts.bitmap());
    row(row++, "Aggregate signature", facts.signature());
    rootsVerdict.getStyleClass().removeAll("verdict-ok", "verdict-failed");
    if (facts.rootMismatch()) {
      rootsVerdict.setText(
          "Root mismatch: the root rebuilt from the leaves the index holds differs from the"
              + " committed root"
              + (facts.leavesMissing() ? " (not all leaves are indexed yet)" : "")
              + ".");
      rootsVerdict.getStyleClass().add("verdict-failed");
    } else if (facts.rebuiltRoot().isPresent()) {
      rootsVerdict.setText("The rebuilt root equals the committed root.");
      rootsVerdict.getStyleClass().add("verdict-ok");
    } else {
      rootsVerdict.setText("");
    }
    leaves.setText(
        "Leaves the index holds: "
            + facts.heldRange()
            + (facts.leavesExpected() >= 0
                ? " (" + facts.leavesHeld() + " of " + facts.leavesExpected() + ")"
                : " (" + facts.leavesHeld() + ")"));
    signers.setText(
        facts.signers().isEmpty()
            ? "Signed by: no validator of the set (or the set is not indexed)"
            : "Signed by "
                + facts.signers().size()
                + ": "
                + facts.signers().stream()
                    .map(Address::toString)
                    .collect(Collectors.joining(", ")));
    signers.setTooltip(new Tooltip(signers.getText()));
  }

  public @Nullable AuditFacts shown() {
    return shown;
  }

  public Label verdictLabel() {
    return verdict;
  }

  public Label rootsVerdictLabel() {
    return rootsVerdict;
  }

  public Label leavesLabel() {
    return leaves;
  }

  public Label signersLabel() {
    return signers;
  }

  public GridPane grid() {
    return grid;
  }

  private void row(int row, String name, String value) {
    HBox box = copyable.label(value);
    box.setAlignment(Pos.CENTER_LEFT);
    grid.addRow(row, name(name), box);
  }

  private static Label name(String text) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    l.getStyleClass().add("muted");
    return l;
  }

  private static Label wrapping(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
