package io.bridgescope.desktop.wallet;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.KeystoreException;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.desktop.concurrent.TaskRunner;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
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
import org.jspecify.annotations.Nullable;

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
    SELF_EXECUTE("Execute a deposit yourself"),
    NFT_WITHDRAW("Start an NFT withdrawal on the child"),
    NFT_DEPOSIT("Deposit NFTs to the child"),
    CHILD_DEPOSIT("Deposit a child-native token to the root"),
    CHILD_NFT_DEPOSIT("Deposit child-native NFTs to the root"),
    ROOT_WITHDRAW("Send a root mirror home to the child"),
    ROOT_NFT_WITHDRAW("Send root-mirror NFTs home to the child");

    private final String title;

    Action(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    /** Whether the user fills a form (token, amount or ids, receiver) before the preflight. */
    public boolean hasForm() {
      return this == WITHDRAW
          || this == DEPOSIT
          || this == CHILD_DEPOSIT
          || this == ROOT_WITHDRAW
          || isNft();
    }

    /** An ERC-721 or ERC-1155 deposit or withdrawal. */
    public boolean isNft() {
      return this == NFT_WITHDRAW
          || this == NFT_DEPOSIT
          || this == CHILD_NFT_DEPOSIT
          || this == ROOT_NFT_WITHDRAW;
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
  private final SimpleBooleanProperty exporting = new SimpleBooleanProperty();
  private final ObservableList<ReviewLine> lines = FXCollections.observableArrayList();
  private final StringProperty token = new SimpleStringProperty("");
  private final StringProperty amount = new SimpleStringProperty("");
  private final StringProperty receiver = new SimpleStringProperty("");
  private final ObjectProperty<AssetKind> nftKind = new SimpleObjectProperty<>(AssetKind.ERC721);
  private final StringProperty ids = new SimpleStringProperty("");
  private @Nullable Signer signer;
  private @Nullable BigInteger target;
  private @Nullable Review review;
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

  /**
   * Opens the form for a child-native ERC-20 (minted on the child) deposited from the child to the
   * root through Edge's RootMintableERC20Predicate.
   */
  public void startChildDeposit(Signer s) {
    begin(s, Action.CHILD_DEPOSIT, null);
    openForm("");
  }

  /**
   * Opens the form for a child-native token either way ({@link Action#CHILD_DEPOSIT}, {@link
   * Action#CHILD_NFT_DEPOSIT}, {@link Action#ROOT_WITHDRAW}, {@link Action#ROOT_NFT_WITHDRAW}).
   */
  public void startChildNative(Signer s, Action a) {
    if (!WizardForms.childNative(a)) {
      throw new IllegalArgumentException(a + " is not a child-native form");
    }
    begin(s, a, null);
    openForm("");
  }

  /** Opens the NFT withdraw form (ERC-721 or ERC-1155 ids of a child token). */
  public void startNftWithdraw(Signer s, String childToken) {
    begin(s, Action.NFT_WITHDRAW, null);
    openForm(childToken);
  }

  /** Opens the NFT deposit form (ERC-721 or ERC-1155 ids of a root token). */
  public void startNftDeposit(Signer s, String rootToken) {
    begin(s, Action.NFT_DEPOSIT, null);
    openForm(rootToken);
  }

  /** Who pays and signs: set by {@link #begin} before any step runs. */
  private Signer signer() {
    return Objects.requireNonNull(signer, "no wizard is open");
  }

  private void begin(Signer s, Action a, @Nullable BigInteger id) {
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
    ids.set("");
    receiver.set(signer().address().toString());
    message.set(WizardForms.message(action.get()));
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
    return WizardForms.preflight(
        port,
        action.get(),
        signer().address(),
        target,
        new WizardForms.Fields(
            token.get(), receiver.get(), amount.get(), nftKind.get(), ids.get()));
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
    if (step.get() == Step.REVIEW && review != null && !exporting.get()) {
      error.set("");
      message.set("Enter the password of key " + signer().key() + " to sign and send.");
      step.set(Step.PASSWORD);
    }
  }

  /** A file name to suggest for the unsigned export of the current review. */
  public String exportName() {
    Action a = action.get();
    String what = a == null ? "tx" : a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return what + (target == null ? "" : "-" + target) + ".unsigned.json";
  }

  /**
   * Writes the reviewed transaction unsigned to {@code file} for an offline signer (on a worker);
   * nothing is signed. The wizard stays at the review and says what to do next.
   */
  public void exportUnsigned(java.nio.file.Path file) {
    if (step.get() != Step.REVIEW || review == null || exporting.get()) {
      return;
    }
    Review r = review;
    exporting.set(true);
    error.set("");
    message.set("Writing the unsigned transaction to " + file + "…");
    tasks.run(
        "wallet export unsigned",
        () -> port.exportUnsigned(r, file),
        (WalletPort.Exported x) -> {
          exporting.set(false);
          message.set(
              "Unsigned transaction written to "
                  + x.file()
                  + ". Nothing was signed. Next: sign it on the offline machine with Wallet ›"
                  + " Sign a transaction file…, then bring the signed file back and use Wallet ›"
                  + " Send a signed file…. A copy is kept in "
                  + x.keptIn()
                  + ": only signed bytes equal to it are sent."
                  + (r.steps().size() > 1
                      ? " This file is step 1 of "
                          + r.steps().size()
                          + " only ("
                          + r.steps().get(0).summary()
                          + "); the next step can be simulated only once it is mined: then"
                          + " start the same action again and export that."
                      : ""));
        },
        t -> {
          exporting.set(false);
          error.set("Not exported: " + WalletErrors.describe(t));
        });
  }

  public ReadOnlyBooleanProperty exportingProperty() {
    return exporting;
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
    String key = signer().key();
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
      error.set("Wrong password for key " + signer().key() + ". Nothing was signed or sent.");
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
    if (formAction()) {
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
        && formAction()) {
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

  private boolean formAction() {
    Action a = action.get();
    return a != null && a.hasForm();
  }

  private boolean busy() {
    return step.get() == Step.SENDING || step.get() == Step.PREPARING || exporting.get();
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

  /** ERC-721 or ERC-1155, for the NFT forms. */
  public ObjectProperty<AssetKind> nftKindProperty() {
    return nftKind;
  }

  /** The NFT forms' token ids, separated by commas or spaces. */
  public StringProperty idsProperty() {
    return ids;
  }

  /** The review the password step signs (null before the preflight passed). */
  @Nullable Review review() {
    return review;
  }
}
