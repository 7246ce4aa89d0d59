package io.bridgescope.desktop.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Amounts;
import io.bridgescope.core.wallet.KeystoreException;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.desktop.concurrent.TaskRunner;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The guided send: form (withdraw, deposit) → preflight → review → password → sending → done or
 * failed. The password step is reachable only from a review, so nothing is asked before the user
 * saw the decoded calls and fees; while a submission runs, further submits are refused (and the
 * core's in-flight guard refuses a second window).
 */
public final class WizardViewModel {

  /** Where the wizard stands. */
  public enum Step {
    IDLE,
    FORM,
    PREPARING,
    REVIEW,
    PASSWORD,
    SENDING,
    DONE,
    FAILED
  }

  /** What it sends. */
  public enum Action {
    WITHDRAW("Start a withdrawal on the child"),
    EXIT("Claim an exit on the root"),
    CLAIM_ALL("Claim all ready exits"),
    DEPOSIT("Deposit to the child"),
    SELF_EXECUTE("Execute a deposit yourself");

    private final String title;

    Action(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** Who signs: the key's name in the store and its address. */
  public record Signer(String key, Address address) {}

  private final WalletPort port;
  private final TaskRunner tasks;
  private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.IDLE);
  private final ObjectProperty<Action> action = new SimpleObjectProperty<>();
  private final SimpleStringProperty title = new SimpleStringProperty("");
  private final SimpleStringProperty message = new SimpleStringProperty("");
  private final SimpleStringProperty error = new SimpleStringProperty("");
  private final SimpleBooleanProperty canRetry = new SimpleBooleanProperty();
  private final ObservableList<ReviewLine> lines = FXCollections.observableArrayList();
  private final StringProperty token = new SimpleStringProperty("");
  private final StringProperty amount = new SimpleStringProperty("");
  private final StringProperty receiver = new SimpleStringProperty("");
  private Signer signer;
  private BigInteger target;
  private Review review;
  private Runnable onFinished = () -> {};

  public WizardViewModel(WalletPort port, TaskRunner tasks) {
    this.port = port;
    this.tasks = tasks;
  }

  /** Called after a submission ended (mined, failed or refused), e.g. to refresh balances. */
  public void setOnFinished(Runnable onFinished) {
    this.onFinished = onFinished;
  }

  /** Claims exit {@code id}, paid by {@code s}: preflight, then the review. */
  public void startExit(Signer s, BigInteger id) {
    begin(s, Action.EXIT, id);
    prepare();
  }

  /** Claims every ready exit of the signer in one {@code batchExit}. */
  public void startClaimAll(Signer s) {
    begin(s, Action.CLAIM_ALL, null);
    prepare();
  }

  /** Executes committed deposit {@code id} on the child with a locally built proof. */
  public void startSelfExecute(Signer s, BigInteger id) {
    begin(s, Action.SELF_EXECUTE, id);
    prepare();
  }

  /** Opens the withdraw form; {@code childToken} prefilled when known. */
  public void startWithdraw(Signer s, String childToken) {
    begin(s, Action.WITHDRAW, null);
    openForm(childToken);
  }

  /** Opens the deposit form; {@code rootToken} prefilled when known. */
  public void startDeposit(Signer s, String rootToken) {
    begin(s, Action.DEPOSIT, null);
    openForm(rootToken);
  }

  private void begin(Signer s, Action a, BigInteger id) {
    if (busy()) {
      return;
    }
    signer = s;
    target = id;
    review = null;
    action.set(a);
    title.set(a.title() + (id == null ? "" : " · " + id) + " — paid by " + s.key());
    lines.clear();
    error.set("");
    canRetry.set(false);
  }

  private void openForm(String defaultToken) {
    token.set(defaultToken == null ? "" : defaultToken);
    amount.set("");
    receiver.set(signer.address().toString());
    message.set(
        action.get() == Action.WITHDRAW
            ? "Burns the child token; the exit can be claimed on the root once checkpointed."
            : "Approves the root predicate if needed, then deposits.");
    step.set(Step.FORM);
  }

  /** Runs the preflight for the current action (from the form, or again after a failure). */
  public void prepare() {
    if (busy() || action.get() == null) {
      return;
    }
    Callable<Review> work;
    try {
      work = preflight();
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
      return;
    }
    lines.clear();
    error.set("");
    canRetry.set(false);
    message.set("Building the proof and running the preflight checks…");
    step.set(Step.PREPARING);
    tasks.run("wallet preflight " + action.get(), work, this::reviewed, this::refused);
  }

  private Callable<Review> preflight() {
    Address from = signer.address();
    BigInteger id = target;
    return switch (action.get()) {
      case EXIT -> () -> port.prepareExit(id, from);
      case CLAIM_ALL -> () -> port.prepareClaimAll(from);
      case SELF_EXECUTE -> () -> port.prepareSelfExecute(id, from);
      case WITHDRAW, DEPOSIT -> {
        Address t = address(token.get(), "token");
        Address to = address(receiver.get(), "receiver");
        BigInteger wei = Amounts.parseEther(amount.get());
        yield action.get() == Action.WITHDRAW
            ? () -> port.prepareWithdraw(from, t, to, wei)
            : () -> port.prepareDeposit(from, t, to, wei);
      }
    };
  }

  private static Address address(String text, String what) {
    try {
      return Address.of(text.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "The " + what + " is not an address (0x and 40 hex digits)");
    }
  }

  private void reviewed(Review r) {
    review = r;
    lines.setAll(ReviewLines.of(r));
    message.set("Check the calls and fees. Nothing is signed until you enter the password.");
    step.set(Step.REVIEW);
  }

  private void refused(Throwable t) {
    lines.clear();
    if (t instanceof WalletException w) {
      lines.add(ReviewLines.refusal(w));
      canRetry.set(w.kind() != WalletException.Kind.ALREADY_PROCESSED);
    } else {
      canRetry.set(true);
    }
    error.set(WalletErrors.describe(t));
    message.set("Nothing was signed or sent.");
    step.set(Step.FAILED);
  }

  /** From the review to the password: the user accepted the calls and fees. */
  public void confirmReview() {
    if (step.get() == Step.REVIEW && review != null) {
      error.set("");
      message.set("Enter the password of key " + signer.key() + " to sign and send.");
      step.set(Step.PASSWORD);
    }
  }

  /**
   * Signs and sends the reviewed calls with {@code password}, which is zeroed when the work ends
   * (or at once when the submit is refused: not at the password step, or already sending).
   */
  public void submit(char[] password) {
    if (step.get() != Step.PASSWORD || review == null) {
      Arrays.fill(password, '\0');
      return;
    }
    Review r = review;
    String key = signer.key();
    step.set(Step.SENDING);
    error.set("");
    message.set(
        "Signing, sending and waiting for inclusion ("
            + r.steps().size()
            + (r.steps().size() == 1 ? " transaction" : " transactions")
            + "). The journal keeps each signed transaction, so closing the app loses nothing.");
    tasks.run(
        "wallet send " + action.get(),
        () -> {
          try {
            return port.execute(r, key, password);
          } finally {
            Arrays.fill(password, '\0');
          }
        },
        this::sent,
        this::sendFailed);
  }

  private void sent(Outcome o) {
    lines.setAll(ReviewLines.of(o));
    if (ReviewLines.anyFailed(o)) {
      error.set(
          "Mined, but the receiver reverted: see the reason above. It is not marked processed;"
              + " Retry runs the preflight again.");
      message.set("");
      canRetry.set(true);
      step.set(Step.FAILED);
    } else {
      message.set("Done.");
      step.set(Step.DONE);
    }
    onFinished.run();
  }

  private void sendFailed(Throwable t) {
    if (t instanceof KeystoreException k && k.kind() == KeystoreException.Kind.WRONG_PASSWORD) {
      error.set("Wrong password for key " + signer.key() + ". Nothing was signed or sent.");
      message.set("Enter the password again.");
      step.set(Step.PASSWORD);
      return;
    }
    refused(t);
    onFinished.run();
  }

  /** Runs the preflight again after a failure (a failed exit, a node that was unreachable). */
  public void retry() {
    if (step.get() != Step.FAILED || !canRetry.get()) {
      return;
    }
    if (action.get() == Action.WITHDRAW || action.get() == Action.DEPOSIT) {
      if (review == null) {
        step.set(Step.FORM);
        return;
      }
    }
    prepare();
  }

  /** Back from the review to the form (withdraw, deposit). */
  public void back() {
    if ((step.get() == Step.REVIEW || step.get() == Step.PASSWORD || step.get() == Step.FAILED)
        && (action.get() == Action.WITHDRAW || action.get() == Action.DEPOSIT)) {
      review = null;
      lines.clear();
      error.set("");
      step.set(Step.FORM);
    }
  }

  /** Closes the wizard; refused while a transaction is being sent or the preflight runs. */
  public void close() {
    if (!busy()) {
      review = null;
      lines.clear();
      error.set("");
      message.set("");
      step.set(Step.IDLE);
    }
  }

  private boolean busy() {
    return step.get() == Step.SENDING || step.get() == Step.PREPARING;
  }

  public ReadOnlyObjectProperty<Step> stepProperty() {
    return step;
  }

  public ReadOnlyObjectProperty<Action> actionProperty() {
    return action;
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

  public ReadOnlyBooleanProperty canRetryProperty() {
    return canRetry;
  }

  public ObservableList<ReviewLine> lines() {
    return lines;
  }

  public StringProperty tokenProperty() {
    return token;
  }

  public StringProperty amountProperty() {
    return amount;
  }

  public StringProperty receiverProperty() {
    return receiver;
  }

  /** The review the password step signs (null before the preflight passed). */
  Review review() {
    return review;
  }
}
