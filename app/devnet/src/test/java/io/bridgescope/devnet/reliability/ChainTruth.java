package io.bridgescope.devnet.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.Cursor;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What the chains say, read directly with eth_getLogs and block scans (not through the indexer),
 * and the comparison of an index database with it.
 */
final class ChainTruth {

  /** One indexed event table and the log it is made from. */
  enum Table {
    STATE_SYNCS(ChainRole.ROOT, "state_syncs", "id", BridgeEvents.STATE_SYNCED),
    EXIT_RESULTS(ChainRole.ROOT, "exit_results", "id", BridgeEvents.EXIT_PROCESSED),
    COMMITMENTS(ChainRole.CHILD, "commitments", "start_id", BridgeEvents.NEW_COMMITMENT),
    STATE_SYNC_RESULTS(ChainRole.CHILD, "state_sync_results", "id", BridgeEvents.STATE_SYNC_RESULT),
    EXITS(ChainRole.CHILD, "exits", "id", BridgeEvents.L2_STATE_SYNCED);

    final ChainRole chain;
    final String name;
    final String idColumn;
    final Hash32 topic;

    Table(ChainRole chain, String name, String idColumn, Hash32 topic) {
      this.chain = chain;
      this.name = name;
      this.idColumn = idColumn;
      this.topic = topic;
    }

    Address contract(BridgeContracts c) {
      return switch (this) {
        case STATE_SYNCS -> c.stateSender();
        case EXIT_RESULTS -> c.exitHelper();
        case COMMITMENTS, STATE_SYNC_RESULTS -> c.stateReceiver();
        case EXITS -> c.l2StateSender();
      };
    }
  }

  private final ChainClient root;
  private final ChainClient child;
  private final BridgeContracts contracts;

  ChainTruth(ChainClient root, ChainClient child, BridgeContracts contracts) {
    this.root = root;
    this.child = child;
    this.contracts = contracts;
  }

  ChainClient client(ChainRole role) {
    return role == ChainRole.ROOT ? root : child;
  }

  /** "block:tx:logIndex:id" of every log of {@code t} in blocks 0..{@code upTo}, chain order. */
  List<String> logKeys(Table t, long upTo) {
    List<String> out = new ArrayList<>();
    for (Log l : client(t.chain).logs(t.contract(contracts), List.of(t.topic), 0, upTo)) {
      out.add(
          key(
              l.getBlockNumber().longValueExact(),
              Hash32.of(l.getTransactionHash()).toString(),
              l.getLogIndex().intValueExact(),
              new BigInteger(1, Hex.decode("topic", l.getTopics().get(1)))));
    }
    return out;
  }

