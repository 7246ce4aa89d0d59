package io.bridgescope.cli;

import static io.bridgescope.cli.NftCliDevnetTest.args;
import static io.bridgescope.cli.NftCliDevnetTest.erc20;
import static io.bridgescope.cli.NftCliDevnetTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainClient;
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
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * {@code deposit --from-child} on a real devnet: a child-native ERC-20 leaves the child through
 * Edge's RootMintableERC20Predicate (approve and depositTo on the child, both decoded in the
 * review), its exit is claimed with {@code exit}, and the root mirror is minted to the receiver.
 * The first deposit maps the token first; the mapping's exit, which names no account, is listed
 * with the key's exits and claimed with the deposit's in one {@code exit --all}.
 */
@Tag("devnet")
class ChildNativeCliDevnetTest {

  static final Duration WAIT = Duration.ofMinutes(2);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final Address ESCROW = DevnetAssets.ROOT_MINTABLE_ERC20_PREDICATE;

  @TempDir Path work;

  @Test
  void aChildNativeTokenIsDepositedFromTheChildAndMintedOnTheRoot() throws Exception {
    try (CliDevnet net = CliDevnet.start(work)) {
      Devnet devnet = net.devnet;
      Path data = net.data;
      Address me = net.me;
      ChainClient child = devnet.child();
      Address token = devnet.assets().childNative();
      send(
          child,
          net.owner,
          token,
          Abi.call(
              "mint(address,uint256)", addr(me), uint(ETHER.multiply(BigInteger.valueOf(100)))));
      String key = " " + net.key;
      String deposit = "deposit --from-child --token " + token + " --amount 5" + key;

      // not mapped yet: the first deposit maps it (mapToken on the child's predicate), approves
      // and deposits, in one signing
      JsonNode first = ok(data, args(deposit));
      JsonNode firstSteps = first.path("review").path("steps");
      assertThat(firstSteps.size()).isEqualTo(3);
      assertThat(firstSteps.get(0).path("call").path("function").asText()).isEqualTo("mapToken");
      assertThat(firstSteps.get(0).path("call").toString()).contains(ESCROW.toString());
      assertThat(firstSteps.get(1).path("call").path("function").asText()).isEqualTo("approve");
      assertThat(firstSteps.get(2).path("call").path("function").asText()).isEqualTo("depositTo");
      assertThat(first.path("outcome").path("ok").asBoolean()).isTrue();
      String mapExit =
          first.path("outcome").path("steps").get(0).path("emittedIds").get(0).asText();
      String firstExit =
          first.path("outcome").path("steps").get(2).path("emittedIds").get(0).asText();
      assertThat(erc20(child, token, ESCROW)).isEqualTo(ETHER.multiply(BigInteger.valueOf(5)));
      // the mapping's exit names no account, yet the key's exits list it beside the deposit's
      // that waits on it; once both are checkpointed, `exit --all` claims them in one batchExit,
      // the mapping (which makes the root mirror) before the deposit (which mints it)
      await("the mapping's and the deposit's exits are both ready")
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                ok(data, "index");
                JsonNode ready = ok(data, args("exit ready" + key));
                List<String> ids = new ArrayList<>();
                ready.forEach(e -> ids.add(e.path("id").asText()));
                return ids.contains(mapExit) && ids.contains(firstExit);
              });
      JsonNode both = ok(data, args("exit --all" + key));
      assertThat(both.path("outcome").path("ok").asBoolean()).isTrue();
      // the deposit's exit cannot be simulated before the mirror exists: it is a second batch,
      // simulated and signed once the first (with the mapping) is mined
      JsonNode claimSteps = both.path("review").path("steps");
      assertThat(claimSteps.size()).isEqualTo(2);
      assertThat(ids(claimSteps.get(0).path("summary").asText())).contains(mapExit);
      assertThat(ids(claimSteps.get(1).path("summary").asText())).containsExactly(firstExit);
      assertThat(both.path("outcome").path("steps").size()).isEqualTo(2);

      // mapped now: approve and deposit only
      JsonNode dep = ok(data, args(deposit));
      JsonNode steps = dep.path("review").path("steps");
      assertThat(steps.size()).isEqualTo(2);
      assertThat(steps.get(0).path("call").path("function").asText()).isEqualTo("approve");
      assertThat(steps.get(0).path("call").toString()).contains(ESCROW.toString());
      assertThat(steps.get(1).path("call").path("contractName").asText())
          .isEqualTo("RootMintableERC20Predicate");
      assertThat(dep.path("outcome").path("ok").asBoolean()).isTrue();
      assertThat(erc20(child, token, ESCROW)).isEqualTo(ETHER.multiply(BigInteger.valueOf(10)));
      String exitId = dep.path("outcome").path("steps").get(1).path("emittedIds").get(0).asText();

      claim(data, new BigInteger(exitId), key);
      Address mirror =
          new AbiReader(
                  devnet
                      .root()
                      .call(
                          devnet.assets().childMintableErc20Predicate(),
                          Abi.call("rootTokenToChildToken(address)", addr(token))))
              .address("rootTokenToChildToken", 0);
      assertThat(mirror).isNotEqualTo(Address.ZERO);
      assertThat(erc20(devnet.root(), mirror, me))
          .isEqualTo(ETHER.multiply(BigInteger.valueOf(10)));

