package io.bridgescope.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.fuzz.Decoders;
import io.bridgescope.core.fuzz.Decoders.Outcome;
import io.bridgescope.core.fuzz.FuzzFiles;
import io.bridgescope.core.fuzz.FuzzTries;
import io.bridgescope.core.fuzz.JsonEdit;
import io.bridgescope.core.model.Address;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Polygon Edge genesis.json files ({@link EdgeGenesisImport}): the test fixture with its values
 * redrawn (chain id, epoch size, bridge addresses under v1.x and v0.8 key names, root RPC, tracker
 * start blocks) imports those values; edited files import or fail with {@link
 * NetworkConfigException}, and whatever imports builds a profile or fails the same typed way.
 */
@Tag("fuzz")
@AddLifecycleHook(FuzzTries.class)
class GenesisFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static FuzzFiles files;
  private static String fixture;

  @BeforeContainer
  static void load() throws IOException {
    files = FuzzFiles.create("genesis");
    try (InputStream in =
        GenesisFuzzTest.class.getResourceAsStream("/genesis/chain-games-69421.json")) {
      fixture =
          new String(
              Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @AfterContainer
  static void delete() {
    files.close();
  }

  /** The genesis values Bridgescope reads. */
  record Genesis(
      String name,
      long chainId,
      long epochSize,
      List<Address> rootContracts,
      boolean legacyKeys,
      String rpc,
      Map<String, Long> startBlocks) {

    String json() {
      try {
        ObjectNode g = (ObjectNode) JSON.readTree(fixture);
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
        for (String k :
            List.of("stateSenderAddress", "checkpointManagerAddress", "erc20PredicateAddress")) {
          bridge.remove(k);
        }
        for (int i = 0; i < 4; i++) {
          bridge.put(keys[i], rootContracts.get(i).toString());
        }
        bridge.put("jsonRPCEndpoint", rpc);
        ObjectNode starts = bridge.putObject("eventTrackerStartBlocks");
        startBlocks.forEach(starts::put);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(g);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Provide
  Arbitrary<Genesis> geneses() {
    Arbitrary<Address> address =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofSize(20)
            .map(Address::new)
            .filter(a -> !a.equals(Address.ZERO));
    Arbitrary<Map<String, Long>> starts =
        Arbitraries.maps(
                address.map(Address::toString), Arbitraries.longs().between(0, Long.MAX_VALUE))
            .ofMinSize(1)
            .ofMaxSize(3);
    return Combinators.combine(
            Arbitraries.of("my-supernet", "polygon-edge", "a.b_c-1"),
            Arbitraries.longs().between(1, Long.MAX_VALUE),
            Arbitraries.longs().between(1, 1_000_000),
            address.list().ofSize(4).uniqueElements(),
            Arbitraries.of(true, false),
            Arbitraries.of("http://127.0.0.1:8545", "https://rpc.example.org/v1", "ws://node:8546"),
            starts)
        .as(Genesis::new);
  }

  @Provide
  Arbitrary<List<JsonEdit>> edits() {
    return JsonEdit.lists();
  }

  @Property(tries = 150)
  void genesisFilesImportOrFailTyped(
      @ForAll("geneses") Genesis g, @ForAll("edits") List<JsonEdit> edits) {
    var file = files.write("genesis.json", JsonEdit.applyAll(g.json(), edits));
    Outcome<NetworkProfileBuilder> o =
        Decoders.decode(
            () -> EdgeGenesisImport.read(file).toBuilder(), NetworkConfigException.class);
    if (edits.isEmpty()) {
      assertThat(o.ok()).as("valid genesis refused: %s", o.error()).isTrue();
      NetworkProfileBuilder b = o.value();
      assertThat(b.name).endsWith("-" + g.chainId());
      assertThat(b.child.chainId).isEqualTo(g.chainId());
      assertThat(b.epochSize).isEqualTo(g.epochSize());
      assertThat(
              List.of(
                  b.contracts.get("stateSender"),
                  b.contracts.get("checkpointManager"),
                  b.contracts.get("exitHelper"),
                  b.contracts.get("rootErc20Predicate")))
          .isEqualTo(g.rootContracts());
      assertThat(b.root.rpcUrls).containsExactly(URI.create(g.rpc()));
      assertThat(b.root.startBlock)
          .isEqualTo(
              g.startBlocks().values().stream().mapToLong(Long::longValue).min().orElseThrow());
    }
    if (o.ok()) {
      // What the genesis lacks is added as a user would; the rest must build or be named.
      NetworkProfileBuilder b =
          o.value()
              .rootChainId(g.chainId() == 1 ? 2 : 1)
              .childRpcUrls(List.of(URI.create("http://127.0.0.1:10002")))
              .confirmations(2);
      Decoders.decode(b::build, NetworkConfigException.class);
    }
  }

  @Property(tries = 100)
  void randomFilesFailTyped(@ForAll @Size(max = 2000) byte[] content) {
    var file = files.write("genesis.json", content);
    Decoders.decode(() -> EdgeGenesisImport.read(file).toBuilder(), NetworkConfigException.class);
  }
}
