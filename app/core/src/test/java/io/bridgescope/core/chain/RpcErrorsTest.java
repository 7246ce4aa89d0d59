package io.bridgescope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classifier against error texts real nodes and providers send. Sources: anvil 1.7.1 with
 * {@code --prune-history} (asked here for eth_call/eth_getCode at old and future blocks); geth,
 * Bor, Erigon, Besu, Infura, Tenderly, Alchemy and QuickNode texts as reported in their issue
 * trackers (go-ethereum #16471 #24070, bor #1303, erigon #13198, blockscout #7339, …).
 */
class RpcErrorsTest {

  @ParameterizedTest(name = "{0} {1} ''{2}'' -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // reverts: the node answered about the call itself
        "eth_call        | 3      | execution reverted                                        | REVERT",
        "eth_estimateGas | -32000 | execution reverted: INSUFFICIENT_VOTING_POWER               | REVERT",
        "eth_call        | -32015 | VM execution error.                                       | REVERT",
        "eth_call        | -32000 | VM Exception while processing transaction: revert        | REVERT",
        // missing historical state: a non-archive node
        "eth_call        | -32602 | BlockOutOfRangeError: block height is 32 but requested was 2 | MISSING_STATE",
        "eth_getCode     | -32602 | BlockOutOfRangeError: block height is 256 but requested was 0 | MISSING_STATE",
        "eth_call        | -32000 | missing trie node 8b1604e0d19d9be9a94cab027e74134e674bccdbf8d6a3f09a23abe52fd356fa (path ) | MISSING_STATE",
        "eth_call        | -32000 | missing trie node c6eb (path ) state 0xc6eb is not available, not found | MISSING_STATE",
        "eth_call        | -32000 | header not found                                          | MISSING_STATE",
        "eth_call        | -32000 | required historical state unavailable (reexec=128)        | MISSING_STATE",
        "eth_call        | -32000 | historical state 0x1a2b is not available                  | MISSING_STATE",
        "eth_getLogs     | -32000 | state transitaion failed: seek with txNum=1962853355 but data before txNum=2662500000 is not available | MISSING_STATE",
        "eth_call        | -32000 | state at block 1234 is not available                      | MISSING_STATE",
        "eth_call        | -32000 | project ID does not have access to archive state          | MISSING_STATE",
        "eth_call        | -32000 | distance to target block exceeds maximum proof window     | MISSING_STATE",
        // a block above the head is not missing history
        "eth_call        | -32602 | BlockOutOfRangeError: block height is 32 but requested was 256 | OTHER_RPC_ERROR",
        // rate limits
        "eth_call        | -32005 | daily request count exceeded, request rate limited        | RATE_LIMITED",
        "eth_blockNumber | -32005 | rate limit exceeded                                       | RATE_LIMITED",
        "eth_call        | 429    | Your app has exceeded its compute units per second capacity | RATE_LIMITED",
        "eth_getLogs     | -32007 | 15/second request limit reached - reduce calls per second | RATE_LIMITED",
        // eth_getLogs errors a smaller range fixes (a -32005 among them is no rate limit)
        "eth_getLogs     | -32005 | query returned more than 10000 results                    | LOG_RANGE",
        "eth_getLogs     | -32602 | Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size | LOG_RANGE",
        "eth_getLogs     | -32000 | eth_getLogs is limited to a 10,000 range                  | LOG_RANGE",
        "eth_getLogs     | -32000 | block range is too wide                                   | LOG_RANGE",
        "eth_getLogs     | -32000 | exceed maximum block range: 5000                          | LOG_RANGE",
        "eth_getLogs     | -32000 | query timeout exceeded                                    | LOG_RANGE",
        "eth_getLogs     | -32005 | rate limit exceeded                                       | RATE_LIMITED",
        "eth_call        | -32000 | block range is too wide                                   | OTHER_RPC_ERROR",
        // transactions the node refuses
        "eth_sendRawTransaction | -32000 | nonce too low                                      | REJECTED",
        "eth_sendRawTransaction | -32000 | already known                                      | REJECTED",
        "eth_sendRawTransaction | -32005 | daily request count exceeded, request rate limited | RATE_LIMITED",
        // anything else
        "eth_maxPriorityFeePerGas | -32601 | the method eth_maxPriorityFeePerGas does not exist/is not available | OTHER_RPC_ERROR",
      })
  void classifiesJsonRpcErrors(String method, int code, String message, RpcErrorKind kind) {
    assertThat(RpcErrors.ofJsonRpc(method, code, message)).isEqualTo(kind);
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "429 | rate limit exceeded, retry later | RATE_LIMITED",
        "429 | ''                               | RATE_LIMITED",
        "503 | <html>Service Unavailable</html>  | TRANSPORT",
        "502 | Bad Gateway                       | TRANSPORT",
        "403 | Forbidden                         | OTHER_RPC_ERROR",
        "400 | query returned more than 10000 results | LOG_RANGE",
      })
  void classifiesHttpStatuses(int status, String body, RpcErrorKind kind) {
    assertThat(RpcErrors.ofHttp(status, body)).isEqualTo(kind);
    assertThat(RpcErrors.ofWeb3jHttpError("Invalid response received: " + status + "; " + body))
        .isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({"RATE_LIMITED", "MISSING_STATE", "WRONG_CHAIN", "REVERT", "OTHER_RPC_ERROR"})
  void onlyUntypedAndTransportErrorsShrinkTheLogRange(RpcErrorKind kind) {
    assertThat(BlockRange.isRangeError(new ChainException(kind, "too many requests: timeout")))
        .isFalse();
  }
}
