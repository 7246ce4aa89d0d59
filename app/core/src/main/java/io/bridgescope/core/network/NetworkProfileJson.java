package io.bridgescope.core.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a network profile as a plain JSON file, one network per file. Format 1:
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "name": "my-supernet",                 // letters, digits . _ - ; names the database file
 *   "root": {
 *     "chainId": 11155111,                  // EIP-155 id, checked against eth_chainId
 *     "rpcUrls": ["https://a", "wss://b"],  // fallback order; http(s) or ws(s)
 *     "startBlock": 5000000,                // optional, default 0: first block to index
 *     "explorerUrl": "https://sepolia.etherscan.io",  // optional
 *     "explorerApiUrl": "https://api-sepolia.etherscan.io/api"   // optional, txlist API
 *   },
 *   "child": { same fields as root },
 *   "contracts": {
 *     "stateSender": "0x…", "checkpointManager": "0x…", "exitHelper": "0x…",
 *     "rootErc20Predicate": "0x…",          // root chain, required
 *     "rootErc721Predicate": "0x…", "rootErc1155Predicate": "0x…",  // root, optional (NFT bridges)
 *     "childMintableErc20Predicate": "0x…",  // root, optional: where root mirrors of child-native
 *     "childMintableErc721Predicate": "0x…", "childMintableErc1155Predicate": "0x…",  // tokens live
 *     "stateReceiver": "0x…1001", "l2StateSender": "0x…1002",
 *     "childErc20Predicate": "0x…1004", "validatorSet": "0x…0101"   // child, optional (Edge defaults)
 *   },
 *   "epochSize": 10,                        // child blocks per epoch
 *   "blsScheme": "bn254-edge",              // optional: "bn254-edge" (default) or "bls12-381"
 *   "confirmations": 12,                    // blocks behind head before a block is trusted
 *   "initialValidators": [                  // optional: the genesis validator set, bitmap order
 *     {"address": "0x…", "blsKey": "0x…",   // 128 bytes, on-chain order [x.re, x.im, y.re, y.im]
 *      "votingPower": "1000"}               // decimal string (uint256)
 *   ],
 *   "store": "postgresql://db.example/bridge?sslmode=verify-full"   // optional: the team index
 * }
 * }</pre>
 *
 * {@code store} is the network's team index on PostgreSQL, used by the CLI when no {@code --db} is
 * given; it must be a URL {@link io.bridgescope.core.store.PgTarget} accepts and never holds a
 * password (nor {@code sslpassword}): those come from {@code PGPASSWORD} or {@code ~/.pgpass}.
 *
 * <p>A sample is {@code resources/networks/example.json}. Unknown fields are rejected so that a
 * typo is reported as such rather than as a missing field.
 */
public final class NetworkProfileJson {

  public static final int FORMAT = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NetworkProfileJson() {}