      // the root mirror goes home: `withdraw --from-root` burns it through the root's
      // ChildMintableERC20Predicate (which only the profile names), and once its state sync is
      // committed and executed on the child, the escrow there releases as much to the key
      BigInteger onChild = erc20(child, token, me);
      JsonNode home =
          ok(data, args("withdraw --from-root --token " + mirror + " --amount 4" + key));
      assertThat(
              home.path("review").path("steps").get(0).path("call").path("contractName").asText())
          .isEqualTo("ChildMintableERC20Predicate");
      assertThat(home.path("outcome").path("ok").asBoolean()).isTrue();
      assertThat(erc20(devnet.root(), mirror, me)).isEqualTo(ETHER.multiply(BigInteger.valueOf(6)));
      BigInteger four = ETHER.multiply(BigInteger.valueOf(4));
      await("the child's escrow releases the 4 tokens to the key")
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> erc20(child, token, me).equals(onChild.add(four)));
      assertThat(erc20(child, token, ESCROW)).isEqualTo(ETHER.multiply(BigInteger.valueOf(6)));

      // a child-native ERC-721: map, setApprovalForAll and depositTo on 0x…100a on the child, in
      // one signing; `exit --all` then claims the mapping and the deposit, and the root mirror
      // holds the id
      Address nft = devnet.assets().childNativeNft();
      BigInteger id = BigInteger.valueOf(4242);
      send(child, net.owner, nft, Abi.call("mint(address,uint256)", addr(me), uint(id)));
      JsonNode nftDep =
          ok(data, args("deposit --from-child --erc721 " + nft + " --id " + id + key));
      JsonNode nftSteps = nftDep.path("review").path("steps");
      assertThat(nftSteps.size()).isEqualTo(3);
      assertThat(nftSteps.get(0).path("call").path("function").asText()).isEqualTo("mapToken");
      assertThat(nftSteps.get(1).path("call").path("function").asText())
          .isEqualTo("setApprovalForAll");
      assertThat(nftSteps.get(2).path("call").path("contractName").asText())
          .isEqualTo("RootMintableERC721Predicate");
      assertThat(nftDep.path("outcome").path("ok").asBoolean()).isTrue();
      String nftMap =
          nftDep.path("outcome").path("steps").get(0).path("emittedIds").get(0).asText();
      String nftExit =
          nftDep.path("outcome").path("steps").get(2).path("emittedIds").get(0).asText();
      await("the NFT's mapping and deposit exits are both ready")
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                ok(data, "index");
                List<String> ready = new ArrayList<>();
                ok(data, args("exit ready" + key)).forEach(e -> ready.add(e.path("id").asText()));
                return ready.contains(nftMap) && ready.contains(nftExit);
              });
      assertThat(ok(data, args("exit --all" + key)).path("outcome").path("ok").asBoolean())
          .isTrue();
      Address nftMirror =
          new AbiReader(
                  devnet
                      .root()
                      .call(
                          devnet.assets().childMintableErc721Predicate(),
                          Abi.call("rootTokenToChildToken(address)", addr(nft))))
              .address("rootTokenToChildToken", 0);
      assertThat(
              new AbiReader(devnet.root().call(nftMirror, Abi.call("ownerOf(uint256)", uint(id))))
                  .address("ownerOf", 0))
          .isEqualTo(me);

      // and the NFT goes home the same way, through the root's ChildMintableERC721Predicate
      JsonNode nftHome =
          ok(data, args("withdraw --from-root --erc721 " + nftMirror + " --id " + id + key));
      assertThat(
              nftHome
                  .path("review")
                  .path("steps")
                  .get(0)
                  .path("call")
                  .path("contractName")
                  .asText())
          .isEqualTo("ChildMintableERC721Predicate");
      assertThat(nftHome.path("outcome").path("ok").asBoolean()).isTrue();
      await("the child's escrow releases the id to the key")
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  new AbiReader(child.call(nft, Abi.call("ownerOf(uint256)", uint(id))))
                      .address("ownerOf", 0)
                      .equals(me));
    }
  }

  /** {@code exit ID} once a checkpoint covers it (the index is caught up before each try). */
  static void claim(Path data, BigInteger id, String key) {
    await("exit " + id + " claimed on the root")
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              ok(data, "index");
              CliRun.Result r =
                  CliRun.run(
                      (String[])
                          concat(
                              args("exit " + id + key), "--json", "--data-dir", data.toString()));
              return r.exit() == 0 && r.json().path("outcome").path("ok").asBoolean();
            });
  }

  /** The exit ids of a claim's summary, "claim N exits (a, b)". */
  private static List<String> ids(String summary) {
    return List.of(summary.substring(summary.indexOf('(') + 1, summary.indexOf(')')).split(", "));
  }

  private static Object[] concat(String[] a, String... more) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  static TransactionReceipt send(ChainClient c, Address from, Address to, byte[] data) {
    TransactionReceipt r =
        c.awaitReceipt(c.sendUnlocked(from, to, data, null, null), Duration.ofSeconds(30));
    assertThat(r.isStatusOK()).as("transaction to %s", to).isTrue();
    return r;
  }

  private static AbiValue addr(Address a) {
    return AbiValue.address(a);
  }

  private static AbiValue uint(BigInteger v) {
    return AbiValue.uint(v);
  }
}
