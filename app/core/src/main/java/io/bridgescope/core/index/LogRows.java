package io.bridgescope.core.index;

import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.chain.Quantity;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.web3j.protocol.core.methods.response.Log;

/** Shared helpers to turn logs into rows. */
final class LogRows {

  private LogRows() {}

  /** The event signature; a log without a well-formed one is a malformed node answer. */
  static Hash32 topic0(Log l) {
    List<String> topics = l.getTopics();
    if (topics == null || topics.isEmpty()) {
      throw new AbiDecodingException("log topic 0", "missing: the node sent a log without topics");
    }
    try {
      return Hash32.of(topics.get(0));
    } catch (IllegalArgumentException e) {
      throw new AbiDecodingException("log topic 0", e.getMessage());
    }
  }

  static long block(Log l) {
    return Quantity.parse("log blockNumber", l.getBlockNumberRaw());
  }

  static Set<Long> blocks(List<Log> logs) {
    Set<Long> s = new TreeSet<>();
    logs.forEach(l -> s.add(block(l)));
    return s;
  }

  /**
   * Where the log was read. Fails if the log's block hash is not the header's: the chain
   * reorganised between the two reads, and the step is retried.
   */
  static EventRef ref(Log l, Headers h) {
    long b = block(l);
    if (l.getBlockHash() != null && !Hash32.of(l.getBlockHash()).equals(h.hash(b))) {
      throw new ReorgDuringReadException(b);
    }
    return new EventRef(
        b,
        h.time(b),
        Hash32.of(l.getTransactionHash()),
        Math.toIntExact(Quantity.parse("log logIndex", l.getLogIndexRaw())));
  }

  static StateSync message(Log l) {
    return BridgeEvents.stateSync(l);
  }

  static ExecutionResultRow result(Log l, Headers h) {
    BridgeEvents.Result r = BridgeEvents.result(l);
    return new ExecutionResultRow(r.id(), r.success(), Bytes.of(r.returnData()), ref(l, h));
  }

  /** The chain moved under a read; nothing of it is written. */
  static final class ReorgDuringReadException extends RuntimeException {
    ReorgDuringReadException(long block) {
      super("block " + block + " changed while it was being read (reorg); retrying");
    }
  }
}
