package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.model.Address;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetAssets;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deposit --erc721} and {@code withdraw --erc721} from the command line on a real devnet:
 * the review (setApprovalForAll, then depositBatch, decoded), the child owner after execution, the
 * withdrawal listed by {@code exit list} with what it pays out, and an NFT withdrawal through the
 * air-gapped flow ({@code tx export-withdraw}, {@code tx sign}, {@code tx send}); then deposits
 * through the air-gapped flow ({@code tx export-deposit}), an ERC-20 in two files (the approval
 * first) and an ERC-721 in one.
 */
@Tag("devnet")
class NftCliDevnetTest {

  static final Duration WAIT = Duration.ofMinutes(2);

  @TempDir Path work;

  @Test
  void anNftBatchGoesToTheChildAndStartsItsWayBackFromTheCli() throws Exception {
    try (CliDevnet net = CliDevnet.start(work)) {
      Devnet devnet = net.devnet;
      Path data = net.data;
      Path pw = net.passwordFile;
      Address me = net.me;
      Address minter = net.owner;
      DevnetAssets a = devnet.assets();
      for (long id : new long[] {8101, 8102, 8103}) {
        byte[] mint = Abi.call("mint(address,uint256)", AbiValue.address(me), AbiValue.uint(id));
        devnet
            .root()
            .awaitReceipt(
                devnet.root().sendUnlocked(minter, a.nft(), mint, null, null),
                Duration.ofSeconds(30));
      }
      String key = net.key;

      JsonNode dep = ok(data, args("deposit --erc721 " + a.nft() + " --id 8101,8102 " + key));
      JsonNode steps = dep.path("review").path("steps");
      assertThat(steps.size()).isEqualTo(2);
      assertThat(steps.get(0).path("call").path("function").asText())
          .isEqualTo("setApprovalForAll");
      assertThat(steps.get(0).path("call").toString()).contains(a.rootErc721Predicate().toString());
      assertThat(steps.get(1).path("call").path("function").asText()).isEqualTo("depositBatch");
      assertThat(steps.get(1).path("call").toString()).contains("[8101, 8102]");
      assertThat(dep.path("outcome").path("ok").asBoolean()).isTrue();

      Address childNft =
          new AbiReader(
                  devnet
                      .root()
                      .call(
                          a.rootErc721Predicate(),
                          Abi.call("rootTokenToChildToken(address)", AbiValue.address(a.nft()))))
              .address("child", 0);
      await("the deposit executed on the child")
          .atMost(WAIT)
          .until(() -> me.equals(ownerOf(devnet.child(), childNft, 8102)));

      JsonNode w = ok(data, args("withdraw --erc721 " + childNft + " --id 8101 " + key));
      assertThat(w.path("outcome").path("ok").asBoolean()).isTrue();
      String exitId = w.path("outcome").path("steps").get(0).path("emittedIds").get(0).asText();
      assertThat(ownerOf(devnet.child(), childNft, 8101)).isEqualTo(Address.ZERO);
      ok(data, "index");
      JsonNode mine = null;
      for (JsonNode e : ok(data, "exit", "list", "--key", "me")) {
        if (e.path("id").asText().equals(exitId)) {
          mine = e;
        }
      }
      assertThat(mine).as("exit %s in exit list", exitId).isNotNull();
      assertThat(mine.path("paysOut").asText()).contains("ERC-721").contains("8101");

      // The other id through the air-gapped flow: exported unsigned, signed offline, sent.
      Path unsigned = work.resolve("nft-withdraw.json");
      Path signed = work.resolve("nft-withdraw.signed.json");
      JsonNode ex =
          ok(
              data,
              args(
                  "tx export-withdraw --from "
                      + me
                      + " --erc721 "
                      + childNft
                      + " --id 8102 --out "
                      + unsigned));
      assertThat(ex.path("review").path("steps").get(0).path("call").toString())
          .contains("withdrawTo")
          .contains("8102");
      assertThat(ownerOf(devnet.child(), childNft, 8102)).as("nothing sent yet").isEqualTo(me);
      ok(
          data,
          args(
              "tx sign --file "
                  + unsigned
                  + " --key me --out "
                  + signed
                  + " --password-file "
                  + pw));
      JsonNode sent = ok(data, "tx", "send", "--file", signed.toString());
      assertThat(sent.path("outcome").path("ok").asBoolean()).isTrue();
      assertThat(ownerOf(devnet.child(), childNft, 8102)).isEqualTo(Address.ZERO);

      airGappedDeposits(devnet, data, pw, me, minter);
    }
  }

