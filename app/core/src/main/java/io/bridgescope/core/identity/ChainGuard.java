package io.bridgescope.core.identity;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.NodeIdentity;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.chain.WrongChainException;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.ChainIdentityDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.BlockHashRow;
import io.bridgescope.core.store.rows.ChainPin;
import io.bridgescope.core.store.rows.Cursor;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a node is the chain a network profile and its database describe before anything is
 * read from it: {@code eth_chainId} equals the profile's, every profile contract of the chain holds
 * code, and the genesis block is the one pinned in the database on the first index (so a restarted
 * devnet or a fork keeping the chain id is refused instead of mixed into old rows).
 */
public final class ChainGuard implements ChainReader.NodeCheck {

  private static final Logger LOG = LoggerFactory.getLogger(ChainGuard.class);

  private final NetworkProfile profile;
  private final ChainRole role;
  private final Database db;
  private final Map<String, Address> contracts;
  private volatile @Nullable ChainPin pinned;
  private @Nullable URI firstNode;
  private @Nullable Hash32 firstGenesis;

  public ChainGuard(NetworkProfile profile, ChainRole role, Database db) {
    this.profile = profile;
    this.role = role;
    this.db = db;
    this.contracts = contractsOn(role, profile.contracts());
    this.pinned = db.read(c -> new ChainIdentityDao(c).get(role)).orElse(null);
  }

  /**
   * The wallet's connect check: throws a {@link WrongChainException} when {@code root} or {@code
   * child} is on another chain than the profile and the database. A node that does not answer now
   * is let through: nothing is read from it, and what is sent to it is signed for the profile's
   * chain id.
   */
  public static void refuseOtherChain(
      NetworkProfile profile, Database db, ChainClient root, ChainClient child) {
    for (ChainRole role : ChainRole.values()) {
      try {
        new ChainGuard(profile, role, db).verify(role == ChainRole.ROOT ? root : child);
      } catch (WrongChainException e) {
        throw e;
      } catch (ChainException e) {
        LOG.warn("{} node not checked (no answer): {}", role.key(), e.getMessage());
      }
    }
  }

  /** The profile's contracts that live on {@code role}, by their profile field name. */
  public static Map<String, Address> contractsOn(ChainRole role, BridgeContracts all) {
    List<String> root =
        List.of(
            "stateSender",
            "checkpointManager",
            "exitHelper",
            "rootErc20Predicate",
            "rootErc721Predicate",
            "rootErc1155Predicate",
            "childMintableErc20Predicate",
            "childMintableErc721Predicate",
            "childMintableErc1155Predicate");
    Map<String, Address> out = new LinkedHashMap<>();
    all.byField()
        .forEach(
            (name, address) -> {
              if (root.contains(name) == (role == ChainRole.ROOT)) {
                out.put(name, address);
              }
            });
    return out;
  }

  public ChainRole chain() {
    return role;
  }

  /** The identity pinned in the database, if the chain was indexed already. */
  public Optional<ChainPin> pinned() {
    return Optional.ofNullable(pinned);
  }

  @Override
  public void verify(ChainClient node) {
    NodeIdentity id = node.identity(List.copyOf(contracts.values()));
    long expected = profile.chain(role).chainId();
    if (id.chainId() != expected) {
      throw WrongChainException.chainId(
          profile.name(), role.key(), expected, id.chainId(), node.url());
    }
    checkGenesis(node.url(), id.genesis());
    for (Map.Entry<String, Address> c : contracts.entrySet()) {
      Integer size = id.codeSizes().get(c.getValue());
      if (size == null || size == 0) {
        throw WrongChainException.noCode(
            profile.name(), role.key(), c.getKey(), c.getValue(), node.url());
      }
    }
  }

  private synchronized void checkGenesis(URI node, Hash32 genesis) {
    ChainPin p = pinned;
    if (p != null) {
      if (!p.genesisHash().equals(genesis)) {
        throw WrongChainException.otherGenesis(
            profile.name(), role.key(), p.genesisHash(), genesis, node, db.location());
      }
      return;
    }
    if (firstGenesis == null) {
      firstNode = node;
      firstGenesis = genesis;
    } else if (!firstGenesis.equals(genesis)) {
      throw WrongChainException.endpointsDisagree(
          profile.name(),
          role.key(),
          Objects.requireNonNull(firstNode),
          firstGenesis,
          node,
          genesis);
    }
  }

  /**
   * Pins the chain's genesis in the database if it is not pinned yet, reading it through {@code
   * reader} (whose endpoints pass {@link #verify} first). Call before the first rows are written. A
   * database indexed before pins existed is first checked to hold blocks of this very chain.
   */
  public void ensurePinned(ChainReader reader, StoreWriter writer) {
    if (pinned != null) {
      return;
    }
    Seen genesis = reader.read("genesis block", c -> new Seen(c.url(), c.blockHash(0)));
    checkLegacyRows(reader);
    ChainPin want = new ChainPin(role, profile.chain(role).chainId(), genesis.hash());
    ChainPin stored;
    try {
      stored =
          writer
              .call(c -> new ChainIdentityDao(c).pinIfAbsent(want, writer.clock().instant()))
              .join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
    if (!stored.genesisHash().equals(genesis.hash())) {
      throw WrongChainException.otherGenesis(
          profile.name(),
          role.key(),
          stored.genesisHash(),
          genesis.hash(),
          genesis.node(),
          db.location());
    }
    pinned = stored;
  }

  private record Seen(URI node, Hash32 hash) {}

  /**
   * A database indexed before pins existed has rows but no pin: it is pinned only if the chain
   * still has one of its recent blocks, so a database of another chain is not adopted.
   */
  private void checkLegacyRows(ChainReader reader) {
    Optional<Cursor> cursor = db.read(c -> new CursorDao(c).get(role));
    if (cursor.isEmpty()) {
      return;
    }
    List<BlockHashRow> recent = db.read(c -> new CursorDao(c).recentBlockHashes(role, 64));
    Cursor cur = cursor.get();
    List<BlockHashRow> known =
        recent.isEmpty()
            ? List.of(new BlockHashRow(cur.lastBlock(), cur.lastBlockHash(), cur.lastBlockHash()))
            : recent;
    URI node = null;
    for (BlockHashRow r : known) {
      Seen now;
      try {
        now = reader.read("block " + r.number(), c -> new Seen(c.url(), c.blockHash(r.number())));
      } catch (ChainException e) {
        if (e.kind() != RpcErrorKind.OTHER_RPC_ERROR) {
          throw e; // no answer: nothing is decided
        }
        continue; // the chain has no such block (yet)
      }
      if (now.hash().equals(r.hash())) {
        return;
      }
      node = now.node();
    }
    throw WrongChainException.otherBlocks(
        profile.name(),
        role.key(),
        known.get(0).number(),
        known.get(0).hash(),
        node,
        db.location());
  }
}
