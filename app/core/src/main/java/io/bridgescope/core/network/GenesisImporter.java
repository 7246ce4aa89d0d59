package io.bridgescope.core.network;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.model.Address;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an {@link EdgeGenesis} into a saved network profile, adding what a genesis cannot know: the
 * RPC URLs to use, the root chain id (asked from the root node with {@code eth_chainId} unless
 * given), the confirmation depth ({@value #DEFAULT_CONFIRMATIONS} unless given) and any root
 * contract the genesis lacks (Edge v0.8 files name no exit helper). Shared by {@code bridgescope
 * networks import} and the desktop's "Open profile…", which save the result with {@code
 * DataDir#saveNewProfile} (never over another network's profile).
 */
public final class GenesisImporter {

  /** Blocks behind the head before a block is trusted, when the user does not say. */
  public static final int DEFAULT_CONFIRMATIONS = 12;

  /** The name the embedded demo saves its profile under; an import never takes it. */
  public static final String RESERVED_NAME = "devnet";

  /**
   * What the user adds to the genesis.
   *
   * @param name profile name; empty for the genesis's default ({@link
   *     EdgeGenesis#defaultProfileName()})
   * @param contracts root contracts by profile field name, overriding or completing the genesis
   */
  public record Request(
      Optional<String> name,
      List<URI> rootRpcUrls,
      List<URI> childRpcUrls,
      OptionalLong rootChainId,
      OptionalInt confirmations,
      Map<String, Address> contracts) {

    public Request {
      Objects.requireNonNull(name, "name");
      rootRpcUrls = List.copyOf(rootRpcUrls);
      childRpcUrls = List.copyOf(childRpcUrls);
      Objects.requireNonNull(rootChainId, "rootChainId");
      Objects.requireNonNull(confirmations, "confirmations");
      contracts = Map.copyOf(contracts);
    }
  }

  /** Asks a node for its chain id; throws {@link ChainException} when it cannot. */
  @FunctionalInterface
  public interface ChainIdProbe {
    long chainId(URI rpc);
  }

  private GenesisImporter() {}

  /** {@code eth_chainId} over JSON-RPC. */
  public static ChainIdProbe rpcProbe() {
    return url -> {
      try (ChainClient c = new ChainClient("root", url)) {
        return c.chainId();
      }
    };
  }

  /** The profile for {@code genesis} and {@code request}; nothing is saved. */
  public static NetworkProfile build(EdgeGenesis genesis, Request request, ChainIdProbe probe) {
    NetworkProfileBuilder b = genesis.toBuilder();
    request.name().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(b::name);
    String label = "import of '" + b.name + "'";
    List<ConfigProblem> problems = new ArrayList<>();
    if (request.rootRpcUrls().isEmpty()) {
      problems.add(
          new ConfigProblem(
              "root.rpcUrls",
              "missing — give a root chain node's URL (--root-rpc); the genesis names "
                  + genesis.rootRpcHint().map(URI::toString).orElse("none")));
    }
    b.rootRpcUrls(request.rootRpcUrls());
    b.childRpcUrls(request.childRpcUrls());
    b.confirmations(request.confirmations().orElse(DEFAULT_CONFIRMATIONS));
    contracts(b, genesis, request.contracts(), problems);
    if (RESERVED_NAME.equalsIgnoreCase(b.name)) {
      problems.add(
          new ConfigProblem(
              "name",
              "'"
                  + RESERVED_NAME
                  + "' is the embedded demo's profile, which the demo overwrites; choose another"
                  + " --name"));
    }
    request.rootChainId().ifPresent(b::rootChainId);
    // Ask the node only when nothing else is wrong: a refused import should not wait on a network.
    boolean onlyChainIdLeft =
        problems.isEmpty() && b.problems().stream().allMatch(p -> p.field().equals("root.chainId"));
    if (request.rootChainId().isEmpty() && onlyChainIdLeft) {
      b.rootChainId(askRootChainId(probe, request.rootRpcUrls().get(0), label));
    }
    Set<String> reported = problems.stream().map(ConfigProblem::field).collect(Collectors.toSet());
    for (ConfigProblem p : b.problems()) {
      // Without --root-chain-id the id comes from the node once the rest is right.
      boolean askedLater = p.field().equals("root.chainId") && request.rootChainId().isEmpty();
      if (!reported.contains(p.field()) && !askedLater) {
        problems.add(p);
      }
    }
    if (!problems.isEmpty()) {
      throw new NetworkConfigException(label, problems);
    }
    return b.build();
  }

  private static void contracts(
      NetworkProfileBuilder b,
      EdgeGenesis genesis,
      Map<String, Address> given,
      List<ConfigProblem> problems) {
    for (var e : given.entrySet()) {
      if (!ProfileRules.ROOT_CONTRACTS.contains(e.getKey())
          && !ProfileRules.OPTIONAL_ROOT_CONTRACTS.contains(e.getKey())
          && !ProfileRules.CHILD_CONTRACTS.contains(e.getKey())) {
        problems.add(
            new ConfigProblem(
                "contracts." + e.getKey(),
                "not a bridge contract; use one of "
                    + String.join(", ", ProfileRules.ROOT_CONTRACTS)
                    + ", "
                    + String.join(", ", ProfileRules.OPTIONAL_ROOT_CONTRACTS)
                    + ", "
                    + String.join(", ", ProfileRules.CHILD_CONTRACTS)));
      } else {
        b.contract(e.getKey(), e.getValue());
      }
    }
    for (String f : genesis.missingRootContracts()) {
      if (!given.containsKey(f)) {
        problems.add(
            new ConfigProblem(
                "contracts." + f,
                "the genesis does not name it (Edge v0.8 files have no exit helper) — pass"
                    + " --contract "
                    + f
                    + "=0x… with its address on the root chain"));
      }
    }
  }

  private static long askRootChainId(ChainIdProbe probe, URI rpc, String label) {
    try {
      return probe.chainId(rpc);
    } catch (ChainException | IllegalArgumentException e) {
      throw NetworkConfigException.single(
          label,
          "root.chainId",
          "could not ask "
              + rpc
              + " for its chain id ("
              + e.getMessage()
              + ") — check the URL, or pass --root-chain-id N");
    }
  }
}
