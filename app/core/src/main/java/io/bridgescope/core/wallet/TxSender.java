package io.bridgescope.core.wallet;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.store.rows.TxState;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Signs, journals, sends and follows transactions. The order is fixed: sign, record as SIGNED, then
 * send; so a crash or a dead node after signing loses nothing, and {@link #resume()} later
 * rebroadcasts the very same bytes (same hash, same nonce: it can be mined at most once).
 */
public final class TxSender {

  private static final Logger LOG = LoggerFactory.getLogger(TxSender.class);
  private static final long POLL_MILLIS = 200;

  private final Map<ChainRole, WalletRpc> rpc = new EnumMap<>(ChainRole.class);
  private final TxJournal journal;

  public TxSender(ChainClient root, ChainClient child, TxJournal journal) {
    rpc.put(ChainRole.ROOT, new WalletRpc(root));
    rpc.put(ChainRole.CHILD, new WalletRpc(child));
    this.journal = journal;
  }

  public TxJournal journal() {
    return journal;
  }

  /** Signs {@code tx} with {@code key} and records it as SIGNED; nothing is sent yet. */
  public SignedTx signAndRecord(UnsignedTx tx, KeySession key) {
    if (!key.address().equals(tx.from())) {
      throw new WalletException(
          Kind.BAD_FILE,
          "the transaction is from "
              + tx.from()
              + " but key "
              + key.key().describe()
              + " was given");
    }
    SignedTx s = SignedTx.of(tx, key.sign(tx.toRaw(), tx.chainId()));
    record(s);
    return s;
  }

  /** Records a transaction signed elsewhere (an air-gapped file) as SIGNED. */
  public long record(SignedTx s) {
    long id = journal.record(s);
    LOG.info(
        "journaled {} transaction {} as #{} ({})",
        s.tx().chain().key(),
        s.hash(),
        id,
        s.tx().purpose().key());
    return id;
  }

  /**
   * Broadcasts a journaled transaction. An unreachable node leaves it SIGNED (resumed later) and
   * throws {@code NOT_SENT}; a refusal marks it FAILED and throws {@code REJECTED}.
   */
  public void send(SignedTx s) {
    JournalEntry e = entry(s.hash());
    broadcast(e);
  }

  /** Waits for the receipt and marks the entry MINED or FAILED; returns the receipt. */
  public TransactionReceipt follow(SignedTx s, Duration timeout) {
    JournalEntry e = entry(s.hash());
    ChainClient c = rpcOf(e.chain()).client();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TransactionReceipt> r;
      try {
        r = c.receipt(s.hash());
      } catch (ChainException ex) {
        throw new WalletException(
            Kind.TIMEOUT,
            "transaction "
                + s.hash()
                + " was sent but the "
                + e.chain().key()
                + " node stopped answering ("
                + ex.getMessage()
                + "); the journal keeps following it (bridgescope tx resume)",
            ex);
      }
      if (r.isPresent()) {
        settle(e, r.get());
        return r.get();
      }
      if (System.nanoTime() > deadline) {
        throw new WalletException(
            Kind.TIMEOUT,
            "transaction "
                + s.hash()
                + " is not mined after "
                + timeout.toSeconds()
                + " s; the journal keeps following it (bridgescope tx resume)");
      }
      sleep();
    }
  }

  /** What {@link #resume()} did with one journal entry. */
  public record Resumed(JournalEntry entry, TxState state, String note) {}

  /**
   * After a restart: settles every unfinished entry that has a receipt, rebroadcasts the ones the
   * node does not know (the same signed bytes), and marks REPLACED those whose nonce another
   * transaction used. Entries whose node is unreachable stay as they are.
   */
  public List<Resumed> resume() {
    List<Resumed> out = new ArrayList<>();
    for (JournalEntry e : journal.unfinished()) {
      WalletRpc r = rpcOf(e.chain());
      try {
        Optional<TransactionReceipt> rc = r.client().receipt(e.txHash());
        if (rc.isPresent()) {
          TxState st = settle(e, rc.get());
          out.add(new Resumed(e, st, "mined in block " + rc.get().getBlockNumber()));
        } else if (r.knows(e.txHash())) {
          if (e.state() == TxState.SIGNED) {
            journal.update(e.id(), TxState.SENT, OptionalLong.empty(), Optional.empty());
          }
          out.add(new Resumed(e, TxState.SENT, "pending in the node's pool"));
        } else if (r.pendingNonce(e.from()) > e.nonce()) {
          journal.update(
              e.id(),
              TxState.REPLACED,
              OptionalLong.empty(),
              Optional.of("another transaction used nonce " + e.nonce()));
          out.add(
              new Resumed(
                  e, TxState.REPLACED, "nonce " + e.nonce() + " was used by another transaction"));
        } else {
          TxState st = broadcast(e);
          out.add(new Resumed(e, st, "rebroadcast"));
        }
      } catch (WalletException | ChainException ex) {
        out.add(new Resumed(e, e.state(), "not resumed: " + ex.getMessage()));
      }
    }
    return out;
  }

  private TxState broadcast(JournalEntry e) {
    ChainClient c = rpcOf(e.chain()).client();
    try {
      Hash32 h = c.sendRaw(e.rawTx().value());
      if (!h.equals(e.txHash())) {
        LOG.warn(
            "{} node answered hash {} for journaled transaction {}",
            e.chain().key(),
            h,
            e.txHash());
      }
    } catch (ChainException ex) {
      if (ex.revertReason() == null) {
        throw new WalletException(
            Kind.NOT_SENT,
            "transaction "
                + e.txHash()
                + " ("
                + e.purpose().key()
                + ") is signed and kept in the journal (#"
                + e.id()
                + "), but the "
                + e.chain().key()
                + " node could not be reached: "
                + ex.getMessage()
                + ". Nothing is lost: `bridgescope tx resume` (or the next start) sends it",
            ex);
      }
      String reason = ex.revertReason();
      String lower = reason.toLowerCase(Locale.ROOT);
      if (!lower.contains("already known") && !lower.contains("known transaction")) {
        journal.update(e.id(), TxState.FAILED, OptionalLong.empty(), Optional.of(reason));
        throw new WalletException(
            Kind.REJECTED,
            "the " + e.chain().key() + " node refused transaction " + e.txHash() + ": " + reason,
            ex);
      }
    }
    journal.update(e.id(), TxState.SENT, OptionalLong.empty(), Optional.empty());
    LOG.info("sent {} transaction {}", e.chain().key(), e.txHash());
    return TxState.SENT;
  }

  private TxState settle(JournalEntry e, TransactionReceipt r) {
    long block = r.getBlockNumber().longValueExact();
    boolean ok = r.isStatusOK();
    TxState st = ok ? TxState.MINED : TxState.FAILED;
    journal.update(
        e.id(),
        st,
        OptionalLong.of(block),
        ok ? Optional.empty() : Optional.of("reverted on chain (gas used " + r.getGasUsed() + ")"));
    LOG.info(
        "{} transaction {} {} in block {}",
        e.chain().key(),
        e.txHash(),
        ok ? "mined" : "reverted",
        block);
    return st;
  }

  private JournalEntry entry(Hash32 hash) {
    return journal
        .byHash(hash)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "transaction " + hash + " is not journaled; record it before sending"));
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new WalletException(Kind.TIMEOUT, "interrupted while waiting for a receipt");
    }
  }

  /** Both chains' RPC are set in the constructor. */
  private WalletRpc rpcOf(ChainRole chain) {
    return Objects.requireNonNull(rpc.get(chain), chain.key());
  }
}
