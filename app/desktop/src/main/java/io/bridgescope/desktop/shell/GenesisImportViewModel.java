package io.bridgescope.desktop.shell;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.EdgeGenesis;
import io.bridgescope.core.network.GenesisImporter;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.desktop.concurrent.TaskRunner;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "import a genesis" dialog's state: what the genesis says (read-only summary) and the fields
 * it lacks (RPC URLs, root chain id, name, confirmations, any root contract it does not name).
 * {@link #submit()} saves the profile through a task (it may ask the root node for its chain id),
 * never on the FX thread; on success {@code onImported} gets the profile's name.
 */
public final class GenesisImportViewModel {

  private final NetworkSwitcher switcher;
  private final TaskRunner tasks;
  private final Path file;
  private final EdgeGenesis genesis;
  private final Consumer<String> onImported;

  private final StringProperty name = new SimpleStringProperty();
  private final StringProperty rootRpc = new SimpleStringProperty("");
  private final StringProperty childRpc = new SimpleStringProperty("");
  private final StringProperty rootChainId = new SimpleStringProperty("");
  private final StringProperty confirmations =
      new SimpleStringProperty(Integer.toString(GenesisImporter.DEFAULT_CONFIRMATIONS));
  private final BooleanProperty replace = new SimpleBooleanProperty(false);
  private final Map<String, StringProperty> missingContracts = new LinkedHashMap<>();
  private final SimpleStringProperty error = new SimpleStringProperty("");
  private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
  private final SimpleStringProperty imported = new SimpleStringProperty();

  public GenesisImportViewModel(
      NetworkSwitcher switcher,
      TaskRunner tasks,
      Path file,
      EdgeGenesis genesis,
      Consumer<String> onImported) {
    this.switcher = switcher;
    this.tasks = tasks;
    this.file = file;
    this.genesis = genesis;
    this.onImported = onImported;
    name.set(genesis.defaultProfileName());
    // The operator's endpoint is only a suggestion (often their localhost): shown, editable.
    genesis.rootRpcHint().ifPresent(u -> rootRpc.set(u.toString()));
    genesis
        .missingRootContracts()
        .forEach(f -> missingContracts.put(f, new SimpleStringProperty("")));
  }

  /** What the genesis says, for the dialog's header. */
  public String summary() {
    List<String> lines = new ArrayList<>();
    lines.add(
        file.getFileName()
            + ": Edge supernet, child chain id "
            + genesis.childChainId()
            + ", "
            + genesis.epochSize()
            + " blocks per epoch");
    lines.add(
        "Root contracts: "
            + (genesis.rootContracts().isEmpty() ? "none" : contractsLine())
            + (genesis.rootStartBlock().isPresent()
                ? "; root start block " + genesis.rootStartBlock().getAsLong()
                : ""));
    List<ValidatorEntry> vs = genesis.initialValidators();
    lines.add(
        vs.isEmpty()
            ? "Initial validators: none listed"
            : "Initial validators: "
                + vs.size()
                + " (total voting power "
                + vs.stream()
                    .map(ValidatorEntry::votingPower)
                    .reduce(BigInteger.ZERO, BigInteger::add)
                + ")");
    return String.join("\n", lines);
  }

  /**
   * The root contracts the genesis names, the optional NFT and child-mintable predicates counted
   * rather than listed (one short line, so the dialog keeps its size).
   */
  private String contractsLine() {
    List<String> named = new ArrayList<>();
    int optional = 0;
    for (String f : genesis.rootContracts().keySet()) {
      if (f.startsWith("rootErc721") || f.startsWith("rootErc1155") || f.startsWith("childMint")) {
        optional++;
      } else {
        named.add(f);
      }
    }
    return String.join(", ", named)
        + (optional == 0 ? "" : " and " + optional + " NFT / child-mintable predicates");
  }

  /** Checks the fields, then saves the profile in the background. */
  public void submit() {
    if (busy.get()) {
      return;
    }
    GenesisImporter.Request request;
    try {
      request = request();
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
      return;
    }
    boolean replacing = replace.get();
    busy.set(true);
    error.set(
        request.rootChainId().isEmpty()
            ? "Asking " + request.rootRpcUrls().get(0) + " for its chain id…"
            : "Saving…");
    tasks.run(
        "import genesis " + file.getFileName(),
        () -> switcher.importGenesis(genesis, request, replacing),
        (String saved) -> {
          busy.set(false);
          error.set("");
          imported.set(saved);
          onImported.accept(saved);
        },
        e -> {
          busy.set(false);
          error.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        });
  }

  private GenesisImporter.Request request() {
    List<URI> root = urls("Root chain RPC URL", rootRpc.get());
    List<URI> child = urls("Child chain RPC URL", childRpc.get());
    if (root.isEmpty()) {
      throw new IllegalArgumentException("Give the root chain's RPC URL.");
    }
    if (child.isEmpty()) {
      throw new IllegalArgumentException("Give the child chain's (supernet's) RPC URL.");
    }
    OptionalLong rootId = OptionalLong.empty();
    if (!rootChainId.get().isBlank()) {
      rootId = OptionalLong.of(positive("Root chain id", rootChainId.get()));
    }
    OptionalInt conf = OptionalInt.empty();
    if (!confirmations.get().isBlank()) {
      long c = positive("Confirmations", confirmations.get());
      conf = OptionalInt.of((int) Math.min(c, Integer.MAX_VALUE));
    }
    Map<String, Address> contracts = new LinkedHashMap<>();
    for (var e : missingContracts.entrySet()) {
      String v = e.getValue().get() == null ? "" : e.getValue().get().strip();
      if (!v.isEmpty()) {
        try {
          contracts.put(e.getKey(), Address.of(v));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(e.getKey() + ": '" + v + "' is not an address.");
        }
      }
    }
    String n = name.get() == null ? "" : name.get().strip();
    return new GenesisImporter.Request(
        n.isEmpty() ? Optional.empty() : Optional.of(n), root, child, rootId, conf, contracts);
  }

  /** URLs separated by commas or spaces, in fallback order. */
  private static List<URI> urls(String label, String text) {
    List<URI> out = new ArrayList<>();
    for (String s : (text == null ? "" : text).split("[,\\s]+")) {
      if (s.isBlank()) {
        continue;
      }
      try {
        out.add(new URI(s.strip()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(label + ": '" + s + "' is not a URL.");
      }
    }
    return out;
  }

  private static long positive(String label, String text) {
    try {
      long v = Long.parseLong(text.strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(label + ": '" + text.strip() + "' is not a whole number.");
    }
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty rootRpcProperty() {
    return rootRpc;
  }

  public StringProperty childRpcProperty() {
    return childRpc;
  }

  public StringProperty rootChainIdProperty() {
    return rootChainId;
  }

  public StringProperty confirmationsProperty() {
    return confirmations;
  }

  public BooleanProperty replaceProperty() {
    return replace;
  }

  /** Root contracts the genesis does not name (Edge v0.8: the exit helper), by profile field. */
  public Map<String, StringProperty> missingContracts() {
    return missingContracts;
  }

  /** A refusal or progress message; empty when there is nothing to say. */
  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** The saved profile's name once the import succeeded; null before. */
  public ReadOnlyStringProperty importedProperty() {
    return imported;
  }
}
