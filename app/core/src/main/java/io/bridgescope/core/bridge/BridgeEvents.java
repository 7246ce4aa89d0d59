package io.bridgescope.core.bridge;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import java.math.BigInteger;
import java.util.List;
import org.web3j.protocol.core.methods.response.Log;

/** Event topics of the bridge contracts and decoders for their logs. */
public final class BridgeEvents {

  public static final Hash32 STATE_SYNCED =
      new Hash32(Abi.topic("StateSynced(uint256,address,address,bytes)"));
  public static final Hash32 L2_STATE_SYNCED =
      new Hash32(Abi.topic("L2StateSynced(uint256,address,address,bytes)"));
  public static final Hash32 NEW_COMMITMENT =
      new Hash32(Abi.topic("NewCommitment(uint256,uint256,bytes32)"));
  public static final Hash32 STATE_SYNC_RESULT =
      new Hash32(Abi.topic("StateSyncResult(uint256,bool,bytes)"));
  public static final Hash32 NEW_EPOCH =
      new Hash32(Abi.topic("NewEpoch(uint256,uint256,uint256,bytes32)"));

  /** Child*Predicate on the child maps a root-native token (docs/protocol.md, Every asset kind). */
  public static final Hash32 L2_TOKEN_MAPPED =
      new Hash32(Abi.topic("L2TokenMapped(address,address)"));

  /** RootMintable*Predicate on the child maps a child-native token to its root mirror. */
  public static final Hash32 L2_MINTABLE_TOKEN_MAPPED =
      new Hash32(Abi.topic("L2MintableTokenMapped(address,address)"));

  public static final Hash32 EXIT_PROCESSED =
      new Hash32(Abi.topic("ExitProcessed(uint256,bool,bytes)"));

  private BridgeEvents() {}

  /** Decodes {@code StateSynced} / {@code L2StateSynced} (same shape). */
  public static StateSync stateSync(Log log) {
    List<String> t = topics(log, 4, "StateSynced");
    return new StateSync(
        uintTopic("StateSynced.id", t.get(1)),
        addressTopic("StateSynced.sender", t.get(2)),
        addressTopic("StateSynced.receiver", t.get(3)),
        new AbiReader(data(log)).bytes("StateSynced.data", 0));
  }

  public static StateSyncCommitment newCommitment(Log log) {
    List<String> t = topics(log, 3, "NewCommitment");
    return new StateSyncCommitment(
        uintTopic("NewCommitment.startId", t.get(1)),
        uintTopic("NewCommitment.endId", t.get(2)),
        new AbiReader(data(log)).bytes32("NewCommitment.root", 0));
  }

  /** {@code NewEpoch(id, startBlock, endBlock, epochRoot)} of the child ValidatorSet. */
  public record Epoch(long id, long startBlock, long endBlock, Hash32 epochRoot) {}

  public static Epoch newEpoch(Log log) {
    List<String> t = topics(log, 4, "NewEpoch");
    return new Epoch(
        longTopic("NewEpoch.id", t.get(1)),
        longTopic("NewEpoch.startBlock", t.get(2)),
        longTopic("NewEpoch.endBlock", t.get(3)),
        new AbiReader(data(log)).bytes32("NewEpoch.epochRoot", 0));
  }

  /** The {@code (rootToken, childToken)} of a mapping event: both topics, the data is empty. */
  public record Mapped(Address rootToken, Address childToken) {}

  public static Mapped tokenMapped(Log log) {
    List<String> t = topics(log, 3, "token mapping");
    return new Mapped(
        addressTopic("TokenMapped.rootToken", t.get(1)),
        addressTopic("TokenMapped.childToken", t.get(2)));
  }

  /** {@code StateSyncResult(counter, status, message)} / {@code ExitProcessed(id, ok, data)}. */
  public record Result(BigInteger id, boolean success, byte[] returnData) {}

  public static Result result(Log log) {
    List<String> t = topics(log, 3, "result event");
    return new Result(
        uintTopic("result.id", t.get(1)),
        uintTopic("result.success", t.get(2)).signum() != 0,
        new AbiReader(data(log)).bytes("result.returnData", 0));
  }

  private static List<String> topics(Log log, int n, String event) {
    List<String> t = log.getTopics();
    if (t == null || t.size() != n) {
      throw new AbiDecodingException(
          event, "expected " + n + " topics, got " + (t == null ? 0 : t.size()));
    }
    return t;
  }

  private static byte[] data(Log log) {
    return hex("log data", log.getData() == null ? "0x" : log.getData());
  }

  /** A node's hex, with a malformed one reported as undecodable data rather than a bare error. */
  private static byte[] hex(String field, String hex) {
    try {
      return Hex.decode(field, hex);
    } catch (IllegalArgumentException e) {
      throw new AbiDecodingException(field, hex == null ? "missing" : "not 0x-hex");
    }
  }

  /** A topic is one 32-byte word; anything else is not what the event emitted. */
  private static byte[] topicWord(String field, String topic) {
    byte[] w = hex(field, topic);
    if (w.length != 32) {
      throw new AbiDecodingException(field, "topic has " + w.length + " bytes, not 32");
    }
    return w;
  }

  private static BigInteger uintTopic(String field, String topic) {
    return new BigInteger(1, topicWord(field, topic));
  }

  private static long longTopic(String field, String topic) {
    return new AbiReader(topicWord(field, topic)).uintAsLong(field, 0);
  }

  private static Address addressTopic(String field, String topic) {
    return new AbiReader(topicWord(field, topic)).address(field, 0);
  }
}
