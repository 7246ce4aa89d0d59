package io.bridgescope.core.network;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks a profile must pass; each problem names the file field and says what to do. */
final class ProfileRules {

  static final List<String> ROOT_CONTRACTS =
      List.of("stateSender", "checkpointManager", "exitHelper", "rootErc20Predicate");

  /**
   * Root contracts a profile may leave out: the NFT bridges and the child-mintable predicates (not
   * every network has them, and profiles written before they were known do not name them).
   */
  static final List<String> OPTIONAL_ROOT_CONTRACTS =
      List.of(
          "rootErc721Predicate",
          "rootErc1155Predicate",
          "childMintableErc20Predicate",
          "childMintableErc721Predicate",
          "childMintableErc1155Predicate");

  static final List<String> CHILD_CONTRACTS =
      List.of("stateReceiver", "l2StateSender", "childErc20Predicate", "validatorSet");

  private static final Set<String> RPC_SCHEMES = Set.of("http", "https", "ws", "wss");
  private static final Set<String> WEB_SCHEMES = Set.of("http", "https");
  // The name also names the network's database file, so keep it file-system safe everywhere.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_CONFIRMATIONS = 10_000;

  private ProfileRules() {}

  static List<ConfigProblem> check(NetworkProfileBuilder b) {
    List<ConfigProblem> out = new ArrayList<>();
    name(b.name, out);
    chain("root", b.root, out);
    chain("child", b.child, out);
    if (b.root.chainId != null && b.root.chainId.equals(b.child.chainId)) {
      out.add(
          new ConfigProblem(
              "child.chainId",
              "same as root.chainId ("
                  + b.root.chainId
                  + ") — a bridge connects two different chains"));
    }
    List<String> root = new java.util.ArrayList<>(ROOT_CONTRACTS);
    OPTIONAL_ROOT_CONTRACTS.stream().filter(f -> b.contracts.get(f) != null).forEach(root::add);
    contracts(root, b.contracts, out);
    contracts(CHILD_CONTRACTS, b.contracts, out);
    if (b.epochSize == null) {
      out.add(
          new ConfigProblem(
              "epochSize",
              "missing — set the child chain's blocks per epoch"
                  + " (params.engine.polybft.epochSize in genesis.json)"));
    } else if (b.epochSize <= 0) {
      out.add(new ConfigProblem("epochSize", "must be 1 or more, got " + b.epochSize));
    }
    if (b.blsScheme == null) {
      out.add(new ConfigProblem("blsScheme", "missing — use 'bn254-edge' for Polygon Edge"));
    }
    if (b.confirmations == null) {
      out.add(
          new ConfigProblem(
              "confirmations",
              "missing — set how many blocks to wait before trusting one"
                  + " (e.g. 12 on Ethereum, 0 on a local devnet)"));
    } else if (b.confirmations < 0 || b.confirmations > MAX_CONFIRMATIONS) {
      out.add(
          new ConfigProblem(
              "confirmations",
              "must be between 0 and " + MAX_CONFIRMATIONS + ", got " + b.confirmations));
    }
    validators(b.initialValidators, out);
    store(b.store, out);
    return out;
  }

  /**
   * The team index, if any: a PostgreSQL URL {@link PgTarget} accepts, holding no password (a
   * profile is a file people share and commit): neither in the URL nor as {@code sslpassword}
   * ({@link PgTarget} refuses both, from a command line too).
   */
  private static void store(@Nullable String store, List<ConfigProblem> out) {
    if (store == null) {
      return;
    }
    try {
      // the empty environment: only the URL's own form is checked here, PGUSER is read on use
      PgTarget.parse(store, Map.of());
    } catch (IllegalArgumentException e) {
      out.add(
          new ConfigProblem(
              "store", e.getMessage() + " (or leave 'store' out to use the local SQLite file)"));
    }
  }

