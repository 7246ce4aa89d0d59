package io.bridgescope.desktop.wallet;

import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.dialogs.Dialogs;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Wallet screen's key store: the keys (create, import, rename, export, delete) and the chosen
 * one. Every key store call runs through the {@link TaskRunner}; secrets arrive as {@code char[]}
 * and are zeroed when the call ends.
 */
public final class KeyStoreViewModel {

  /** How a key enters the store. */
  public enum KeySource {
    NEW("Create a new key"),
    PRIVATE_KEY("Import a raw private key"),
    MNEMONIC("Import a mnemonic + path"),
    V3_FILE("Import a V3 keystore file");

    private final String label;

    KeySource(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final WalletPort port;
  private final TaskRunner tasks;
  private final Dialogs dialogs;
  private final Consumer<String> status;
  private final ObservableList<KeyInfo> keys = FXCollections.observableArrayList();
  private final ObjectProperty<KeyInfo> selected = new SimpleObjectProperty<>();
  private final SimpleStringProperty keyError = new SimpleStringProperty("");
  private final SimpleBooleanProperty keyBusy = new SimpleBooleanProperty();

  /**
   * @param status the screen's status line (progress and outcomes; errors go to {@link
   *     #keyErrorProperty})
   */
  KeyStoreViewModel(WalletPort port, TaskRunner tasks, Dialogs dialogs, Consumer<String> status) {
    this.port = port;
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.status = status;
  }

  public void refreshKeys() {
    tasks.run(
        "wallet keys",
        port::keys,
        (List<KeyInfo> list) -> {
          KeyInfo was = selected.get();
          keys.setAll(list);
          Optional<KeyInfo> same =
              was == null
                  ? Optional.empty()
                  : list.stream().filter(k -> k.address().equals(was.address())).findFirst();
          selected.set(same.orElse(list.isEmpty() ? null : list.get(0)));
        },
        e -> keyError.set(WalletErrors.describe(e)));
  }

  /**
   * Reads the store again and chooses the key named {@code name}, then runs {@code then} (UI
   * thread); if the store has no such key (deleted meanwhile), says so and runs nothing, so an
   * action never goes out under another key.
   */
  void chooseByName(String name, Runnable then) {
    tasks.run(
        "wallet keys for " + name,
        port::keys,
        (List<KeyInfo> list) -> {
          keys.setAll(list);
          Optional<KeyInfo> k = list.stream().filter(x -> x.name().equals(name)).findFirst();
          if (k.isEmpty()) {
            keyError.set("Key " + name + " is no longer in the key store; nothing was started.");
            return;
          }
          selected.set(k.get());
          then.run();
        },
        e -> keyError.set(WalletErrors.describe(e)));
  }

  /**
   * Adds a key to the store. {@code secret} is the private key or the mnemonic (ignored for NEW and
   * V3_FILE); {@code secret} and {@code password} are zeroed when the call ends.
   */
  public void addKey(
      KeySource source,
      @Nullable String name,
      char @Nullable [] secret,
      @Nullable String path,
      @Nullable Path file,
      char[] password) {
    if (keyBusy.get()) {
      wipe(secret, password);
      return;
    }
    String n = name == null ? "" : name.strip();
    Callable<KeyInfo> work =
        switch (source) {
          case NEW -> () -> port.createKey(n, password);
          case PRIVATE_KEY -> () -> port.importPrivateKey(n, required(secret), password);
          case MNEMONIC ->
              () ->
                  port.importMnemonic(
                      n,
                      required(secret),
                      path == null || path.isBlank() ? null : path.strip(),
                      password);
          case V3_FILE -> () -> port.importFile(n, Objects.requireNonNull(file), password);
        };
    if (source == KeySource.V3_FILE && file == null) {
      wipe(secret, password);
      keyError.set("Choose the keystore file first.");
      return;
    }
    // A new key's password has the same minimum everywhere (a V3 file keeps its own password).
    if (source != KeySource.V3_FILE
        && (password == null || password.length < Keystore.MIN_PASSWORD_LENGTH)) {
      wipe(secret, password);
      keyError.set("Use a password of at least " + Keystore.MIN_PASSWORD_LENGTH + " characters.");
      return;
    }
    keyBusy.set(true);
    keyError.set("");
    status.accept("Encrypting the key (scrypt)…");
    tasks.run(
        "wallet add key",
        () -> {
          try {
            return work.call();
          } finally {
            wipe(secret, password);
          }
        },
        (KeyInfo k) -> {
          keyBusy.set(false);
          status.accept("Added key " + k.describe() + ".");
          selected.set(null);
          refreshKeysSelecting(k);
        },
        e -> {
          keyBusy.set(false);
          status.accept("");
          keyError.set(WalletErrors.describe(e));
        });
  }

  private void refreshKeysSelecting(KeyInfo k) {
    tasks.run(
        "wallet keys",
        port::keys,
        (List<KeyInfo> list) -> {
          keys.setAll(list);
          selected.set(
              list.stream().filter(x -> x.address().equals(k.address())).findFirst().orElse(null));
        },
        e -> keyError.set(WalletErrors.describe(e)));
  }

  private static void wipe(char @Nullable [] secret, char @Nullable [] password) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }

  /** The private key or mnemonic, which the View always passes for those sources. */
  private static char[] required(char @Nullable [] secret) {
    return Objects.requireNonNull(secret, "the key or mnemonic");
  }

  public void rename(String newName) {
    KeyInfo k = selected.get();
    if (k == null) {
      return;
    }
    keyOp("rename", () -> port.rename(k.address().toString(), newName.strip()), "Renamed.");
  }

  public void export(Path target) {
    KeyInfo k = selected.get();
    if (k == null || target == null) {
      return;
    }
    keyOp(
        "export",
        () -> port.export(k.address().toString(), target),
        "Exported " + k.describe() + " to " + target + " (still encrypted with its password).");
  }

  /** Deletes the chosen key after a confirmation that says what is lost. */
  public void delete() {
    KeyInfo k = selected.get();
    if (k == null) {
      return;
    }
    dialogs.confirm(
        "Delete key " + k.name() + "?",
        "The keystore file of "
            + k.address()
            + " is removed from this computer. Without a backup (Export…) or the mnemonic,"
            + " the funds of this address cannot be spent any more.",
        yes -> {
          if (yes) {
            keyOp(
                "delete",
                () -> {
                  port.delete(k.address().toString());
                  return null;
                },
                "Deleted " + k.describe() + ".");
          }
        });
  }

  private void keyOp(String what, Callable<?> work, String done) {
    keyError.set("");
    tasks.run(
        "wallet " + what,
        work,
        r -> {
          status.accept(done);
          refreshKeys();
        },
        e -> keyError.set(WalletErrors.describe(e)));
  }

  public ObservableList<KeyInfo> keys() {
    return keys;
  }

  public ObjectProperty<KeyInfo> selectedProperty() {
    return selected;
  }

  public ReadOnlyStringProperty keyErrorProperty() {
    return keyError;
  }

  public ReadOnlyBooleanProperty keyBusyProperty() {
    return keyBusy;
  }
}
