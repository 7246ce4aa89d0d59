package io.bridgescope.core.network;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a Polygon Edge polybft genesis.json says about its bridge, read by {@link
 * EdgeGenesisImport}. A genesis does not know the root chain id, the RPC URLs to use or a safe
 * confirmation depth; {@link GenesisImporter} adds those to make a profile.
 *
 * @param genesisName the file's {@code name} field, if any (Edge's default is "polygon-edge")
 * @param rootContracts profile field name to address, for the root contracts the genesis names
 * @param rootRpcHint the node operator's {@code jsonRPCEndpoint}: a hint, often localhost
 * @param initialValidators the genesis validator set in file order (empty if the file has none)
 */
public record EdgeGenesis(
    Optional<String> genesisName,
    long childChainId,
    long epochSize,
    Map<String, Address> rootContracts,
    Optional<URI> rootRpcHint,
    OptionalLong rootStartBlock,
    List<ValidatorEntry> initialValidators) {

  /** Used when the genesis has no name (a profile name must start with a letter or digit). */
  static final String FALLBACK_NAME = "edge";

  private static final int MAX_NAME = 64;

  public EdgeGenesis {
    Objects.requireNonNull(genesisName, "genesisName");
    // Kept in file order (stateSender, checkpointManager, exitHelper, rootErc20Predicate).
    rootContracts = Collections.unmodifiableMap(new LinkedHashMap<>(rootContracts));
    Objects.requireNonNull(rootRpcHint, "rootRpcHint");
    Objects.requireNonNull(rootStartBlock, "rootStartBlock");
    initialValidators = List.copyOf(initialValidators);
  }

  /**
   * {@code <genesis name>-<chain id>}, file-name safe: every default Edge genesis is named
   * "polygon-edge", so the name alone would make two supernets share one profile and database.
   */
  public String defaultProfileName() {
    String suffix = "-" + childChainId;
    String base = safe(genesisName.orElse(FALLBACK_NAME));
    if (base.endsWith(suffix)) {
      base = base.substring(0, base.length() - suffix.length());
    }
    if (base.isEmpty()) {
      base = FALLBACK_NAME;
    }
    if (base.length() + suffix.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME - suffix.length());
    }
    return base + suffix;
  }

  /** Root contract fields (of {@link BridgeContracts}) this genesis does not name. */
  public List<String> missingRootContracts() {
    return ProfileRules.ROOT_CONTRACTS.stream().filter(f -> !rootContracts.containsKey(f)).toList();
  }

  /** A builder holding every fact of the genesis; the caller adds what a genesis cannot know. */
  public NetworkProfileBuilder toBuilder() {
    NetworkProfileBuilder b =
        NetworkProfile.builder()
            .name(defaultProfileName())
            .childChainId(childChainId)
            .epochSize(epochSize)
            .blsScheme(BlsSchemeName.BN254_EDGE)
            .initialValidators(initialValidators);
    rootContracts.forEach(b::contract);
    rootRpcHint.ifPresent(u -> b.rootRpcUrls(List.of(u)));
    rootStartBlock.ifPresent(b::rootStartBlock);
    return b;
  }

  /** Lower case, runs of anything but letters, digits, '.', '_' and '-' as one '-'. */
  private static String safe(String name) {
    String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    s = s.replaceAll("^[^a-z0-9]+", "").replaceAll("-+$", "");
    return s;
  }
}
