package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.EdgeGenesis;
import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.core.network.GenesisImporter;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./bridgescope networks}: import a supernet from its genesis.json, list, show. */
@Command(
    name = "networks",
    mixinStandardHelpOptions = true,
    description = "Saved network profiles: import one from an Edge genesis.json, list, show.",
    subcommands = {
      NetworksCommand.Import.class,
      NetworksCommand.ListNetworks.class,
      NetworksCommand.Show.class
    })
public final class NetworksCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code --data-dir} and {@code --json}, shared by the subcommands. */
  static final class Common {
    @Option(
        names = "--data-dir",
        description = "Data directory (default: $BRIDGESCOPE_DATA or ~/.local/share/bridgescope).")
    Path dataDir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    DataDir dataDir() {
      return dataDir == null ? DataDir.standard() : new DataDir(dataDir);
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Create a network profile from a Polygon Edge (polybft) genesis.json: child chain id,"
            + " epoch size, root bridge contracts, start block and initial validators come from"
            + " the file; the RPC URLs, and the root chain id when the root node cannot be asked,"
            + " come from you.",
        "The profile is named <genesis name>-<chain id> (e.g. polygon-edge-100) unless --name"
            + " says otherwise, and an existing profile is never replaced without --force."
      })
  static final class Import implements Callable<Integer> {
    @picocli.CommandLine.Mixin Common common;

    @Parameters(index = "0", paramLabel = "GENESIS", description = "The chain's genesis.json.")
    Path genesis;

    @Option(
        names = "--root-rpc",
        required = true,
        paramLabel = "URL",
        description = "Root chain JSON-RPC URL (repeat for fallbacks, in order).")
    List<URI> rootRpc;

    @Option(
        names = "--child-rpc",
        required = true,
        paramLabel = "URL",
        description = "Child chain (supernet) JSON-RPC URL (repeat for fallbacks, in order).")
    List<URI> childRpc;

    @Option(names = "--name", description = "Profile name (default: <genesis name>-<chain id>).")
    String name;

    @Option(
        names = "--root-chain-id",
        description = "Root chain id; default: asked from the first --root-rpc (eth_chainId).")
    Long rootChainId;

    @Option(
        names = "--confirmations",
        description =
            "Blocks behind the head before a block is trusted. Default: "
                + GenesisImporter.DEFAULT_CONFIRMATIONS
                + " (Ethereum-like roots; use 0 on a local devnet).")
    Integer confirmations;

    @Option(
        names = "--contract",
        paramLabel = "FIELD=ADDRESS",
        description =
            "Set or override a bridge contract, e.g. exitHelper=0x… (Edge v0.8 genesis files"
                + " name no exit helper).")
    List<String> contracts = new ArrayList<>();

    @Option(names = "--force", description = "Replace a saved profile of the same name.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      EdgeGenesis g = EdgeGenesisImport.read(genesis);
      GenesisImporter.Request request =
          new GenesisImporter.Request(
              Optional.ofNullable(name),
              rootRpc,
              childRpc,
              rootChainId == null ? OptionalLong.empty() : OptionalLong.of(rootChainId),
              confirmations == null ? OptionalInt.empty() : OptionalInt.of(confirmations),
              parseContracts(contracts));
      NetworkProfile p = GenesisImporter.build(g, request, GenesisImporter.rpcProbe());
      DataDir.Saved done = common.dataDir().saveNewProfile(p, force);
      if (common.json) {
        ObjectNode o = describe(p);
        o.put("file", done.file().toString());
        o.put("replaced", done.replaced());
        Output.document(o);
        return 0;
      }
      System.out.println(
          (done.replaced() ? "replaced" : "imported")
              + " network '"
              + p.name()
              + "' from "
              + genesis
              + " -> "
              + done.file());
      System.out.printf(
          "  child chain %d, epoch %d blocks, RPC %s%n",
          p.child().chainId(), p.epochSize(), p.child().rpcUrls());
      System.out.printf(
          "  root chain %d%s, RPC %s, start block %d%n",
          p.root().chainId(),
          rootChainId == null ? " (from eth_chainId)" : "",
          p.root().rpcUrls(),
          p.root().startBlock());
      p.contracts().byField().forEach((k, v) -> System.out.printf("  %-20s %s%n", k, v));
      System.out.println(
          "  initial validators: "
              + p.initialValidators().size()
              + (p.initialValidators().isEmpty()
                  ? " (the genesis lists none)"
                  : ", total voting power " + totalPower(p)));
      System.out.println(
          "  confirmations: "
              + p.confirmations()
              + (confirmations == null ? " (default; change with --confirmations)" : ""));
      done.existingIndex()
          .ifPresent(
              db ->
                  System.out.println(
                      "note: the index "
                          + db
                          + " was built with the replaced profile; delete it if the chains"
                          + " differ"));
      System.out.println("next: bridgescope index --network " + p.name());
      return 0;
    }

    private static Map<String, Address> parseContracts(List<String> given) {
      Map<String, Address> out = new LinkedHashMap<>();
      for (String s : given) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "--contract '" + s + "': expected FIELD=ADDRESS, e.g. exitHelper=0x…");
        }
        try {
          out.put(s.substring(0, eq).strip(), Address.of(s.substring(eq + 1).strip()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--contract '" + s + "': " + e.getMessage(), e);
        }
      }
      return out;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List saved networks.")
  static final class ListNetworks implements Callable<Integer> {
    @picocli.CommandLine.Mixin Common common;

    @Override
    public Integer call() throws Exception {
      DataDir d = common.dataDir();
      ArrayNode arr = Json.MAPPER.createArrayNode();
      List<String> lines = new ArrayList<>();
      for (String n : d.profileNames()) {
        ObjectNode o = arr.addObject();
        o.put("name", n);
        try {
          NetworkProfile p = d.profile(n);
          o.put("rootChainId", p.root().chainId());
          o.put("childChainId", p.child().chainId());
          lines.add(
              String.format(
                  "%-28s root %-10d child %d", n, p.root().chainId(), p.child().chainId()));
        } catch (RuntimeException e) {
          o.put("problem", e.getMessage());
          lines.add(String.format("%-28s PROBLEM: %s", n, e.getMessage()));
        }
      }
      if (common.json) {
        Output.document(arr);
      } else if (lines.isEmpty()) {
        System.out.println(
            "no saved networks in "
                + d.root().resolve("networks")
                + " (bridgescope networks import genesis.json --root-rpc URL --child-rpc URL)");
      } else {
        lines.forEach(System.out::println);
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print a saved network profile (its JSON file).")
  static final class Show implements Callable<Integer> {
    @picocli.CommandLine.Mixin Common common;

    @Parameters(index = "0", paramLabel = "NAME", description = "Network name or profile file.")
    String network;

    @Override
    public Integer call() throws Exception {
      // The profile file is the description: JSON either way, as written by the import.
      String profile = NetworkProfileJson.toJson(NetworkOption.load(common.dataDir(), network));
      if (common.json) {
        Output.document(Json.MAPPER.readTree(profile));
      } else {
        System.out.print(profile);
      }
      return 0;
    }
  }

  static ObjectNode describe(NetworkProfile p) {
    ObjectNode o = Json.object();
    o.put("name", p.name());
    o.put("rootChainId", p.root().chainId());
    o.put("childChainId", p.child().chainId());
    o.put("epochSize", p.epochSize());
    o.put("confirmations", p.confirmations());
    ObjectNode c = o.putObject("contracts");
    p.contracts().byField().forEach((k, v) -> c.put(k, v.toString()));
    o.put("initialValidators", p.initialValidators().size());
    return o;
  }

  private static BigInteger totalPower(NetworkProfile p) {
    return p.initialValidators().stream()
        .map(ValidatorEntry::votingPower)
        .reduce(BigInteger.ZERO, BigInteger::add);
  }
}
