package io.bridgescope.core.solvency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.FakeNode;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NFT supply read from a token's own transfer logs, against a JSON-RPC node on loopback: mints
 * less burns per id, batches by their arrays, a remembered read that asks again only from the trust
 * depth, and a node that lies or fails is an error, never a zero.
 */
class SupplyLogsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Address TOKEN = Address.ofLow(0x7070);
  static final Address USER = Address.ofLow(0xabc);

  FakeNode node;
  ChainClient chain;

  /** Mint logs and burn logs the node answers, by the zero address's topic position. */
  final List<ObjectNode> logs = new CopyOnWriteArrayList<>();

  final List<long[]> asked = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    node = new FakeNode(31337, 1_000, "s", Set.of(TOKEN));
    node.on("eth_getLogs", this::answer);
    chain = new ChainClient("child", node.url());
  }

  @AfterEach
  void stop() {
    chain.close();
    node.close();
  }

  /** Filters the stored logs as a node would: address, block range, and each topic position. */
  private Object answer(JsonNode params) {
    JsonNode f = params.get(0);
    long from = Long.decode(f.get("fromBlock").asText());
    long to = Long.decode(f.get("toBlock").asText());
    asked.add(new long[] {from, to});
    ArrayNode out = JSON.createArrayNode();
    for (ObjectNode l : logs) {
      long b = Long.decode(l.get("blockNumber").asText());
      if (b < from || b > to || !matches(f.get("topics"), l.get("topics"))) {
        continue;
      }
      out.add(l);
    }
    return out;
  }

  private static boolean matches(JsonNode filter, JsonNode topics) {
    for (int i = 0; i < filter.size(); i++) {
      JsonNode want = filter.get(i);
      if (want == null || want.isNull()) {
        continue;
      }
      if (i >= topics.size()) {
        return false;
      }
      String have = topics.get(i).asText();
      boolean any = false;
      for (JsonNode w : want.isArray() ? want : JSON.createArrayNode().add(want)) {
        any |= w.asText().equalsIgnoreCase(have);
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  static String word(Address a) {
    return new Hash32(Abi.encode(AbiValue.address(a))).toString();
  }

  static String word(long v) {
    return new Hash32(Abi.encode(AbiValue.uint(v))).toString();
  }

  ObjectNode log(long block, Address address, List<String> topics, byte[] data) {
    ObjectNode l = JSON.createObjectNode();
    l.put("address", address.toString());
    l.put("blockNumber", FakeNode.hex(block));
    l.put("blockHash", node.hashOf(block).toString());
    l.put("transactionHash", Hash32.ZERO.toString());
    l.put("transactionIndex", "0x0");
    l.put("logIndex", FakeNode.hex(logs.size()));
    l.put("data", "0x" + HexFormat.of().formatHex(data));
    ArrayNode t = l.putArray("topics");
    topics.forEach(t::add);
    return l;
  }

  /** TransferSingle(operator, from, to, id, value). */
  ObjectNode single(long block, Address from, Address to, long id, long value) {
    return log(
        block,
        TOKEN,
        List.of(SupplyLogs.TRANSFER_SINGLE.toString(), word(USER), word(from), word(to)),
        Abi.encode(AbiValue.uint(id), AbiValue.uint(value)));
  }

  /** TransferBatch(operator, from, to, ids, values). */
  ObjectNode batch(long block, Address from, Address to, long[] ids, long[] values) {
    List<AbiValue> i = new ArrayList<>();
    List<AbiValue> v = new ArrayList<>();
    for (int k = 0; k < ids.length; k++) {
      i.add(AbiValue.uint(BigInteger.valueOf(ids[k])));
      v.add(AbiValue.uint(BigInteger.valueOf(values[k])));
    }
    return log(
        block,
        TOKEN,
        List.of(SupplyLogs.TRANSFER_BATCH.toString(), word(USER), word(from), word(to)),
        Abi.encode(AbiValue.array(i), AbiValue.array(v)));
  }

  /** ERC-721 Transfer(from, to, id). */
  ObjectNode nft(long block, Address from, Address to, long id) {
    return log(
        block,
        TOKEN,
        List.of(SupplyLogs.TRANSFER.toString(), word(from), word(to), word(id)),
        new byte[0]);
  }

  @Test
  void multiSupplyIsMintsLessBurnsPerIdWithBatches() {
    logs.add(single(10, Address.ZERO, USER, 1, 50));
    logs.add(batch(20, Address.ZERO, USER, new long[] {1, 2}, new long[] {5, 7}));
    logs.add(single(30, USER, Address.ofLow(0xdef), 1, 40)); // a plain transfer: no change
    logs.add(batch(40, USER, Address.ZERO, new long[] {2, 1}, new long[] {7, 15}));
    SupplyLogs s = new SupplyLogs();
    assertThat(s.erc1155(chain, TOKEN, 100))
        .containsExactlyEntriesOf(Map.of(BigInteger.ONE, BigInteger.valueOf(40)));
    // as of an earlier block: before the batch burn
    assertThat(new SupplyLogs().erc1155(chain, TOKEN, 39))
        .containsEntry(BigInteger.ONE, BigInteger.valueOf(55))
        .containsEntry(BigInteger.TWO, BigInteger.valueOf(7));
  }

  @Test
  void nftSupplyCountsIdsMintedLessBurned() {
    logs.add(nft(5, Address.ZERO, USER, 7));
    logs.add(nft(6, Address.ZERO, USER, 8));
    logs.add(nft(7, USER, Address.ZERO, 7));
    logs.add(nft(8, USER, Address.ofLow(0xdef), 8));
    assertThat(new SupplyLogs().erc721(chain, TOKEN, 100)).isEqualTo(BigInteger.ONE);
  }

  @Test
  void aRememberedReadAsksAgainOnlyFromTheTrustDepth() {
    logs.add(single(10, Address.ZERO, USER, 1, 50));
    SupplyLogs s = new SupplyLogs();
    assertThat(s.erc1155(chain, TOKEN, 900)).containsEntry(BigInteger.ONE, BigInteger.valueOf(50));
    assertThat(asked).allSatisfy(r -> assertThat(r[0]).isZero());
    asked.clear();
    logs.add(single(950, Address.ZERO, USER, 1, 1));
    assertThat(s.erc1155(chain, TOKEN, 1_000))
        .containsEntry(BigInteger.ONE, BigInteger.valueOf(51));
    assertThat(asked)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r[0]).isEqualTo(900 - SupplyLogs.REREAD));
  }

  @Test
  void aLogOfAnotherContractOrOutsideTheRangeIsANodeFault() {
    // a mint that the node says another contract emitted
    ObjectNode foreign = single(10, Address.ZERO, USER, 1, 5);
    foreign.put("address", Address.ofLow(0x9999).toString());
    logs.add(foreign);
    assertThatThrownBy(() -> new SupplyLogs().erc1155(chain, TOKEN, 100))
        .isInstanceOfSatisfying(
            ChainException.class, e -> assertThat(e.kind()).isEqualTo(RpcErrorKind.BAD_REPLY))
        .hasMessageContaining("outside the asked contract");
  }

  @Test
  void aLogThatDoesNotDecodeIsANodeFault() {
    ObjectNode bad = single(10, Address.ZERO, USER, 1, 5);
    bad.put("data", "0x1234");
    logs.add(bad);
    assertThatThrownBy(() -> new SupplyLogs().erc1155(chain, TOKEN, 100))
        .isInstanceOfSatisfying(
            ChainException.class, e -> assertThat(e.kind()).isEqualTo(RpcErrorKind.BAD_REPLY))
        .hasMessageContaining("does not decode");
  }

  @Test
  void aNodeErrorIsAnErrorNeverAZero() {
    node.on(
        "eth_getLogs",
        p -> {
          throw new FakeNode.RpcError(-32000, "header not found", null);
        });
    assertThatThrownBy(() -> new SupplyLogs().erc721(chain, TOKEN, 100))
        .isInstanceOf(ChainException.class);
  }
}
