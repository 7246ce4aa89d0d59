package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transfers} on a devnet with its demo traffic of every kind: the 6-decimals token's amounts
 * are scaled by its own decimals and carry its symbol in JSON and CSV, NFT ids and ERC-1155
 * id/amount pairs are listed per item, {@code --kind} filters, and the child-native ERC-20 shows
 * its child token and its root mirror the right way round in both directions.
 */
@Tag("devnet")
class TransfersCliDevnetTest {

  @TempDir Path work;

  @Test
  void everyKindIsListedWithItsOwnDecimals() throws Exception {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .commitEvery(1)
            .commitInterval(Duration.ofSeconds(1))
            .epochSize(4)
            .trafficInterval(Duration.ofMillis(200))
            .build();
    try (Devnet devnet =
        Devnet.start(
            cfg, DevnetHome.locate(), Files.createDirectories(work.resolve("devnet")), m -> {})) {
      Path data = work.resolve("data");
      new DataDir(data).saveProfile(devnet.profile().toBuilder().confirmations(0).build());
      String net = devnet.profile().name();
      AtomicReference<JsonNode> all = new AtomicReference<>();
      Awaitility.await("transfers of every kind indexed")
          .atMost(Duration.ofMinutes(3))
          .pollInSameThread()
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                CliRun.run("index", "-n", net, "--data-dir", data.toString()).noStackTrace();
                JsonNode doc = json(data, "transfers", "-n", net, "--limit", "500");
                all.set(doc);
                return kinds(doc).containsAll(List.of("erc20", "erc721", "erc1155"))
                    && busd(doc) != null
                    && childNative(doc, "erc20", "to_root", "deposit") != null
                    && childNative(doc, "erc20", "to_child", "withdraw") != null
                    && childNative(doc, "erc1155", "to_root", "deposit_batch") != null
                    && childNative(doc, "erc1155", "to_child", "withdraw") != null
                    && nativeCoin(doc, "to_child", "deposit") != null
                    && nativeCoin(doc, "to_root", "withdraw") != null;
              });
      // The child-native ERC-20 (0x…1009): its token is the child one, its mirror on the root.
      for (String[] way : new String[][] {{"to_root", "deposit"}, {"to_child", "withdraw"}}) {
        JsonNode bsc = childNative(all.get(), "erc20", way[0], way[1]);
        assertThat(bsc.path("assetKind").asText()).isEqualTo("erc20");
        assertThat(bsc.path("predicate").asText()).isEqualTo("root_mintable_erc20");
        assertThat(bsc.path("symbol").asText()).isEqualTo("BSC");
        assertThat(bsc.path("childToken").asText())
            .isEqualTo(devnet.assets().childNative().toString());
        assertThat(bsc.path("token").asText()).isEqualTo(bsc.path("childToken").asText());
        assertThat(bsc.path("rootToken").asText()).isNotEqualTo(bsc.path("token").asText());
      }
      // The child-native ERC-1155 (0x…100b) the same way round.
      for (String[] way : new String[][] {{"to_root", "deposit_batch"}, {"to_child", "withdraw"}}) {
        JsonNode bcm = childNative(all.get(), "erc1155", way[0], way[1]);
        assertThat(bcm.path("predicate").asText()).isEqualTo("root_mintable_erc1155");
        assertThat(bcm.path("childToken").asText())
            .isEqualTo(devnet.assets().childNativeMulti().toString());
        assertThat(bcm.path("token").asText()).isEqualTo(bcm.path("childToken").asText());
        assertThat(bcm.path("rootToken").asText()).isNotEqualTo(bcm.path("token").asText());
        assertThat(bcm.path("items")).allMatch(i -> i.has("tokenId") && i.has("amount"));
      }
      // The child's native coin (Edge's NativeERC20 at 0x…1010), both ways: an ERC-20 bridged from
      // its root token, named by its own metadata.
      for (String[] way : new String[][] {{"to_child", "deposit"}, {"to_root", "withdraw"}}) {
        JsonNode bsn = nativeCoin(all.get(), way[0], way[1]);
        assertThat(bsn.path("assetKind").asText()).isEqualTo("erc20");
        assertThat(bsn.path("tokenHome").asText()).isEqualTo("root_native");
        assertThat(bsn.path("symbol").asText()).isEqualTo("BSN");
        assertThat(bsn.path("rootToken").asText())
            .isEqualToIgnoringCase(devnet.contracts().nativeRootToken().toString());
      }
      JsonNode busd = busd(all.get());
      assertThat(busd.path("decimals").asInt()).isEqualTo(6);
      JsonNode item = busd.path("items").get(0);
      assertThat(item.path("amount").asText()).isEqualTo("12345678");
      assertThat(item.path("amountDecimal").asText()).isEqualTo("12.345678");
      assertThat(item.path("display").asText()).isEqualTo("12.345678 BUSD");
      for (JsonNode row : all.get()) {
        if (row.path("assetKind").asText().equals("erc721")) {
          assertThat(row.path("items"))
              .allMatch(i -> i.has("tokenId") && i.path("amount").asText().equals("1"));
        }
        if (row.path("assetKind").asText().equals("erc1155")
            && row.path("action").asText().endsWith("_batch")) {
          assertThat(row.path("items").size()).isEqualTo(2);
          assertThat(row.path("items")).allMatch(i -> i.has("tokenId") && i.has("amount"));
        }
      }
      // deposits --json scales the same ERC-20 transfer by its token's own decimals too.
      JsonNode deposits = json(data, "deposits", "-n", net, "--limit", "500");
      JsonNode dep = null;
      for (JsonNode d : deposits) {
        if (d.path("transfer").path("rootToken").asText().equals(busd.path("token").asText())) {
          dep = d.path("transfer");
        }
      }
      assertThat(dep).isNotNull();
      assertThat(dep.path("decimals").asInt()).isEqualTo(6);
      assertThat(dep.path("amountDecimal").asText()).isEqualTo("12.345678");
      assertThat(dep.path("symbol").asText()).isEqualTo("BUSD");
      JsonNode only721 = json(data, "transfers", "-n", net, "--kind", "erc721", "--offline");
      assertThat(kinds(only721)).containsOnly("erc721");

