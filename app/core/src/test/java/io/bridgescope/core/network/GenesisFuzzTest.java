package io.bridgescope.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.fuzz.FuzzFiles;
import io.bridgescope.core.fuzz.JsonEdit;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Polygon Edge genesis.json files ({@link EdgeGenesisImport}): the real Chain Games genesis (test
 * resources, genesis/README.md; its {@code alloc} cut to three accounts so a try stays small) with
 * its values redrawn (chain id, epoch size, bridge addresses under v1.x and v0.8 key names, root
 * RPC, tracker start blocks, the initial validators with real BN254 keys and stakes) imports those
 * values; edited files import or fail with {@link NetworkConfigException}, and what imports gives a
 * profile builder that builds or names its problems the same typed way.
 */
@AddLifecycleHook(FuzzTries.class)
class GenesisFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static FuzzFiles files;
  private static ObjectNode fixture;
  // Generating a G2 key is a scalar multiplication; a small pool keeps a try cheap.
  private static List<byte[]> keys;

  @BeforeContainer
  static void load() throws Exception {
    files = FuzzFiles.create("genesis");
    keys = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      keys.add(Bn254Bls.generateKeyPair(new Random(i)).publicKey().toEvmBytes());
    }
    Path real = EdgeGenesisImportTest.fixture("chain-games-69421.json");
    fixture = (ObjectNode) JSON.readTree(Files.readString(real));
    ObjectNode alloc = (ObjectNode) fixture.get("genesis").get("alloc");
    Iterator<String> names = alloc.fieldNames();
    List<String> drop = new ArrayList<>();
    for (int i = 0; names.hasNext(); i++) {
      String n = names.next();
      if (i >= 3) {
        drop.add(n);
      }
    }
    alloc.remove(drop);
  }

  @AfterContainer
  static void delete() {
    files.close();
  }

  /** A genesis validator: its address, key (EVM byte order, as Edge writes it) and stake. */
  record GenesisValidator(Address address, byte[] evmKey, BigInteger stake, boolean hexStake) {}

  /** The genesis values Bridgescope reads. */
  record Genesis(
      String name,
      long chainId,
      long epochSize,
      List<Address> rootContracts,
      boolean legacyKeys,
      String rpc,
      Map<String, Long> startBlocks,
      List<GenesisValidator> validators) {

    String json() {
      ObjectNode g = fixture.deepCopy();
      g.put("name", name);
      ObjectNode params = (ObjectNode) g.get("params");
      params.put("chainID", chainId);
      ObjectNode polybft = (ObjectNode) params.get("engine").get("polybft");
      polybft.put("epochSize", epochSize);
      ObjectNode bridge = (ObjectNode) polybft.get("bridge");
      String[] keys =
          legacyKeys
              ? new String[] {
                "stateSenderAddr", "checkpointAddr", "exitHelperAddress", "rootERC20PredicateAddr"
              }
              : new String[] {
                "stateSenderAddress",
                "checkpointManagerAddress",
                "exitHelperAddress",
                "erc20PredicateAddress"
              };
      bridge.remove(
          List.of("stateSenderAddress", "checkpointManagerAddress", "erc20PredicateAddress"));
      for (int i = 0; i < 4; i++) {
        bridge.put(keys[i], rootContracts.get(i).toString());
      }
      bridge.put("jsonRPCEndpoint", rpc);
      ObjectNode starts = bridge.putObject("eventTrackerStartBlocks");
      startBlocks.forEach(starts::put);
      ArrayNode set = polybft.putArray("initialValidatorSet");
      for (GenesisValidator v : validators) {
        set.addObject()
            .put("address", v.address().toString())
            .put("blsKey", Hex.encode(v.evmKey()).substring(2))
            .put("stake", v.hexStake() ? "0x" + v.stake().toString(16) : v.stake().toString())
            .put("multiAddr", "/ip4/127.0.0.1/tcp/30301/p2p/16Uiu2HAm");
      }
      try {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(g);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The validators as the import must read them: keys in the on-chain word order. */
    List<ValidatorEntry> expectedValidators() {
      List<ValidatorEntry> out = new ArrayList<>();
      for (GenesisValidator v : validators) {
        BigInteger[] w = G2Point.fromEvmBytes(v.evmKey()).toUint256Array();
        byte[] key = new byte[128];
        for (int i = 0; i < 4; i++) {
          byte[] b = w[i].toByteArray();
          int n = Math.min(b.length, 32);
          System.arraycopy(b, b.length - n, key, 32 * i + 32 - n, n);
        }
        out.add(new ValidatorEntry(out.size(), v.address(), Bytes.of(key), v.stake()));
      }
      return out;
    }
  }

  static Arbitrary<Address> addresses() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(20)
        .map(Address::new)
        .filter(a -> !a.equals(Address.ZERO));
  }

  @Provide
  Arbitrary<Genesis> geneses() {
    Arbitrary<Map<String, Long>> starts =
        Arbitraries.maps(
                addresses().map(Address::toString), Arbitraries.longs().between(0, Long.MAX_VALUE))
            .ofMinSize(1)
            .ofMaxSize(3);
    Arbitrary<GenesisValidator> validator =
        Combinators.combine(
                addresses(),
                Arbitraries.integers().between(0, 11).map(i -> keys.get(i)),
                Arbitraries.bigIntegers()
                    .between(
                        BigInteger.ONE, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
                Arbitraries.of(true, false))
            .as(GenesisValidator::new);
    return Combinators.combine(
            Arbitraries.of("polygon-edge", "my-supernet", "a.b_c-1", "Ünïcode ✓"),
            Arbitraries.longs().between(1, Long.MAX_VALUE),
            Arbitraries.longs().between(1, 1_000_000),
            addresses().list().ofSize(4).uniqueElements(),
            Arbitraries.of(true, false),
            Arbitraries.of("http://127.0.0.1:8545", "https://rpc.example.org/v1", "ws://node:8546"),
            starts,
            validator.list().ofMaxSize(4).uniqueElements(GenesisValidator::address))
        .as(Genesis::new);
  }

  @Provide
  Arbitrary<List<JsonEdit>> edits() {
    return JsonEdit.lists();
  }

  @Property(tries = 40)
  void genesisFilesImportOrFailTyped(
      @ForAll("geneses") Genesis g, @ForAll("edits") List<JsonEdit> edits) {
    var file = files.write("genesis.json", JsonEdit.applyAll(g.json(), edits));
    Outcome<EdgeGenesis> o =
        Decoders.decode(() -> EdgeGenesisImport.read(file), NetworkConfigException.class);
    if (edits.isEmpty()) {
      assertThat(o.ok()).as("valid genesis refused: %s", o.error()).isTrue();
      EdgeGenesis e = o.value();
      assertThat(e.genesisName()).contains(g.name());
      assertThat(e.childChainId()).isEqualTo(g.chainId());
      assertThat(e.epochSize()).isEqualTo(g.epochSize());
      assertThat(
              List.of(
                  e.rootContracts().get("stateSender"),
                  e.rootContracts().get("checkpointManager"),
                  e.rootContracts().get("exitHelper"),
                  e.rootContracts().get("rootErc20Predicate")))
          .isEqualTo(g.rootContracts());
      assertThat(e.rootRpcHint()).contains(URI.create(g.rpc()));
      assertThat(e.rootStartBlock().getAsLong())
          .isEqualTo(
              g.startBlocks().values().stream().mapToLong(Long::longValue).min().orElseThrow());
      assertThat(e.initialValidators()).isEqualTo(g.expectedValidators());
    }
    if (o.ok()) {
      // What the genesis lacks is added as a user would; the rest must build or be named.
      NetworkProfileBuilder b =
          Decoders.decode(() -> o.value().toBuilder(), NetworkConfigException.class).value();
      if (b != null) {
        b.rootChainId(g.chainId() == 1 ? 2 : 1)
            .childRpcUrls(List.of(URI.create("http://127.0.0.1:10002")))
            .confirmations(2);
        Decoders.decode(b::build, NetworkConfigException.class);
      }
    }
  }

  @Property(tries = 20)
  void randomFilesFailTyped(@ForAll @Size(max = 2000) byte[] content) {
    var file = files.write("genesis.json", content);
    Decoders.decode(() -> EdgeGenesisImport.read(file), NetworkConfigException.class);
  }
}
