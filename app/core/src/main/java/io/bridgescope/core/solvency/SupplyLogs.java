package io.bridgescope.core.solvency;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.chain.BlockRange;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The supply of an NFT contract that has no {@code totalSupply} (Edge's ChildERC721 and
 * ChildERC1155, and the root mirrors of child-native NFTs), read from its own transfer logs: what
 * it minted (transfers from the zero address) less what it burned (transfers to it), per id for
 * ERC-1155 and counted in ids for ERC-721. Every mint counts, also one no bridge message asked for,
 * which is what the solvency check is for.
 *
 * <p>A token's logs are read from block 0 once per instance and then only from where the last read
 * stopped, less {@link #REREAD} blocks (a reorg there changes the answer, so those are read again);
 * keep one instance per network. A log that is not the contract's, lies outside the asked range or
 * does not decode is a node fault ({@link RpcErrorKind#BAD_REPLY}), never a zero.
 */
public final class SupplyLogs {

  static final Hash32 TRANSFER = new Hash32(Abi.topic("Transfer(address,address,uint256)"));
  static final Hash32 TRANSFER_SINGLE =
      new Hash32(Abi.topic("TransferSingle(address,address,address,uint256,uint256)"));
  static final Hash32 TRANSFER_BATCH =
      new Hash32(Abi.topic("TransferBatch(address,address,address,uint256[],uint256[])"));

  /** Blocks below the last read that are read again: a reorg there changes mints and burns. */
  static final long REREAD = io.bridgescope.core.chain.ChainReader.DEFAULT_TRUST_DEPTH;

  /** One token's mints and burns up to a block, each log by (block, log index). */
  private record Read(long upTo, SortedMap<Long, Map<BigInteger, BigInteger>> byBlock) {}

  private final Map<String, Read> reads = new HashMap<>();
  private final BlockRange range = new BlockRange(10_000, 1, 500_000);

  /** An empty memory: the first read of each token starts at block 0. */
  public SupplyLogs() {}

  /** ERC-1155: per id, minted less burned up to {@code block}. */
  synchronized SortedMap<BigInteger, BigInteger> erc1155(
      ChainClient chain, Address token, long block) {
    return sum(read(chain, token, block, true), block);
  }

  /** ERC-721: the number of ids minted less those burned up to {@code block}. */
  synchronized BigInteger erc721(ChainClient chain, Address token, long block) {
    return sum(read(chain, token, block, false), block).values().stream()
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  private static SortedMap<BigInteger, BigInteger> sum(Read r, long block) {
    SortedMap<BigInteger, BigInteger> out = new TreeMap<>();
    r.byBlock()
        .headMap(block + 1)
        .values()
        .forEach(m -> m.forEach((id, delta) -> out.merge(id, delta, BigInteger::add)));
    out.values().removeIf(v -> v.signum() == 0);
    return out;
  }

  private Read read(ChainClient chain, Address token, long block, boolean multi) {
    String key = chain.label() + ":" + token + ":" + multi;
    Read known = reads.get(key);
    long from = known == null ? 0 : Math.max(0, known.upTo() - REREAD);
    if (known != null && block < from) {
      return known; // settled blocks, read before
    }
    SortedMap<Long, Map<BigInteger, BigInteger>> byBlock =
        known == null ? new TreeMap<>() : new TreeMap<>(known.byBlock().headMap(from));
    // where the zero address stands in a mint (the sender) and in a burn (the receiver):
    // ERC-721 Transfer(from, to, id); ERC-1155 TransferSingle/Batch(operator, from, to, ...)
    int mintAt = multi ? 2 : 1;
    List<Hash32> events = multi ? List.of(TRANSFER_SINGLE, TRANSFER_BATCH) : List.of(TRANSFER);
    for (boolean mint : new boolean[] {true, false}) {
      int zeroAt = mint ? mintAt : mintAt + 1;
      List<List<Hash32>> topics = new ArrayList<>();
      topics.add(events);
      for (int at = 1; at <= zeroAt; at++) {
        topics.add(at == zeroAt ? List.of(Hash32.ZERO) : List.of());
      }
      List<Log> logs = range.fetch(from, block, (a, b) -> checked(chain, token, topics, a, b));
      for (Log l : logs) {
        Map<BigInteger, BigInteger> deltas = multi ? deltas1155(chain, l) : deltas721(chain, l);
        Map<BigInteger, BigInteger> at =
            byBlock.computeIfAbsent(l.getBlockNumber().longValueExact(), b -> new HashMap<>());
        deltas.forEach((id, v) -> at.merge(id, mint ? v : v.negate(), BigInteger::add));
      }
    }
    Read r = new Read(block, byBlock);
    reads.put(key, r);
    return r;
  }

  private static List<Log> checked(
      ChainClient chain, Address token, List<List<Hash32>> topics, long from, long to) {
    List<Log> logs = chain.logsByTopics(List.of(token), topics, from, to);
    for (Log l : logs) {
      if (l.getBlockNumber() == null
          || l.getBlockNumber().longValueExact() < from
          || l.getBlockNumber().longValueExact() > to
          || l.getAddress() == null
          || !Address.of(l.getAddress()).equals(token)
          || l.getTopics() == null
          || l.getTopics().isEmpty()) {
        throw bad(chain, "a transfer log outside the asked contract or blocks " + from + "–" + to);
      }
    }
    return logs;
  }

  /** ERC-721 Transfer(from, to, tokenId), all three indexed: one id. */
  private static Map<BigInteger, BigInteger> deltas721(ChainClient chain, Log l) {
    List<String> t = l.getTopics();
    if (t.size() != 4) {
      throw bad(chain, "an ERC-721 Transfer log with " + t.size() + " topics (4 expected)");
    }
    try {
      return Map.of(new BigInteger(1, Hash32.of(t.get(3)).bytes()), BigInteger.ONE);
    } catch (IllegalArgumentException e) {
      throw bad(chain, "an ERC-721 Transfer log whose id topic is not 32 bytes");
    }
  }

  /** TransferSingle(id, value) or TransferBatch(ids[], values[]) in the data. */
  private static Map<BigInteger, BigInteger> deltas1155(ChainClient chain, Log l) {
    try {
      byte[] data = io.bridgescope.core.store.rows.Bytes.ofHex(l.getData()).value();
      AbiReader r = new AbiReader(data);
      Map<BigInteger, BigInteger> out = new HashMap<>();
      if (Hash32.of(l.getTopics().get(0)).equals(TRANSFER_SINGLE)) {
        out.merge(r.uint("id", 0), r.uint("value", 1), BigInteger::add);
        return out;
      }
      AbiReader ids = r.tail("ids", 0);
      AbiReader values = r.tail("values", 1);
      int n = ids.arrayLength("ids");
      if (n != values.arrayLength("values") || (long) n * 64 > data.length) {
        throw new AbiDecodingException("ids", "a length that the values or the data do not match");
      }
      AbiReader idBody = ids.arrayBody();
      AbiReader valueBody = values.arrayBody();
      for (int i = 0; i < n; i++) {
        out.merge(idBody.uint("ids", i), valueBody.uint("values", i), BigInteger::add);
      }
      return out;
    } catch (IllegalArgumentException e) { // AbiDecodingException, or hex that is not hex
      throw bad(chain, "an ERC-1155 transfer log that does not decode (" + e.getMessage() + ")");
    }
  }

  private static ChainException bad(ChainClient chain, String what) {
    return new ChainException(
        RpcErrorKind.BAD_REPLY, chain.label() + " node " + chain.url() + " returned " + what);
  }
}
