package io.bridgescope.core.index;

import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.Quantity;
import io.bridgescope.core.model.Hash32;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.web3j.protocol.core.methods.response.EthBlock;

/** Block headers fetched in batches, with their hashes and times. */
final class Headers {

  private record Header(Hash32 hash, Hash32 parentHash, long time) {}

  private final Map<Long, Header> byNumber = new java.util.HashMap<>();

  private Headers(Map<Long, EthBlock.Block> blocks) {
    // Parsed once: callers ask for the same block's hash and time once per log.
    blocks.forEach(
        (n, b) ->
            byNumber.put(
                n,
                new Header(
                    Hash32.of(b.getHash()),
                    Hash32.of(b.getParentHash()),
                    Quantity.parse("block timestamp", b.getTimestampRaw()))));
  }

  static Headers fetch(ChainReader reader, Collection<Long> numbers) {
    TreeSet<Long> wanted = new TreeSet<>(numbers);
    if (wanted.isEmpty()) {
      return new Headers(Map.of());
    }
    return new Headers(reader.blocks(wanted));
  }

  Hash32 hash(long n) {
    return header(n).hash();
  }

  Hash32 parentHash(long n) {
    return header(n).parentHash();
  }

  long time(long n) {
    return header(n).time();
  }

  Collection<Long> numbers() {
    return byNumber.keySet().stream().sorted().collect(Collectors.toList());
  }

  private Header header(long n) {
    Header b = byNumber.get(n);
    if (b == null) {
      throw new IllegalStateException("header " + n + " was not fetched");
    }
    return b;
  }
}