  /**
   * {@code tx export-deposit}: an ERC-20 deposit with no allowance yet writes the approval alone
   * (the deposit cannot be simulated before it is mined); once it is signed, sent and mined, the
   * same command writes the deposit, which moves the tokens into the predicate. An ERC-721 the
   * predicate may already take ({@code setApprovalForAll} was given above) is one file.
   */
  private void airGappedDeposits(Devnet devnet, Path data, Path pw, Address me, Address minter)
      throws Exception {
    Address token = devnet.contracts().rootToken();
    BigInteger two = BigInteger.TWO.multiply(BigInteger.TEN.pow(18));
    devnet
        .root()
        .awaitReceipt(
            devnet
                .root()
                .sendUnlocked(
                    minter,
                    token,
                    Abi.call("mint(address,uint256)", AbiValue.address(me), AbiValue.uint(two)),
                    null,
                    null),
            Duration.ofSeconds(30));
    BigInteger before = erc20(devnet.root(), token, me);
    String export = "tx export-deposit --from " + me + " --token " + token + " --amount 2 --out ";

    JsonNode first = ok(data, args(export + work.resolve("approve.json")));
    JsonNode steps = first.path("review").path("steps");
    assertThat(steps.size()).isEqualTo(1);
    assertThat(steps.get(0).path("call").path("function").asText()).isEqualTo("approve");
    assertThat(first.path("review").path("notes").toString()).contains("the approval only");
    signAndSend(data, pw, "approve");
    assertThat(erc20(devnet.root(), token, me)).as("an approval moves nothing").isEqualTo(before);

    JsonNode second = ok(data, args(export + work.resolve("deposit.json")));
    assertThat(second.path("review").path("steps").get(0).path("call").path("function").asText())
        .isEqualTo("depositTo");
    signAndSend(data, pw, "deposit");
    assertThat(erc20(devnet.root(), token, me)).isEqualTo(before.subtract(two));

    Address nft = devnet.assets().nft();
    JsonNode n =
        ok(
            data,
            args(
                "tx export-deposit --from "
                    + me
                    + " --erc721 "
                    + nft
                    + " --id 8103 --out "
                    + work.resolve("nft.json")));
    assertThat(n.path("review").path("steps").get(0).path("call").path("function").asText())
        .isEqualTo("depositTo");
    signAndSend(data, pw, "nft");
    assertThat(ownerOf(devnet.root(), nft, 8103)).isEqualTo(devnet.assets().rootErc721Predicate());
  }

  private void signAndSend(Path data, Path pw, String name) {
    Path unsigned = work.resolve(name + ".json");
    Path signed = work.resolve(name + ".signed.json");
    ok(
        data,
        args(
            "tx sign --file " + unsigned + " --key me --out " + signed + " --password-file " + pw));
    JsonNode sent = ok(data, "tx", "send", "--file", signed.toString());
    assertThat(sent.path("outcome").path("ok").asBoolean()).as("%s sent", name).isTrue();
  }

  static BigInteger erc20(ChainClient c, Address token, Address who) {
    return new AbiReader(c.call(token, io.bridgescope.core.bridge.BridgeAbi.balanceOf(who)))
        .uint("balance", 0);
  }

  static JsonNode ok(Path data, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--json", "--data-dir", data.toString()));
    CliRun.Result r = CliRun.run(all.toArray(String[]::new));
    JsonNode doc = r.noStackTrace().json();
    assertThat(r.exit()).as("%s: %s%nstderr: %s", String.join(" ", args), doc, r.err()).isZero();
    return doc;
  }

  static String[] args(String line) {
    return line.split(" ");
  }

  static Address ownerOf(ChainClient c, Address token, long id) {
    try {
      byte[] r = c.call(token, AssetCalls.ownerOf(BigInteger.valueOf(id)));
      return r.length == 0 ? Address.ZERO : new AbiReader(r).address("ownerOf", 0);
    } catch (ChainException e) {
      return Address.ZERO; // not minted there (yet), or burnt
    }
  }
}
