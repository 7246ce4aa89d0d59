package io.bridgescope.core.network;

import io.bridgescope.core.store.rows.ValidatorEntry;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to watch one bridge: its two chains, its contracts and the consensus facts the
 * verifier depends on. Always valid: the constructor applies the same rules as {@link
 * NetworkProfileBuilder#build()} and throws {@link NetworkConfigException} naming each bad field.
 *
 * <p>Saved as JSON by {@link NetworkProfileJson}; imported from a Polygon Edge genesis.json by
 * {@link EdgeGenesisImport}; the embedded devnet builds one at run time with {@link #builder()}.
 *
 * @param name short identifier, also used to name the network's database file
 * @param epochSize child blocks per epoch; fallback when a header carries no epoch
 * @param confirmations blocks behind the head before the indexer trusts a block (reorg safety)
 * @param initialValidators the genesis validator set (from genesis.json), used to check the first
 *     checkpoint when the root chain cannot tell its keys; empty when unknown
 * @param store the network's team index, {@code postgresql://[USER@]HOST[:PORT]/DB[?…]} with no
 *     password (the CLI's {@code --db} when none is given); null: the local SQLite file
 */
public record NetworkProfile(
    String name,
    ChainConfig root,
    ChainConfig child,
    BridgeContracts contracts,
    long epochSize,
    BlsSchemeName blsScheme,
    int confirmations,
    List<ValidatorEntry> initialValidators,
    @Nullable String store) {

  public NetworkProfile {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(contracts, "contracts");
    initialValidators = List.copyOf(initialValidators);
    var problems =
        ProfileRules.check(
            new NetworkProfileBuilder()
                .name(name)
                .root(root)
                .child(child)
                .contracts(contracts)
                .epochSize(epochSize)
                .blsScheme(blsScheme)
                .confirmations(confirmations)
                .initialValidators(initialValidators)
                .store(store));
    if (!problems.isEmpty()) {
      throw new NetworkConfigException("network profile '" + name + "'", problems);
    }
  }

  /** A profile whose index is the local SQLite file. */
  public NetworkProfile(
      String name,
      ChainConfig root,
      ChainConfig child,
      BridgeContracts contracts,
      long epochSize,
      BlsSchemeName blsScheme,
      int confirmations,
      List<ValidatorEntry> initialValidators) {
    this(
        name, root, child, contracts, epochSize, blsScheme, confirmations, initialValidators, null);
  }

  public static NetworkProfileBuilder builder() {
    return new NetworkProfileBuilder();
  }

  /** A builder holding this profile's values, to change a few of them. */
  public NetworkProfileBuilder toBuilder() {
    return new NetworkProfileBuilder()
        .name(name)
        .root(root)
        .child(child)
        .contracts(contracts)
        .epochSize(epochSize)
        .blsScheme(blsScheme)
        .confirmations(confirmations)
        .initialValidators(initialValidators)
        .store(store);
  }

  public ChainConfig chain(ChainRole role) {
    return role == ChainRole.ROOT ? root : child;
  }
}