  public static NetworkProfile read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NetworkConfigException(
          "network file " + file,
          List.of(new ConfigProblem("file", "cannot be read: " + e.getMessage())),
          e);
    }
    return parse(json, "network file " + file);
  }

  /** Parses a profile; {@code source} names where it came from in error messages. */
  public static NetworkProfile parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NetworkConfigException(
          source,
          List.of(new ConfigProblem("file", "not valid JSON: " + e.getOriginalMessage())),
          e);
    }
    if (root == null || !root.isObject()) {
      throw NetworkConfigException.single(source, "file", "expected a JSON object { … }");
    }
    List<ConfigProblem> readProblems = new ArrayList<>();
    NetworkProfileBuilder b = readProfile(new JsonFields("", root, readProblems));
    List<ConfigProblem> all = new ArrayList<>(readProblems);
    // A value that did not parse was reported above; the rules would only add "missing" for it.
    Set<String> reported =
        readProblems.stream().map(ConfigProblem::field).collect(Collectors.toSet());
    b.problems().stream().filter(p -> !reported.contains(p.field())).forEach(all::add);
    if (!all.isEmpty()) {
      throw new NetworkConfigException(source, all);
    }
    return b.build();
  }

  public static String toJson(NetworkProfile p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("name", p.name());
    o.set("root", chain(p.root()));
    o.set("child", chain(p.child()));
    ObjectNode c = o.putObject("contracts");
    p.contracts().byField().forEach((k, v) -> c.put(k, v.toString()));
    o.put("epochSize", p.epochSize());
    o.put("blsScheme", p.blsScheme().key());
    o.put("confirmations", p.confirmations());
    if (!p.initialValidators().isEmpty()) {
      var vs = o.putArray("initialValidators");
      for (ValidatorEntry v : p.initialValidators()) {
        ObjectNode e = vs.addObject();
        e.put("address", v.address().toString());
        e.put("blsKey", v.blsKey().toString());
        e.put("votingPower", v.votingPower().toString());
      }
    }
    if (p.store() != null) {
      o.put("store", p.store());
    }
    try {
      return MAPPER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Writes atomically (temp file, then rename) so a crash never leaves half a profile. */
  public static void write(NetworkProfile p, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, toJson(p), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static NetworkProfileBuilder readProfile(JsonFields f) {
    NetworkProfileBuilder b = NetworkProfile.builder();
    Long format = f.integer("format");
    if (format != null && format != FORMAT) {
      throw NetworkConfigException.single(
          "network profile",
          "format",
          format
              + " is not understood by this version of Bridgescope (it reads format "
              + FORMAT
              + ") — update Bridgescope");
    }
    b.name(f.text("name"));
    readChain(f.object("root"), b.root);
    readChain(f.object("child"), b.child);
    JsonFields c = f.object("contracts");
    if (c != null) {
      for (String field : b.contracts.keySet().toArray(String[]::new)) {
        var a = c.address(field);
        if (a != null) {
          b.contract(field, a);
        }
      }
      c.rejectUnknown();
    }
    Long epochSize = f.integer("epochSize");
    if (epochSize != null) {
      b.epochSize(epochSize);
    }
    String scheme = f.text("blsScheme");
    if (scheme != null) {
      BlsSchemeName.fromKey(scheme)
          .ifPresentOrElse(
              b::blsScheme,
              () ->
                  f.problem(
                      "blsScheme",
                      ConfigProblem.quoted(scheme)
                          + " is unknown — use 'bn254-edge' or 'bls12-381'"));
    }
    Long conf = f.integer("confirmations");
    if (conf != null) {
      b.confirmations((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, conf)));
    }
    List<JsonFields> validators = f.objects("initialValidators");
    if (validators != null) {
      b.initialValidators(readValidators(validators));
    }
    b.store(f.text("store"));
    f.rejectUnknown();
    return b;
  }

  private static List<ValidatorEntry> readValidators(List<JsonFields> list) {
    List<ValidatorEntry> out = new ArrayList<>();
    for (JsonFields v : list) {
      var address = v.address("address");
      String key = v.text("blsKey");
      String power = v.text("votingPower");
      Bytes keyBytes = null;
      if (key != null) {
        try {
          keyBytes = Bytes.ofHex(key);
        } catch (IllegalArgumentException e) {
          v.problem("blsKey", "is not hex");
        }
      }
      BigInteger p = null;
      if (power != null) {
        try {
          p = new BigInteger(power);
        } catch (NumberFormatException e) {
          v.problem("votingPower", ConfigProblem.quoted(power) + " is not a decimal number");
        }
      }
      for (String field : new String[] {"address", "blsKey", "votingPower"}) {
        if (!v.has(field)) {
          v.problem(field, "missing");
        }
      }
      v.rejectUnknown();
      if (address != null && keyBytes != null && p != null) {
        out.add(new ValidatorEntry(out.size(), address, keyBytes, p));
      }
    }
    return out;
  }

  private static void readChain(@Nullable JsonFields f, NetworkProfileBuilder.ChainDraft d) {
    if (f == null) {
      return;
    }
    d.chainId = f.integer("chainId");
    d.rpcUrls = f.uris("rpcUrls", "an http(s) or ws(s) URL");
    Long start = f.integer("startBlock");
    d.startBlock = start == null ? 0 : start;
    d.explorerUrl = f.uri("explorerUrl", "an http(s) URL");
    d.explorerApiUrl = f.uri("explorerApiUrl", "an http(s) URL");
    f.rejectUnknown();
  }

  private static ObjectNode chain(ChainConfig c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("chainId", c.chainId());
    var urls = o.putArray("rpcUrls");
    c.rpcUrls().stream().map(URI::toString).forEach(urls::add);
    o.put("startBlock", c.startBlock());
    c.explorerUrl().ifPresent(u -> o.put("explorerUrl", u.toString()));
    c.explorerApiUrl().ifPresent(u -> o.put("explorerApiUrl", u.toString()));
    return o;
  }
}
