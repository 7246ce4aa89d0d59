package io.bridgescope.desktop.ports;

import java.math.BigInteger;
import java.util.Optional;

/** Loads detail panes and evidence; every method runs on a worker thread (SQL, hashing). */
public interface DetailSource {

  boolean isConnected();

  Optional<MessageDetail> deposit(BigInteger id) throws Exception;

  Optional<MessageDetail> exit(BigInteger id) throws Exception;

  /**
   * @param key a commitment's start id, or a checkpoint's submit tx hash
   * @param leafId the message whose leaf to select, if any
   */
  Optional<TreeDetail> tree(boolean commitment, String key, Optional<BigInteger> leafId)
      throws Exception;

  /** The evidence bundle (JSON) an auditor can re-check the item with. */
  String evidence(boolean commitment, String key) throws Exception;

  /** The name of the network open now (a link names it), if one is. */
  default Optional<String> network() {
    return Optional.empty();
  }

  /** The block-explorer page of a transaction, if an explorer is set for its chain. */
  Optional<String> explorerUrl(boolean rootChain, String txHash);

  DetailSource NOT_CONNECTED =
      new DetailSource() {
        @Override
        public boolean isConnected() {
          return false;
        }

        @Override
        public Optional<MessageDetail> deposit(BigInteger id) {
          return Optional.empty();
        }

        @Override
        public Optional<MessageDetail> exit(BigInteger id) {
          return Optional.empty();
        }

        @Override
        public Optional<TreeDetail> tree(
            boolean commitment, String key, Optional<BigInteger> leafId) {
          return Optional.empty();
        }

        @Override
        public String evidence(boolean commitment, String key) {
          throw new IllegalStateException("the indexer is not connected");
        }

        @Override
        public Optional<String> explorerUrl(boolean rootChain, String txHash) {
          return Optional.empty();
        }
      };
}
