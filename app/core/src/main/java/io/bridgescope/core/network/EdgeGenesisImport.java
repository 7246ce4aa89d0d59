package io.bridgescope.core.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Polygon Edge polybft genesis.json (v0.8 to v1.3): child chain id ({@code
 * params.chainID}), epoch size ({@code params.engine.polybft.epochSize}), the initial validators
 * ({@link GenesisValidators}), and from {@code params.engine.polybft.bridge} the root contracts
 * ({@code stateSenderAddress}, {@code checkpointManagerAddress}, {@code exitHelperAddress}, {@code
 * erc20PredicateAddress}, and when present {@code erc721PredicateAddress} and {@code
 * erc1155PredicateAddress}; v0.8 spelled three of them {@code stateSenderAddr}, {@code
 * checkpointAddr}, {@code rootERC20PredicateAddr} and had no exit helper), the operator's root RPC
 * endpoint ({@code jsonRPCEndpoint}) and the root start block (lowest of {@code
 * eventTrackerStartBlocks}).
 *
 * <p>Real files are in {@code app/core/src/test/resources/genesis/} with their sources.
 */
public final class EdgeGenesisImport {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String POLYBFT = "params.engine.polybft";
  private static final String BRIDGE = POLYBFT + ".bridge";

  /** Profile field, v0.9+ genesis key, and the key Edge v0.8 used before the rename. */
  private record Key(String contract, String genesisKey, @Nullable String legacyKey) {}

  private static final List<Key> ROOT_KEYS =
      List.of(
          new Key("stateSender", "stateSenderAddress", "stateSenderAddr"),
          new Key("checkpointManager", "checkpointManagerAddress", "checkpointAddr"),
          new Key("exitHelper", "exitHelperAddress", null),
          new Key("rootErc20Predicate", "erc20PredicateAddress", "rootERC20PredicateAddr"),
          new Key("rootErc721Predicate", "erc721PredicateAddress", null),
          new Key("rootErc1155Predicate", "erc1155PredicateAddress", null),
          new Key("childMintableErc20Predicate", "erc20ChildMintablePredicateAddress", null),
          new Key("childMintableErc721Predicate", "erc721ChildMintablePredicateAddress", null),
          new Key("childMintableErc1155Predicate", "erc1155ChildMintablePredicateAddress", null));

  private EdgeGenesisImport() {}

  /**
   * The key under {@code params.engine.polybft.bridge} that names the root contract of profile
   * field {@code field}; empty for a field the genesis does not carry.
   */
  public static java.util.Optional<String> genesisKey(String field) {
    return ROOT_KEYS.stream()
        .filter(k -> k.contract().equals(field))
        .map(Key::genesisKey)
        .findFirst();
  }

