package io.bridgescope.cli;

import static io.bridgescope.cli.NftCliDevnetTest.args;
import static io.bridgescope.cli.NftCliDevnetTest.erc20;
import static io.bridgescope.cli.NftCliDevnetTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.devnet.DevnetContracts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child chain's native coin, both ways, on a real devnet: deposited from its root token through
 * the RootERC20Predicate (which maps it to Edge's NativeERC20 at 0x…1010 from its initialization),
 * it raises the receiver's native balance on the child (eth_getBalance); withdrawn through the
 * child's ERC20 predicate like any child token, it lowers it, and the claimed exit pays the root
 * token back. Solvency judges the coin: escrow on the root against NativeERC20's totalSupply.
 *
 * <p>The devnet's 0x…2020 is a stand-in for Edge's native-transfer precompile whose moves its
 * native ledger applies within a tick (resources/devnet/README.md), so balances are awaited.
 */
@Tag("devnet")
class NativeCoinCliDevnetTest {

  static final Duration WAIT = Duration.ofMinutes(2);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  @TempDir Path work;

  @Test
  void theNativeCoinIsDepositedWithdrawnAndJudged() throws Exception {
    try (CliDevnet net = CliDevnet.start(work)) {
      Path data = net.data;
      Address me = net.me;
      String key = " " + net.key;
      ChainClient root = net.devnet.root();
      ChainClient child = net.devnet.child();
      Address coinRoot = net.devnet.contracts().nativeRootToken();
      ChildNativeCliDevnetTest.send(
          root,
          net.owner,
          coinRoot,
          Abi.call("mint(address,uint256)", AbiValue.address(me), AbiValue.uint(ether(10))));

      BigInteger onChild = child.balance(me);
      JsonNode dep = ok(data, args("deposit --token " + coinRoot + " --amount 3" + key));
      assertThat(dep.path("outcome").path("ok").asBoolean()).isTrue();
      assertThat(erc20(root, coinRoot, me)).isEqualTo(ether(7));
      await("the deposit is executed: 3 coins more on the child")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> child.balance(me).equals(onChild.add(ether(3))));
      assertThat(totalSupply(child)).isEqualTo(ether(3));

      // the index names the coin by NativeERC20's own metadata
      ok(data, "index");
      JsonNode w =
          ok(data, args("withdraw --token " + DevnetContracts.NATIVE_TOKEN + " --amount 1" + key));
      JsonNode call = w.path("review").path("steps").get(0).path("call");
      assertThat(call.path("contractName").asText()).isEqualTo("ChildERC20Predicate");
      assertThat(w.path("review").toString()).contains("1 BSN");
      assertThat(w.path("outcome").path("ok").asBoolean()).isTrue();
      String exitId = w.path("outcome").path("steps").get(0).path("emittedIds").get(0).asText();
      assertThat(totalSupply(child)).isEqualTo(ether(2));
      // burnt: one coin and the gas below what the deposit left
      await("the burn leaves the key's native balance")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> child.balance(me).compareTo(onChild.add(ether(2))) < 0);

      ChildNativeCliDevnetTest.claim(data, new BigInteger(exitId), key);
      assertThat(erc20(root, coinRoot, me)).isEqualTo(ether(8));

      // escrow 2 on the root against a supply of 2 on the child, nothing in flight
      ok(data, "index");
      JsonNode solvency = ok(data, "solvency");
      JsonNode row = null;
      for (JsonNode t : solvency.path("tokens")) {
        if (t.path("rootToken").asText().equalsIgnoreCase(coinRoot.toString())) {
          row = t;
        }
      }
      assertThat(row).as("a solvency row for the native coin in %s", solvency).isNotNull();
      assertThat(row.path("childToken").asText())
          .isEqualToIgnoringCase(DevnetContracts.NATIVE_TOKEN.toString());
      assertThat(row.path("escrow").asText()).isEqualTo(ether(2).toString());
      assertThat(row.path("difference").asText()).isEqualTo("0");
    }
  }

  private static BigInteger totalSupply(ChainClient child) {
    return new BigInteger(1, child.call(DevnetContracts.NATIVE_TOKEN, Abi.call("totalSupply()")));
  }

  private static BigInteger ether(long n) {
    return ETHER.multiply(BigInteger.valueOf(n));
  }
}
