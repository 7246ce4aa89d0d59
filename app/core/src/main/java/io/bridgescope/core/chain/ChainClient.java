package io.bridgescope.core.chain;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * Plain JSON-RPC access to one node through web3j. Every failure is a {@link ChainException} naming
 * the node and the call and typed by {@link RpcErrorKind} (see {@link RpcErrors}); only a revert
 * carries a reason. Each call is bounded by {@link RpcTimeouts}, so a node that accepts and never
 * answers costs at most the call timeout.
 */
public final class ChainClient implements AutoCloseable {

  private final String label;
  private final URI url;
  private final RpcTimeouts timeouts;
  private final HttpService service;
  private final Web3j web3;
  private final NodeFailures failures;

  public ChainClient(String label, URI url) {
    this(label, url, RpcTimeouts.standard());
  }

  public ChainClient(String label, URI url, RpcTimeouts timeouts) {
    this.label = label;
    this.url = url;
    this.timeouts = timeouts;
    this.service =
        new HttpService(
            url.toString(),
            HttpService.getOkHttpClientBuilder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.call())
                .writeTimeout(timeouts.call())
                .callTimeout(timeouts.call())
                .addInterceptor(ChainClient::retryAfter)
                .build());
    this.web3 = Web3j.build(service);
    this.failures = new NodeFailures(label, url, timeouts);
  }

  public String label() {
    return label;
  }

  /**
   * Lifts a 429's {@code Retry-After} out of the HTTP layer: web3j would keep only the status and
   * body, and the wait the provider asks for is the point of the reply.
   */
  private static okhttp3.Response retryAfter(okhttp3.Interceptor.Chain chain) throws IOException {
    okhttp3.Response r = chain.proceed(chain.request());
    if (r.code() != 429) {
      return r;
    }
    Optional<Duration> wait = RetryAfter.parse(r.header("Retry-After"), java.time.Instant.now());
    if (wait.isEmpty()) {
      return r; // no header: web3j reports the 429 and the reader backs off on its own
    }
    String body = r.peekBody(512).string();
    r.close();
    throw new RetryAfter(wait.get(), body);
  }

  public URI url() {
    return url;
  }

  public Web3j web3() {
    return web3;
  }

  public long chainId() {
    return send("eth_chainId", web3.ethChainId()).getChainId().longValueExact();
  }

  public long blockNumber() {
    return send("eth_blockNumber", web3.ethBlockNumber()).getBlockNumber().longValueExact();
  }

  public EthBlock.Block block(long number) {
    EthBlock.Block b =
        send(
                "eth_getBlockByNumber",
                web3.ethGetBlockByNumber(
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false))
            .getBlock();
    if (b == null) {
      throw new ChainException(
          RpcErrorKind.OTHER_RPC_ERROR, label + " (" + url + ") has no block " + number);
    }
    return b;
  }

  /** The hash of block {@code number}, checked to be a 32-byte hash. */
  public Hash32 blockHash(long number) {
    try {
      return Hash32.of(block(number).getHash());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ChainException.badReply(
          label + " node " + url + " sent block " + number + " without a valid hash", e);
    }
  }

  /** {@code eth_getCode} at the latest block: empty where no contract lives. */
  public byte[] code(Address a) {
    EthGetCode r =
        send("eth_getCode", web3.ethGetCode(a.toString(), DefaultBlockParameterName.LATEST), -1);
    return Hex.decode("eth_getCode result", r.getCode() == null ? "0x" : r.getCode());
  }

  /** {@code eth_getCode} as of {@code block}: needs the block's state (an archive node if old). */
  public byte[] code(Address a, long block) {
    EthGetCode r =
        send(
            "eth_getCode",
            web3.ethGetCode(a.toString(), DefaultBlockParameter.valueOf(BigInteger.valueOf(block))),
            block);
    return Hex.decode("eth_getCode result", r.getCode() == null ? "0x" : r.getCode());
  }

  /**
   * {@code eth_chainId}, block 0's hash and {@code eth_getCode} of {@code contracts} in one batch:
   * one round trip, so checking a node costs one call timeout at most.
   */
  public NodeIdentity identity(List<Address> contracts) {
    return NodeIdentity.read(this, contracts);
  }

  /** A block with its full transactions. */
  public EthBlock.Block blockWithTransactions(long number) {
    EthBlock.Block b =
        send(
                "eth_getBlockByNumber",
                web3.ethGetBlockByNumber(
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), true))
            .getBlock();
    if (b == null) {
      throw new ChainException(
          RpcErrorKind.OTHER_RPC_ERROR, label + " (" + url + ") has no block " + number);
    }
    return b;
  }

  /** Block headers by number in one JSON-RPC batch; throws if the node lacks one. */
  public Map<Long, EthBlock.Block> blocks(Collection<Long> numbers) {
    Map<Long, EthBlock.Block> out = new HashMap<>();
    for (List<Long> chunk : chunks(List.copyOf(numbers))) {
      BatchRequest batch = web3.newBatch();
      for (long n : chunk) {
        batch.add(
            web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false));
      }
      List<? extends Response<?>> rs = sendBatch("eth_getBlockByNumber", batch);
      for (int i = 0; i < chunk.size(); i++) {
        EthBlock.Block b = rs.get(i) instanceof EthBlock eb ? eb.getBlock() : null;
        if (b == null || b.getNumber() == null || b.getNumber().longValue() != chunk.get(i)) {
          throw new ChainException(
              RpcErrorKind.OTHER_RPC_ERROR,
              label + " (" + url + ") did not return block " + chunk.get(i));
        }
        out.put(chunk.get(i), b);
      }
    }
    return out;
  }

  /** Transactions by hash in one JSON-RPC batch. */
  public Map<Hash32, org.web3j.protocol.core.methods.response.Transaction> transactions(
      Collection<Hash32> hashes) {
    Map<Hash32, org.web3j.protocol.core.methods.response.Transaction> out = new HashMap<>();
    for (List<Hash32> chunk : chunks(List.copyOf(hashes))) {
      BatchRequest batch = web3.newBatch();
      chunk.forEach(h -> batch.add(web3.ethGetTransactionByHash(h.toString())));
      List<? extends Response<?>> rs = sendBatch("eth_getTransactionByHash", batch);
      for (int i = 0; i < chunk.size(); i++) {
        var t =
            rs.get(i) instanceof org.web3j.protocol.core.methods.response.EthTransaction et
                ? et.getTransaction().orElse(null)
                : null;
        if (t == null) {
          throw new ChainException(
              RpcErrorKind.OTHER_RPC_ERROR,
              label + " (" + url + ") has no transaction " + chunk.get(i));
        }
        out.put(chunk.get(i), t);
      }
    }
    return out;
  }

  /** Receipts by transaction hash in one JSON-RPC batch. */
  public Map<Hash32, TransactionReceipt> receipts(Collection<Hash32> hashes) {
    Map<Hash32, TransactionReceipt> out = new HashMap<>();
    for (List<Hash32> chunk : chunks(List.copyOf(hashes))) {
      BatchRequest batch = web3.newBatch();
      chunk.forEach(h -> batch.add(web3.ethGetTransactionReceipt(h.toString())));
      List<? extends Response<?>> rs = sendBatch("eth_getTransactionReceipt", batch);
      for (int i = 0; i < chunk.size(); i++) {
        var r =
            rs.get(i) instanceof org.web3j.protocol.core.methods.response.EthGetTransactionReceipt e
                ? e.getTransactionReceipt().orElse(null)
                : null;
        if (r == null) {
          throw new ChainException(
              RpcErrorKind.OTHER_RPC_ERROR,
              label + " (" + url + ") has no receipt for " + chunk.get(i));
        }
        out.put(chunk.get(i), r);
      }
    }
    return out;
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 200) {
      out.add(all.subList(i, Math.min(all.size(), i + 200)));
    }
    return out;
  }

  List<? extends Response<?>> sendBatch(String method, BatchRequest batch) {
    List<? extends Response<?>> rs;
    try {
      rs = batch.send().getResponses();
    } catch (IOException | RuntimeException e) {
      throw failures.of(method, e);
    }
    if (rs.size() != batch.getRequests().size()) {
      throw ChainException.badReply(
          label
              + " node "
              + url
              + " answered "
              + rs.size()
              + " of "
              + batch.getRequests().size()
              + " "
              + method
              + " requests",
          null);
    }
    for (Response<?> r : rs) {
      if (r.hasError()) {
        throw failures.of(method, r.getError(), -1);
      }
    }
    return rs;
  }

  public BigInteger balance(Address a) {
    return send(
            "eth_getBalance", web3.ethGetBalance(a.toString(), DefaultBlockParameterName.LATEST))
        .getBalance();
  }

  public List<Log> logs(Address contract, List<Hash32> topic0Any, long from, long to) {
    return logs(List.of(contract), topic0Any, from, to);
  }

  /** eth_getLogs over several contracts, any of the given first topics. */
  public List<Log> logs(List<Address> contracts, List<Hash32> topic0Any, long from, long to) {
    return logsByTopics(contracts, List.of(topic0Any), from, to);
  }

  /**
   * eth_getLogs over several contracts with a filter per topic position: each inner list is the
   * topics allowed at that position, an empty list any topic.
   */
  public List<Log> logsByTopics(
      List<Address> contracts, List<List<Hash32>> topics, long from, long to) {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
            contracts.stream().map(Address::toString).toList());
    for (List<Hash32> at : topics) {
      if (at.isEmpty()) {
        filter.addNullTopic();
      } else {
        filter.addOptionalTopics(at.stream().map(Hash32::toString).toArray(String[]::new));
      }
    }
    EthLog r = send("eth_getLogs", web3.ethGetLogs(filter));
    return r.getLogs().stream().map(l -> (Log) l.get()).toList();
  }

  /** eth_call at the latest block; a revert becomes a {@link ChainException} with its reason. */
  public byte[] call(Address to, byte[] data) {
    return call(null, to, data, DefaultBlockParameterName.LATEST);
  }

  /**
   * eth_call as of {@code block}. A revert throws kind {@link RpcErrorKind#REVERT} with its reason;
   * a node without the block's state throws a {@link MissingStateException}; every other failure
   * its own kind.
   */
  public byte[] call(@Nullable Address from, Address to, byte[] data, DefaultBlockParameter block) {
    Transaction tx =
        Transaction.createEthCallTransaction(
            from == null ? null : from.toString(), to.toString(), Hex.encode(data));
    long number =
        block.getValue().startsWith("0x") ? Quantity.parse("block", block.getValue()) : -1;
    EthCall r = send("eth_call", web3.ethCall(tx, block), number);
    if (r.isReverted()) { // an old node's Error(string) in the result instead of an error
      String reason = r.getRevertReason();
      throw ChainException.revert(label + ": call to " + to + " reverted: " + reason, reason);
    }
    return Hex.decode("eth_call result", r.getValue() == null ? "0x" : r.getValue());
  }

  /**
   * Sends from an account the node holds unlocked (devnet only) and returns the hash. {@code gas}
   * null lets the node estimate, so a reverting call fails here with its reason instead of landing.
   */
  public Hash32 sendUnlocked(
      Address from,
      @Nullable Address to,
      byte[] data,
      @Nullable BigInteger value,
      @Nullable Long gas) {
    Transaction tx =
        new Transaction(
            from.toString(),
            null,
            null,
            gas == null ? null : BigInteger.valueOf(gas),
            to == null ? null : to.toString(),
            value,
            Hex.encode(data));
    EthSendTransaction r = send("eth_sendTransaction", web3.ethSendTransaction(tx), -1);
    return Hash32.of(r.getTransactionHash());
  }

  /** Broadcasts a signed transaction; a refusal throws kind {@link RpcErrorKind#REJECTED}. */
  public Hash32 sendRaw(byte[] signedTx) {
    EthSendTransaction r =
        send("eth_sendRawTransaction", web3.ethSendRawTransaction(Hex.encode(signedTx)), -1);
    return Hash32.of(r.getTransactionHash());
  }

  public Optional<TransactionReceipt> receipt(Hash32 tx) {
    return send("eth_getTransactionReceipt", web3.ethGetTransactionReceipt(tx.toString()))
        .getTransactionReceipt();
  }

  /** Polls for the receipt; throws if none arrives within {@code timeout}. */
  public TransactionReceipt awaitReceipt(Hash32 tx, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TransactionReceipt> r = receipt(tx);
      if (r.isPresent()) {
        return r.get();
      }
      if (System.nanoTime() > deadline) {
        throw new ChainException(
            RpcErrorKind.OTHER_RPC_ERROR,
            label + ": no receipt for " + tx + " after " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChainException(
            RpcErrorKind.TRANSPORT, label + ": interrupted while waiting for " + tx, e);
      }
    }
  }

  /**
   * Like {@link #awaitReceipt} but gives up early once the node no longer knows the transaction
   * (three checks a second apart), as after a reorg that dropped it. For a single node that sees
   * its own pool (the devnet); behind a load balancer a fresh transaction may look unknown.
   */
  public TransactionReceipt awaitReceiptOrDrop(Hash32 tx, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int unknown = 0;
    long nextCheck = System.nanoTime() + 1_000_000_000L;
    while (true) {
      Optional<TransactionReceipt> r = receipt(tx);
      if (r.isPresent()) {
        return r.get();
      }
      if (System.nanoTime() >= nextCheck) {
        nextCheck = System.nanoTime() + 1_000_000_000L;
        boolean known =
            send("eth_getTransactionByHash", web3.ethGetTransactionByHash(tx.toString()))
                .getTransaction()
                .isPresent();
        unknown = known ? 0 : unknown + 1;
        if (unknown >= 3) {
          throw new ChainException(
              RpcErrorKind.OTHER_RPC_ERROR,
              label + ": transaction " + tx + " was dropped by the node");
        }
      }
      if (System.nanoTime() > deadline) {
        throw new ChainException(
            RpcErrorKind.OTHER_RPC_ERROR,
            label + ": no receipt for " + tx + " after " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChainException(
            RpcErrorKind.TRANSPORT, label + ": interrupted while waiting for " + tx, e);
      }
    }
  }

  /**
   * Sends a web3j request built on {@link #web3()}; any failure is a typed {@link ChainException}
   * (for callers needing a method this class does not wrap).
   */
  public <T extends Response<?>> T request(String method, Request<?, T> request) {
    return send(method, request, -1);
  }

  /** Any JSON-RPC method (anvil_*, evm_*), result as web3j's generic object. */
  public Object rpc(String method, List<?> params) {
    Request<?, ObjectResponse> req = new Request<>(method, params, service, ObjectResponse.class);
    ObjectResponse r = send(method, req);
    return r.getResult();
  }

  /** web3j response carrying any JSON value. */
  public static final class ObjectResponse extends Response<Object> {}

  private <T extends Response<?>> T send(String method, Request<?, T> request) {
    return send(method, request, -1);
  }

  /** Sends one request; {@code block} names the block whose state it needs (-1: none). */
  private <T extends Response<?>> T send(String method, Request<?, T> request, long block) {
    T r;
    try {
      r = request.send();
    } catch (IOException | RuntimeException e) {
      throw failures.of(method, e);
    }
    if (r.hasError()) {
      throw failures.of(method, r.getError(), block);
    }
    return r;
  }

  @Override
  public void close() {
    web3.shutdown();
  }
}
