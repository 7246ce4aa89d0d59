package io.bridgescope.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.fuzz.FuzzFiles;
import io.bridgescope.core.fuzz.JsonEdit;
import io.bridgescope.core.model.Address;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.net.URI;
import java.util.List;
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
 * Network profile files ({@code --network file.json}, the GUI's "Open profile…"): a profile written
 * by {@link NetworkProfileJson} reads back equal; an edited file reads as a valid profile (which
 * writes and reads back the same) or fails with {@link NetworkConfigException}.
 */
@AddLifecycleHook(FuzzTries.class)
class ProfileFuzzTest {

  private static FuzzFiles files;

  @BeforeContainer
  static void create() {
    files = FuzzFiles.create("profile");
  }

  @AfterContainer
  static void delete() {
    files.close();
  }

  static Arbitrary<URI> rpcUrls() {
    return Combinators.combine(
            Arbitraries.of("http", "https", "ws", "wss", "HTTP"),
            Arbitraries.of("127.0.0.1", "localhost", "rpc.example.org", "[::1]"),
            Arbitraries.integers().between(1, 65535),
            Arbitraries.of("", "/", "/v1/abc", "/rpc?key=x"))
        .as((s, h, port, path) -> URI.create(s + "://" + h + ":" + port + path));
  }

  static Arbitrary<ChainConfig> chains() {
    return Combinators.combine(
            Arbitraries.longs().between(1, Long.MAX_VALUE),
            rpcUrls().list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            Arbitraries.of("https://explorer.example.org", "http://x.io/path")
                .map(URI::create)
                .optional())
        .as(ChainConfig::new);
  }

  @Provide
  Arbitrary<NetworkProfile> profiles() {
    Arbitrary<String> names =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .numeric()
            .withChars("._-")
            .ofMinLength(1)
            .ofMaxLength(64)
            .filter(n -> Character.isLetterOrDigit(n.charAt(0)));
    Arbitrary<List<Address>> contracts =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofSize(20)
            .map(Address::new)
            .filter(a -> !a.equals(Address.ZERO))
            .list()
            .ofSize(8)
            .uniqueElements();
    return Combinators.combine(
            names,
            chains(),
            chains(),
            contracts,
            Arbitraries.longs().between(1, Long.MAX_VALUE),
            Arbitraries.of(BlsSchemeName.class),
            Arbitraries.integers().between(0, 10_000))
        .as(
            (name, root, child, c, epoch, scheme, conf) ->
                new NetworkProfile(
                    name,
                    root,
                    distinctFrom(root, child),
                    new BridgeContracts(
                        c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6),
                        c.get(7)),
                    epoch,
                    scheme,
                    conf,
                    List.of()));
  }

  @Provide
  Arbitrary<List<JsonEdit>> edits() {
    return JsonEdit.lists();
  }

  @Property(tries = 50)
  void profileFilesReadBackOrFailTyped(
      @ForAll("profiles") NetworkProfile p, @ForAll("edits") List<JsonEdit> edits) {
    var file = files.write("profile.json", JsonEdit.applyAll(NetworkProfileJson.toJson(p), edits));
    Outcome<NetworkProfile> o =
        Decoders.decode(() -> NetworkProfileJson.read(file), NetworkConfigException.class);
    if (edits.isEmpty()) {
      assertThat(o.ok()).as("valid profile refused: %s", o.error()).isTrue();
      assertThat(o.value()).isEqualTo(p);
    } else if (o.ok()) {
      assertThat(NetworkProfileJson.parse(NetworkProfileJson.toJson(o.value()), "again"))
          .isEqualTo(o.value());
    } else {
      assertThat(((NetworkConfigException) o.error()).problems()).isNotEmpty();
    }
  }

  @Property(tries = 50)
  void randomFilesFailTyped(@ForAll @Size(max = 2000) byte[] content) {
    var file = files.write("profile.json", content);
    Decoders.decode(() -> NetworkProfileJson.read(file), NetworkConfigException.class);
  }

  @Property(tries = 50)
  void randomTextFailsTyped(@ForAll @Size(max = 500) String text) {
    Decoders.decode(() -> NetworkProfileJson.parse(text, "text"), NetworkConfigException.class);
  }

  /** {@code child}, with another chain id if it drew the root's (a profile refuses that). */
  static ChainConfig distinctFrom(ChainConfig root, ChainConfig child) {
    if (root.chainId() != child.chainId()) {
      return child;
    }
    long id = child.chainId() == Long.MAX_VALUE ? 1 : child.chainId() + 1;
    return new ChainConfig(id, child.rpcUrls(), child.startBlock(), child.explorerUrl());
  }
}
