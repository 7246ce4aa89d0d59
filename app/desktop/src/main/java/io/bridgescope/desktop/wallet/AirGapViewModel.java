package io.bridgescope.desktop.wallet;

import io.bridgescope.core.wallet.Inspection;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.KeystoreException;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.wallet.WalletPort.SignedFile;
import io.bridgescope.desktop.wallet.WalletPort.UnsignedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Wallet screen's air-gapped half: sign a transaction file (offline: the open network's profile
 * only) and send a signed file. Each file is read and inspected on a worker; what its bytes say is
 * shown before anything is signed or sent, and what the signing policy refuses is refused with the
 * reason. Sending sends only bytes equal to a transaction exported (reviewed) here.
 */
public final class AirGapViewModel {

  /** Where the flow stands. */
  public enum Step {
    IDLE,
    READING,
    SIGN_REVIEW,
    SIGNING,
    SIGNED,
    SEND_REVIEW,
    SENDING,
    SENT,
    FAILED
  }

  private final WalletPort port;
  private final TaskRunner tasks;
  private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.IDLE);
  private final SimpleStringProperty title = new SimpleStringProperty("");
  private final SimpleStringProperty message = new SimpleStringProperty("");
  private final SimpleStringProperty error = new SimpleStringProperty("");
  private final ObservableList<ReviewLine> lines = FXCollections.observableArrayList();
  private final ObservableList<String> keys = FXCollections.observableArrayList();
  private final ObjectProperty<@Nullable String> chosenKey = new SimpleObjectProperty<>();
  private @Nullable UnsignedFile unsigned;
  private @Nullable SignedFile signed;
  private Runnable onFinished = () -> {};

  public AirGapViewModel(WalletPort port, TaskRunner tasks) {
    this.port = port;
    this.tasks = tasks;
  }

  /** Called after a signed file was sent (mined, failed or refused), e.g. to refresh balances. */
  public void setOnFinished(Runnable onFinished) {
    this.onFinished = onFinished;
  }

  private boolean busy() {
    Step s = step.get();
    return s == Step.READING || s == Step.SIGNING || s == Step.SENDING;
  }

  private void start(String what, Path file) {
    unsigned = null;
    signed = null;
    lines.clear();
    keys.clear();
    chosenKey.set(null);
    error.set("");
    title.set(what + " · " + file.getFileName());
    message.set("Reading and checking " + file + "…");
    step.set(Step.READING);
  }

  /** Reads and inspects an unsigned file; then the key and password are asked. */
  public void openUnsigned(Path file) {
    if (busy()) {
      return;
    }
    start("Sign a transaction file", file);
    tasks.run(
        "wallet read unsigned file",
        () -> port.readUnsigned(file),
        this::unsignedRead,
        t -> failed(t, "Nothing was signed."));
  }

  private void unsignedRead(UnsignedFile f) {
    lines.setAll(lines(f.inspection()));
    String refusal = f.refusal();
    if (refusal != null) {
      error.set("Refused: " + refusal);
      message.set("Nothing was signed.");
      step.set(Step.FAILED);
      return;
    }
    if (f.keys().isEmpty()) {
      error.set(
          "No key in the store is "
              + f.inspection().tx().from()
              + ", the sender of this transaction: import that key first. Nothing was signed.");
      message.set("");
      step.set(Step.FAILED);
      return;
    }
    unsigned = f;
    keys.setAll(f.keys().stream().map(KeyInfo::name).toList());
    chosenKey.set(keys.get(0));
    message.set(
        "Check what the bytes say. Signing needs the password of the key of "
            + f.inspection().tx().from()
            + "; no node is asked.");
    step.set(Step.SIGN_REVIEW);
  }

  /** Signs the inspected file with the chosen key; {@code password} is zeroed when done. */
  public void sign(char[] password) {
    UnsignedFile f = unsigned;
    String key = chosenKey.get();
    if (step.get() != Step.SIGN_REVIEW || f == null || key == null) {
      Arrays.fill(password, '\0');
      return;
    }
    error.set("");
    message.set("Signing with key " + key + "…");
    step.set(Step.SIGNING);
    tasks.run(
        "wallet sign file",
        () -> {
          try {
            return port.signFile(f, key, password);
          } finally {
            Arrays.fill(password, '\0');
          }
        },
        (WalletPort.SignedOut out) -> {
          message.set(
              "Signed "
                  + out.hash()
                  + ", written to "
                  + out.file()
                  + ". Take this file to the online machine and use Wallet › Send a signed"
                  + " file….");
          step.set(Step.SIGNED);
        },
        t -> {
          if (t instanceof KeystoreException k
              && k.kind() == KeystoreException.Kind.WRONG_PASSWORD) {
            error.set("Wrong password for key " + key + ". Nothing was signed.");
            message.set("Enter the password again.");
            step.set(Step.SIGN_REVIEW);
            return;
          }
          failed(t, "Nothing was signed.");
        });
  }

  /** Reads a signed file, decodes its bytes and finds the reviewed export; then Confirm sends. */
  public void openSigned(Path file) {
    if (busy()) {
      return;
    }
    start("Send a signed file", file);
    tasks.run(
        "wallet read signed file",
        () -> port.readSigned(file),
        this::signedRead,
        t -> failed(t, "Nothing was sent."));
  }

  private void signedRead(SignedFile f) {
    List<ReviewLine> out = new ArrayList<>(lines(f.check().inspection()));
    f.check()
        .reviewed()
        .ifPresent(
            r ->
                out.add(
                    new ReviewLine(
                        ReviewLine.Kind.CHECK_PASSED,
                        "the signed bytes equal the transaction exported for review")));
    lines.setAll(out);
    String refusal = f.refusal();
    if (refusal != null) {
      error.set("Refused: " + refusal);
      message.set("Nothing was sent.");
      step.set(Step.FAILED);
      return;
    }
    signed = f;
    message.set("Check what the signed bytes say, then Confirm to send them.");
    step.set(Step.SEND_REVIEW);
  }

  /** Sends the checked signed file and follows it to inclusion. */
  public void confirmSend() {
    SignedFile f = signed;
    if (step.get() != Step.SEND_REVIEW || f == null) {
      return;
    }
    error.set("");
    message.set(
        "Sending and waiting for inclusion. The journal keeps the signed transaction, so closing"
            + " the app loses nothing.");
    step.set(Step.SENDING);
    tasks.run(
        "wallet send signed file",
        () -> port.sendSigned(f),
        this::sent,
        t -> {
          failed(t, "");
          onFinished.run();
        });
  }

  private void sent(Outcome o) {
    lines.setAll(ReviewLines.of(o));
    if (ReviewLines.anyFailed(o)) {
      error.set("Mined, but the receiver reverted: see the reason above.");
      message.set("");
      step.set(Step.FAILED);
    } else {
      message.set("Done.");
      step.set(Step.SENT);
    }
    onFinished.run();
  }

  private void failed(Throwable t, String consequence) {
    error.set(WalletErrors.describe(t));
    message.set(consequence);
    step.set(Step.FAILED);
  }

  /** Closes the panel; refused while a file is read, signed or sent. */
  public void close() {
    if (!busy()) {
      unsigned = null;
      signed = null;
      lines.clear();
      keys.clear();
      error.set("");
      message.set("");
      step.set(Step.IDLE);
    }
  }

  /** The inspection as review lines: the decoded fields, then what blocks, then warnings. */
  static List<ReviewLine> lines(Inspection i) {
    List<ReviewLine> out = new ArrayList<>();
    i.lines().forEach(l -> out.add(new ReviewLine(ReviewLine.Kind.CALL, l.strip())));
    i.blocking().forEach(p -> out.add(new ReviewLine(ReviewLine.Kind.CHECK_FAILED, p.toString())));
    i.waived()
        .forEach(
            p ->
                out.add(
                    new ReviewLine(ReviewLine.Kind.CHECK_FAILED, "allowed unknown call: " + p)));
    i.warnings().forEach(w -> out.add(new ReviewLine(ReviewLine.Kind.NOTE, w)));
    return out;
  }

  public ReadOnlyObjectProperty<Step> stepProperty() {
    return step;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  public ObservableList<ReviewLine> lines() {
    return lines;
  }

  /** The keys in the store that are the unsigned transaction's sender. */
  public ObservableList<String> keys() {
    return keys;
  }

  public ObjectProperty<@Nullable String> chosenKeyProperty() {
    return chosenKey;
  }
}