  /** Bitmap positions must be 0..n-1 in order, keys 128 bytes, powers positive, no repeats. */
  private static void validators(List<ValidatorEntry> set, List<ConfigProblem> out) {
    Set<Address> seen = new HashSet<>();
    for (int i = 0; i < set.size(); i++) {
      ValidatorEntry v = set.get(i);
      String field = "initialValidators[" + i + "]";
      if (v.index() != i) {
        out.add(new ConfigProblem(field, "is at bitmap position " + v.index() + ", expected " + i));
      }
      if (v.blsKey().length() != 128) {
        out.add(
            new ConfigProblem(
                field + ".blsKey", "has " + v.blsKey().length() + " bytes, expected 128"));
      }
      if (v.votingPower().signum() <= 0 || v.votingPower().bitLength() > 256) {
        out.add(new ConfigProblem(field + ".votingPower", "must be a positive uint256"));
      }
      if (!seen.add(v.address())) {
        out.add(new ConfigProblem(field + ".address", v.address() + " is listed twice"));
      }
    }
  }

  private static void name(String name, List<ConfigProblem> out) {
    if (name == null || name.isBlank()) {
      out.add(new ConfigProblem("name", "missing — give the network a short name, e.g. 'devnet'"));
    } else if (!NAME.matcher(name).matches()) {
      out.add(
          new ConfigProblem(
              "name",
              "'"
                  + name
                  + "' may only contain letters, digits, '.', '_' and '-' (at most 64, starting"
                  + " with a letter or digit), because it names the database file"));
    }
  }

  private static void chain(
      String prefix, NetworkProfileBuilder.ChainDraft d, List<ConfigProblem> out) {
    if (d.chainId == null) {
      out.add(
          new ConfigProblem(
              prefix + ".chainId",
              "missing — set the "
                  + prefix
                  + " chain's EIP-155 chain id (what eth_chainId returns)"));
    } else if (d.chainId <= 0) {
      out.add(new ConfigProblem(prefix + ".chainId", "must be positive, got " + d.chainId));
    }
    if (d.rpcUrls == null || d.rpcUrls.isEmpty()) {
      out.add(
          new ConfigProblem(
              prefix + ".rpcUrls",
              "empty — give at least one http(s) or ws(s) URL of a " + prefix + " chain node"));
    } else {
      for (int i = 0; i < d.rpcUrls.size(); i++) {
        URI u = d.rpcUrls.get(i);
        if (!hasSchemeAndHost(u, RPC_SCHEMES)) {
          out.add(
              new ConfigProblem(
                  prefix + ".rpcUrls[" + i + "]",
                  ConfigProblem.quoted(u) + " is not an http(s) or ws(s) URL"));
        }
      }
    }
    if (d.startBlock < 0) {
      out.add(new ConfigProblem(prefix + ".startBlock", "must be 0 or more, got " + d.startBlock));
    }
    if (d.explorerUrl != null && !hasSchemeAndHost(d.explorerUrl, WEB_SCHEMES)) {
      out.add(
          new ConfigProblem(
              prefix + ".explorerUrl",
              ConfigProblem.quoted(d.explorerUrl) + " is not an http(s) URL"));
    }
    if (d.explorerApiUrl != null && !hasSchemeAndHost(d.explorerApiUrl, WEB_SCHEMES)) {
      out.add(
          new ConfigProblem(
              prefix + ".explorerApiUrl",
              ConfigProblem.quoted(d.explorerApiUrl) + " is not an http(s) URL"));
    }
  }

  private static void contracts(
      List<String> fields, Map<String, Address> contracts, List<ConfigProblem> out) {
    Map<Address, String> seen = new HashMap<>();
    for (String f : fields) {
      Address a = contracts.get(f);
      String field = "contracts." + f;
      if (a == null) {
        out.add(
            new ConfigProblem(
                field,
                "missing — set it, or create the profile from the chain's genesis.json with"
                    + " `bridgescope networks import genesis.json --root-rpc URL --child-rpc URL`"));
      } else if (a.equals(Address.ZERO)) {
        out.add(
            new ConfigProblem(field, "is the zero address — set the deployed contract's address"));
      } else if (seen.containsKey(a)) {
        out.add(
            new ConfigProblem(
                field,
                a
                    + " is also contracts."
                    + seen.get(a)
                    + " — each bridge contract has its own address"));
      } else {
        seen.put(a, f);
      }
    }
  }

  private static boolean hasSchemeAndHost(URI u, Set<String> schemes) {
    return u != null
        && u.getScheme() != null
        && schemes.contains(u.getScheme().toLowerCase(Locale.ROOT))
        && u.getHost() != null
        && !u.getHost().isEmpty();
  }
}