  public static EdgeGenesis read(Path genesisFile) {
    String source = "genesis file " + genesisFile;
    try {
      return parse(Files.readString(genesisFile, StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new NetworkConfigException(
          source, List.of(new ConfigProblem("file", "cannot be read: " + e.getMessage())), e);
    }
  }

  /**
   * Whether {@code json} has the shape of an Edge genesis ({@code params.engine} and {@code
   * genesis}) rather than of a Bridgescope profile; false for anything that is not JSON.
   */
  public static boolean looksLikeGenesis(String json) {
    try {
      JsonNode g = MAPPER.readTree(json);
      return g != null && g.path("params").path("engine").isObject() && g.has("genesis");
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** Parses a genesis; {@code source} names it in error messages. */
  public static EdgeGenesis parse(String json, String source) {
    JsonNode g;
    try {
      g = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NetworkConfigException(
          source,
          List.of(new ConfigProblem("file", "not valid JSON: " + e.getOriginalMessage())),
          e);
    }
    if (g == null || !g.isObject()) {
      throw NetworkConfigException.single(source, "file", "expected a JSON object { … }");
    }
    JsonNode engine = g.path("params").path("engine");
    JsonNode polybft = engine.get("polybft");
    if (polybft == null || !polybft.isObject()) {
      String other =
          engine.isObject() && engine.size() > 0
              ? " (its consensus engine is '"
                  + engine.fieldNames().next()
                  + "', which has no rootchain bridge)"
              : "";
      throw NetworkConfigException.single(
          source, POLYBFT, "missing — this is not a Polygon Edge polybft genesis.json" + other);
    }
    JsonNode bridge = polybft.get("bridge");
    if (bridge == null || !bridge.isObject()) {
      throw NetworkConfigException.single(
          source,
          BRIDGE,
          "missing — the chain has no rootchain bridge configured (run 'polygon-edge rootchain"
              + " deploy' first), or write the profile by hand (see"
              + " resources/networks/example.json)");
    }
    List<ConfigProblem> problems = new ArrayList<>();
    Optional<String> name =
        g.path("name").isTextual() && !g.get("name").textValue().isBlank()
            ? Optional.of(g.get("name").textValue())
            : Optional.empty();
    long chainId = requiredNumber(g.path("params"), "chainID", "params", problems);
    long epochSize = requiredNumber(polybft, "epochSize", POLYBFT, problems);
    if (epochSize == 0 && polybft.has("epochSize")) {
      problems.add(new ConfigProblem(POLYBFT + ".epochSize", "is 0; an epoch has 1 block or more"));
    }
    Map<String, Address> contracts = new LinkedHashMap<>();
    for (Key k : ROOT_KEYS) {
      String key = k.genesisKey();
      JsonNode v = bridge.get(key);
      if ((v == null || v.isNull()) && k.legacyKey() != null) {
        key = k.legacyKey();
        v = bridge.get(key);
      }
      Address a = address(v, BRIDGE + "." + key, problems);
      if (a != null && !a.equals(Address.ZERO)) {
        contracts.put(k.contract(), a);
      }
    }
    Optional<URI> rpc = rootRpc(bridge.get("jsonRPCEndpoint"), problems);
    OptionalLong start = startBlock(bridge.get("eventTrackerStartBlocks"), problems);
    List<ValidatorEntry> validators =
        GenesisValidators.read(polybft.get("initialValidatorSet"), problems);
    if (!problems.isEmpty()) {
      throw new NetworkConfigException(source, problems);
    }
    return new EdgeGenesis(name, chainId, epochSize, contracts, rpc, start, validators);
  }

  private static long requiredNumber(
      JsonNode parent, String name, String path, List<ConfigProblem> problems) {
    JsonNode v = parent.get(name);
    if (v == null || v.isNull()) {
      problems.add(new ConfigProblem(path + "." + name, "missing — every Edge genesis has it"));
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      problems.add(
          new ConfigProblem(
              path + "." + name, "expected a whole number, got " + ConfigProblem.shown(v)));
      return 0;
    }
    return v.longValue();
  }

  private static @Nullable Address address(
      @Nullable JsonNode v, String field, List<ConfigProblem> problems) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return Address.of(v.asText());
    } catch (IllegalArgumentException e) {
      problems.add(
          new ConfigProblem(field, ConfigProblem.quoted(v.asText()) + " is not an address"));
      return null;
    }
  }

  private static Optional<URI> rootRpc(JsonNode v, List<ConfigProblem> problems) {
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(v.textValue().strip()));
    } catch (URISyntaxException e) {
      problems.add(
          new ConfigProblem(
              BRIDGE + ".jsonRPCEndpoint", ConfigProblem.quoted(v.textValue()) + " is not a URL"));
      return Optional.empty();
    }
  }

  /** The earliest tracker start block: no bridge event can predate the first deployment. */
  private static OptionalLong startBlock(JsonNode v, List<ConfigProblem> problems) {
    if (v == null || !v.isObject() || v.isEmpty()) {
      return OptionalLong.empty();
    }
    long min = Long.MAX_VALUE;
    for (var e : v.properties()) {
      JsonNode b = e.getValue();
      if (!b.isIntegralNumber() || !b.canConvertToLong() || b.longValue() < 0) {
        problems.add(
            new ConfigProblem(
                BRIDGE + ".eventTrackerStartBlocks." + e.getKey(),
                "expected a block number, got " + ConfigProblem.shown(b)));
        return OptionalLong.empty();
      }
      min = Math.min(min, b.longValue());
    }
    return OptionalLong.of(min);
  }
}
