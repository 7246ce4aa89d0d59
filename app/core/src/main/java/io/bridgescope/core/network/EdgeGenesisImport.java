package io.bridgescope.core.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.model.Address;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Fills a profile from a Polygon Edge (v1.x, polybft) genesis.json: child chain id ({@code
 * params.chainID}), epoch size ({@code params.engine.polybft.epochSize}), and from {@code
 * params.engine.polybft.bridge} the root contracts ({@code stateSenderAddress}, {@code
 * checkpointManagerAddress}, {@code exitHelperAddress}, {@code erc20PredicateAddress}), the root
 * RPC endpoint ({@code jsonRPCEndpoint}) and the root start block (lowest of {@code
 * eventTrackerStartBlocks}).
 *
 * <p>A genesis does not know the root chain id, the child RPC URL or a safe confirmation depth, so
 * the result is a builder: set those, then {@link NetworkProfileBuilder#build()}.
 */
public final class EdgeGenesisImport {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String POLYBFT = "params.engine.polybft";
  private static final String BRIDGE = POLYBFT + ".bridge";

  /** Profile field, v1.x genesis key, and the key Edge v0.8 used before the rename. */
  private record Key(String contract, String genesisKey, String legacyKey) {}

  private static final List<Key> ROOT_KEYS =
      List.of(
          new Key("stateSender", "stateSenderAddress", "stateSenderAddr"),
          new Key("checkpointManager", "checkpointManagerAddress", "checkpointAddr"),
          new Key("exitHelper", "exitHelperAddress", null),
          new Key("rootErc20Predicate", "erc20PredicateAddress", "rootERC20PredicateAddr"));

  private EdgeGenesisImport() {}

  public static NetworkProfileBuilder read(Path genesisFile) {
    return applyTo(NetworkProfile.builder(), genesisFile);
  }

  /** Copies the genesis facts into {@code b}, keeping values the genesis does not have. */
  public static NetworkProfileBuilder applyTo(NetworkProfileBuilder b, Path genesisFile) {
    String source = "genesis file " + genesisFile;
    try {
      return parse(Files.readString(genesisFile, StandardCharsets.UTF_8), source, b);
    } catch (IOException e) {
      throw new NetworkConfigException(
          source, List.of(new ConfigProblem("file", "cannot be read: " + e.getMessage())), e);
    }
  }

  public static NetworkProfileBuilder parse(String json, String source, NetworkProfileBuilder b) {
    JsonNode g;
    try {
      g = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NetworkConfigException(
          source,
          List.of(new ConfigProblem("file", "not valid JSON: " + e.getOriginalMessage())),
          e);
    }
    JsonNode polybft = g == null ? null : g.path("params").path("engine").get("polybft");
    if (polybft == null || !polybft.isObject()) {
      throw NetworkConfigException.single(
          source, POLYBFT, "missing — this is not a Polygon Edge polybft genesis.json");
    }
    JsonNode bridge = polybft.get("bridge");
    if (bridge == null || !bridge.isObject()) {
      throw NetworkConfigException.single(
          source,
          BRIDGE,
          "missing — the chain has no rootchain bridge configured (run 'polygon-edge rootchain"
              + " deploy' first), or set the contracts by hand");
    }
    List<ConfigProblem> problems = new ArrayList<>();
    if (b.name == null && g.path("name").isTextual()) {
      b.name(g.get("name").textValue());
    }
    number(g.path("params"), "chainID", "params", problems).ifPresent(b::childChainId);
    number(polybft, "epochSize", POLYBFT, problems).ifPresent(b::epochSize);
    for (Key k : ROOT_KEYS) {
      JsonNode v = bridge.get(k.genesisKey());
      String key = k.genesisKey();
      if (v == null && k.legacyKey() != null) {
        v = bridge.get(k.legacyKey());
        key = k.legacyKey();
      }
      Address a = address(v, BRIDGE + "." + key, problems);
      if (a != null && !a.equals(Address.ZERO)) {
        b.contract(k.contract(), a);
      }
    }
    rootRpc(bridge.get("jsonRPCEndpoint"), problems).ifPresent(u -> b.rootRpcUrls(List.of(u)));
    startBlock(bridge.get("eventTrackerStartBlocks"), problems).ifPresent(b::rootStartBlock);
    b.blsScheme(BlsSchemeName.BN254_EDGE);
    if (!problems.isEmpty()) {
      throw new NetworkConfigException(source, problems);
    }
    return b;
  }

  private static OptionalLong number(
      JsonNode parent, String name, String path, List<ConfigProblem> problems) {
    JsonNode v = parent.get(name);
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      problems.add(new ConfigProblem(path + "." + name, "expected a whole number, got " + v));
      return OptionalLong.empty();
    }
    return OptionalLong.of(v.longValue());
  }

  private static Address address(JsonNode v, String field, List<ConfigProblem> problems) {
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return Address.of(v.asText());
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(field, "'" + v.asText() + "' is not an address"));
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
          new ConfigProblem(BRIDGE + ".jsonRPCEndpoint", "'" + v.textValue() + "' is not a URL"));
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
      if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) {
        problems.add(
            new ConfigProblem(
                BRIDGE + ".eventTrackerStartBlocks." + e.getKey(),
                "expected a block number, got " + e.getValue()));
        return OptionalLong.empty();
      }
      min = Math.min(min, e.getValue().longValue());
    }
    return OptionalLong.of(min);
  }
}