  /** The same keys from the index, in chain order. */
  static List<String> rowKeys(Database db, Table t) {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT block_number, tx_hash, log_index, "
                          + t.idColumn
                          + " FROM "
                          + t.name
                          + " ORDER BY block_number, log_index")) {
            while (rs.next()) {
              out.add(
                  key(
                      rs.getLong(1),
                      new Hash32(rs.getBytes(2)).toString(),
                      rs.getInt(3),
                      new BigInteger(1, rs.getBytes(4))));
            }
          }
          return out;
        });
  }

  private static String key(long block, String tx, int logIndex, BigInteger id) {
    return block + ":" + tx + ":" + logIndex + ":" + id;
  }

  /** "tx:success" of every CheckpointManager.submit transaction in root blocks 0..upTo. */
  List<String> submits(long upTo) {
    byte[] selector = Arrays.copyOf(io.bridgescope.core.abi.Abi.selector(BridgeAbi.SUBMIT), 4);
    List<Hash32> txs = new ArrayList<>();
    for (long b = 0; b <= upTo; b++) {
      EthBlock.Block block = root.blockWithTransactions(b);
      for (EthBlock.TransactionResult<?> r : block.getTransactions()) {
        Transaction tx = (Transaction) r.get();
        if (tx.getTo() != null
            && Address.of(tx.getTo()).equals(contracts.checkpointManager())
            && tx.getInput().startsWith(Hex.encode(selector))) {
          txs.add(Hash32.of(tx.getHash()));
        }
      }
    }
    List<String> out = new ArrayList<>();
    if (!txs.isEmpty()) {
      for (Hash32 h : txs) {
        TransactionReceipt rc = root.receipts(List.of(h)).get(h);
        out.add(h + ":" + rc.isStatusOK());
      }
    }
    return out.stream().sorted().toList();
  }

  static List<String> checkpointKeys(Database db) {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT submit_tx, success FROM checkpoints")) {
            while (rs.next()) {
              out.add(new Hash32(rs.getBytes(1)) + ":" + (rs.getInt(2) == 1));
            }
          }
          return out.stream().sorted().toList();
        });
  }

  static Cursor cursor(Database db, ChainRole role) {
    return db.read(c -> new CursorDao(c).get(role)).orElseThrow();
  }

  /** A uint256 view of {@code contract} at block {@code block}. */
  BigInteger viewAt(ChainRole role, Address contract, byte[] call, long block) {
    byte[] r =
        client(role)
            .call(null, contract, call, DefaultBlockParameter.valueOf(BigInteger.valueOf(block)));
    return new BigInteger(1, r);
  }

  /**
   * Asserts the index holds exactly the chain's bridge events up to each chain's cursor (no row
   * lost, none duplicated, none from blocks the chain no longer has), the checkpoint rows are
   * exactly the submit transactions, and the counters the index implies equal the contracts' own at
   * the cursor block.
   */
  void assertIndexEqualsChain(Database db, String when) {
    Cursor rootCursor = cursor(db, ChainRole.ROOT);
    Cursor childCursor = cursor(db, ChainRole.CHILD);
    assertThat(root.block(rootCursor.lastBlock()).getHash())
        .as("%s: root cursor block is on the chain", when)
        .isEqualTo(rootCursor.lastBlockHash().toString());
    assertThat(child.block(childCursor.lastBlock()).getHash())
        .as("%s: child cursor block is on the chain", when)
        .isEqualTo(childCursor.lastBlockHash().toString());
    for (Table t : Table.values()) {
      long upTo = (t.chain == ChainRole.ROOT ? rootCursor : childCursor).lastBlock();
      List<String> chain = logKeys(t, upTo);
      List<String> rows = rowKeys(db, t);
      assertThat(rows)
          .as("%s: %s rows vs %s logs in blocks 0..%d", when, t.name, t.topic, upTo)
          .containsExactlyElementsOf(chain);
    }
    assertThat(checkpointKeys(db))
        .as("%s: checkpoint rows vs submit transactions", when)
        .containsExactlyElementsOf(submits(rootCursor.lastBlock()));
    // anvil may answer eth_call at its newest block from the state of the block being mined, so
    // the contracts are asked only once both cursors are behind the heads.
    awaitHeadAbove(root, rootCursor.lastBlock());
    awaitHeadAbove(child, childCursor.lastBlock());
    BigInteger syncCounter =
        viewAt(
            ChainRole.ROOT,
            contracts.stateSender(),
            BridgeAbi.noArgView("counter()"),
            rootCursor.lastBlock());
    BigInteger exitCounter =
        viewAt(
            ChainRole.CHILD,
            contracts.l2StateSender(),
            BridgeAbi.noArgView("counter()"),
            childCursor.lastBlock());
    BigInteger lastCommitted =
        viewAt(
            ChainRole.CHILD,
            contracts.stateReceiver(),
            BridgeAbi.noArgView("lastCommittedId()"),
            childCursor.lastBlock());
    assertThat((long) rowKeys(db, Table.STATE_SYNCS).size())
        .as("%s: StateSender.counter at the root cursor", when)
        .isEqualTo(syncCounter.longValueExact());
    assertThat((long) rowKeys(db, Table.EXITS).size())
        .as("%s: L2StateSender.counter at the child cursor", when)
        .isEqualTo(exitCounter.longValueExact());
    BigInteger indexedLastCommitted =
        db.read(
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery("SELECT max(end_id) FROM commitments")) {
                byte[] v = rs.next() ? rs.getBytes(1) : null;
                return v == null ? BigInteger.ZERO : new BigInteger(1, v);
              }
            });
    assertThat(indexedLastCommitted)
        .as("%s: StateReceiver.lastCommittedId at the child cursor", when)
        .isEqualTo(lastCommitted);
    assertThat(indexedExecuted(db))
        .as("%s: executed state syncs vs StateReceiver.processedStateSyncs", when)
        .containsExactlyElementsOf(processed(lastCommitted, childCursor.lastBlock()));
  }

  private static void awaitHeadAbove(ChainClient c, long block) {
    await(c.label() + " chain past block " + block)
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> c.blockNumber() > block);
  }

  /** Ids with a successful StateSyncResult in the index, ascending. */
  static List<BigInteger> indexedExecuted(Database db) {
    return db.read(
        c -> {
          List<BigInteger> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT DISTINCT id FROM state_sync_results WHERE success = 1 ORDER BY id")) {
            while (rs.next()) {
              out.add(new BigInteger(1, rs.getBytes(1)));
            }
          }
          return out;
        });
  }

  /** Ids 1..{@code upTo} that StateReceiver marks processed at child block {@code block}. */
  List<BigInteger> processed(BigInteger upTo, long block) {
    List<BigInteger> out = new ArrayList<>();
    for (BigInteger id = BigInteger.ONE; id.compareTo(upTo) <= 0; id = id.add(BigInteger.ONE)) {
      BigInteger v =
          viewAt(
              ChainRole.CHILD,
              contracts.stateReceiver(),
              BridgeAbi.uintView("processedStateSyncs(uint256)", id),
              block);
      if (v.signum() != 0) {
        out.add(id);
      }
    }
    return out;
  }

  /** Every column of every row of {@code table} read from blocks up to {@code upTo}, as text. */
  static List<String> fullRows(Database db, String table, long upTo) {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT * FROM "
                          + table
                          + " WHERE block_number <= "
                          + upTo
                          + " ORDER BY block_number, tx_hash, log_index")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
              StringBuilder b = new StringBuilder();
              for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                b.append(md.getColumnName(i)).append('=');
                b.append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : v);
                b.append(' ');
              }
              out.add(b.toString());
            }
          }
          return out;
        });
  }
}
