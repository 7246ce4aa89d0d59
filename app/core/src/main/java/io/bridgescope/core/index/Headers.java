package io.bridgescope.core.index;

import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.model.Hash32;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.web3j.protocol.core.methods.response.EthBlock;

/** Block headers fetched in batches, with their hashes and times. */
final class Headers {

  private final Map<Long, EthBlock.Block> byNumber;

  private Headers(Map<Long, EthBlock.Block> byNumber) {
    this.byNumber = byNumber;
  }

  static Headers fetch(ChainReader reader, Collection<Long> numbers) {
    TreeSet<Long> wanted = new TreeSet<>(numbers);
    if (wanted.isEmpty()) {
      return new Headers(Map.of());
    }
    return new Headers(
        reader.read("headers " + wanted.first() + ".." + wanted.last(), c -> c.blocks(wanted)));
  }

  Hash32 hash(long n) {
    return Hash32.of(block(n).getHash());
  }

  Hash32 parentHash(long n) {
    return Hash32.of(block(n).getParentHash());
  }

  long time(long n) {
    return block(n).getTimestamp().longValueExact();
  }

  Collection<Long> numbers() {
    return byNumber.keySet().stream().sorted().collect(Collectors.toList());
  }

  private EthBlock.Block block(long n) {
    EthBlock.Block b = byNumber.get(n);
    if (b == null) {
      throw new IllegalStateException("header " + n + " was not fetched");
    }
    return b;
  }
}