      CliRun.Result csv =
          CliRun.run(
              "transfers",
              "-n",
              net,
              "--csv",
              "--offline",
              "--limit",
              "500",
              "--data-dir",
              data.toString());
      assertThat(csv.exit()).isZero();
      List<String> lines = csv.out().lines().toList();
      assertThat(lines.get(0)).isEqualTo(AssetRows.CSV_HEADER);
      assertThat(lines)
          .anyMatch(l -> l.contains(",\"BUSD\",") && l.endsWith(",12345678,12.345678"));
      // the BUSD deposit's row carries its root block, its time in ISO-8601 UTC and its tx
      assertThat(busd.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      String busdLine =
          "to_child,"
              + busd.path("id").asText()
              + ","
              + busd.path("blockNumber").asLong()
              + ","
              + busd.path("time").asText()
              + ","
              + busd.path("txHash").asText()
              + ",erc20,root_native,deposit,"
              + busd.path("token").asText()
              + ",";
      assertThat(lines)
          .anyMatch(
              l ->
                  l.startsWith(busdLine)
                      && l.contains(",\"BUSD\",")
                      && l.endsWith(",12345678,12.345678"));
    }
  }

  static JsonNode json(Path data, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--json", "--data-dir", data.toString()));
    CliRun.Result r = CliRun.run(all.toArray(String[]::new)).noStackTrace();
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    return r.json();
  }

  static List<String> kinds(JsonNode doc) {
    List<String> out = new ArrayList<>();
    doc.forEach(n -> out.add(n.path("assetKind").asText()));
    return out;
  }

  /** A transfer of a child-native token of this kind whose mirror on the root is known, or null. */
  static JsonNode childNative(JsonNode doc, String kind, String direction, String action) {
    for (JsonNode n : doc) {
      if ("child_native".equals(n.path("tokenHome").asText())
          && n.path("assetKind").asText().equals(kind)
          && n.path("direction").asText().equals(direction)
          && n.path("action").asText().equals(action)
          && n.has("rootToken")) {
        return n;
      }
    }
    return null;
  }

  /** A transfer of the child's native coin (0x…1010) this way, or null. */
  static JsonNode nativeCoin(JsonNode doc, String direction, String action) {
    for (JsonNode n : doc) {
      if (NATIVE.equalsIgnoreCase(n.path("childToken").asText())
          && n.path("direction").asText().equals(direction)
          && n.path("action").asText().equals(action)) {
        return n;
      }
    }
    return null;
  }

  static final String NATIVE = "0x0000000000000000000000000000000000001010";

  /** A BUSD (6 decimals) deposit of 12.345678, the amount AssetTraffic sends. */
  static JsonNode busd(JsonNode doc) {
    for (JsonNode n : doc) {
      if ("BUSD".equals(n.path("symbol").asText())
          && n.path("action").asText().equals("deposit")
          && n.path("items").get(0).path("amount").asText().equals("12345678")) {
        return n;
      }
    }
    return null;
  }
}
