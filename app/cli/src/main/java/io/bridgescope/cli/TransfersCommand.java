package io.bridgescope.cli;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetMessage;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.asset.TokenMetadataReader;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.TokenDao;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.StateSyncRow;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope transfers [--kind K] [--token T] [--direction D] [--csv]}: every bridge
 * message as the asset transfer it is (docs/protocol.md, Every asset kind), with NFT ids, ERC-1155
 * id/amount pairs, and amounts in the token's own decimals and symbol.
 */
@Command(
    name = "transfers",
    mixinStandardHelpOptions = true,
    description =
        "Bridge transfers of every asset kind (ERC-20, ERC-721, ERC-1155, unknown payloads), newest"
            + " first; amounts with the token's decimals and symbol.")
public final class TransfersCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Option(names = "--kind", description = "Only this asset kind: erc20, erc721, erc1155, unknown.")
  String kind;

  @Option(names = "--token", description = "Only this token (as the payload names it).")
  String token;

  @Option(
      names = "--direction",
      description =
          "to_child (root to child: deposits of root-native tokens, withdrawals of child-native"
              + " ones), to_root (the other way) or both (default).")
  String direction;

  @Option(names = "--before", description = "Page: only ids below this one.")
  BigInteger before;

  @Option(names = "--limit", defaultValue = "50", description = "Rows per direction (default 50).")
  int limit;

  @Option(names = "--csv", description = "CSV on stdout, one row per item (not with --json).")
  boolean csv;

  @Option(
      names = "--offline",
      description = "Do not ask the nodes for token metadata; use what is cached.")
  boolean offline;

  @Override
  public Integer call() throws Exception {
    if (csv && net.json()) {
      throw new IllegalArgumentException("--csv and --json exclude each other; pick one");
    }
    Optional<AssetKind> k = Optional.ofNullable(kind).map(AssetKind::fromKey);
    Optional<Address> t = Optional.ofNullable(token).map(Address::of);
    List<Direction> dirs =
        direction == null || direction.equals("both")
            ? List.of(Direction.TO_CHILD, Direction.TO_ROOT)
            : List.of(Direction.fromKey(direction));
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    List<AssetMessage> msgs = new ArrayList<>();
    for (Direction d : dirs) {
      msgs.addAll(db.read(c -> new AssetDao(c).page(d, k, t, Optional.ofNullable(before), limit)));
    }
    List<AssetRows> rows = withTokens(p, db, msgs);
    if (net.json()) {
      var arr = Json.MAPPER.createArrayNode();
      rows.forEach(r -> arr.add(r.json()));
      Output.document(arr);
    } else if (csv) {
      System.out.println(AssetRows.CSV_HEADER);
      rows.forEach(r -> r.csv().forEach(System.out::println));
    } else if (rows.isEmpty()) {
      System.out.println("no transfers");
    } else {
      rows.forEach(r -> System.out.println(r.line()));
    }
    return 0;
  }

  /**
   * Ties each row to its child token and its token's metadata, asking each token contract at most
   * once (and a chain whose node does not answer only once per run).
   */
  private List<AssetRows> withTokens(NetworkProfile p, Database db, List<AssetMessage> msgs) {
    Map<ChainRole, ChainReader> readers = new EnumMap<>(ChainRole.class);
    Map<ChainRole, String> down = new EnumMap<>(ChainRole.class);
    Map<String, AssetRows> cache = new HashMap<>();
    List<AssetRows> out = new ArrayList<>();
    // a team index opened read-only stores no token metadata: it shows what its indexer stored
    try (@Nullable StoreWriter writer =
        offline || !db.writable() ? null : new StoreWriter(db, Clock.systemUTC())) {
      @Nullable TokenMetadataReader reader =
          writer == null
              ? null
              : new TokenMetadataReader(readers(p, db, readers), db, writer, Clock.systemUTC());
      for (AssetMessage m : msgs) {
        Optional<AssetPredicate> pred = predicate(m.payload());
        Optional<Address> tok = token(m.payload());
        Optional<EventRef> event = event(db, m);
        if (pred.isEmpty() || tok.isEmpty()) {
          out.add(new AssetRows(m, Optional.empty(), Optional.empty(), Optional.empty(), event));
          continue;
        }
        ChainRole home = AssetRows.homeChain(pred.get());
        String key = pred.get().key() + tok.get();
        AssetRows known = cache.get(key);
        if (known == null) {
          Optional<TokenMapping> map =
              db.read(c -> new TokenDao(c).mappingOf(pred.get(), tok.get()));
          Optional<TokenMetadata> meta = db.read(c -> new TokenDao(c).metadata(home, tok.get()));
          Optional<String> problem = Optional.empty();
          if (meta.isEmpty() && reader != null && !down.containsKey(home)) {
            try {
              meta = Optional.of(reader.get(home, tok.get()));
            } catch (ChainException e) {
              down.put(home, e.getMessage());
            }
          }
          if (meta.isEmpty()) {
            problem =
                Optional.of(
                    down.containsKey(home)
                        ? "the " + home.key() + " node did not answer: " + down.get(home)
                        : "not read yet (offline); amounts are raw units");
          }
          known = new AssetRows(m, map, meta, problem, event);
          cache.put(key, known);
        }
        out.add(known.of(m, event));
      }
    } finally {
      readers.values().forEach(ChainReader::close);
    }
    return out;
  }

  /** The event that carried a message (its block, time and transaction). */
  private static Optional<EventRef> event(Database db, AssetMessage m) {
    return m.direction().towardsChild()
        ? db.read(c -> new StateSyncDao(c).byId(m.id())).map(StateSyncRow::event)
        : db.read(c -> new ExitDao(c).byId(m.id())).map(ExitRow::event);
  }

  /**
   * A reader per chain whose endpoints are checked to be the pinned chain before their first use (a
   * node of another chain must not name our tokens); the caller closes them.
   */
  private static Map<ChainRole, ChainReader> readers(
      NetworkProfile p, Database db, Map<ChainRole, ChainReader> readers) {
    for (ChainRole r : ChainRole.values()) {
      readers.computeIfAbsent(
          r, x -> ChainReader.of(x.key(), p.chain(x).rpcUrls(), new ChainGuard(p, x, db)));
    }
    return readers;
  }

  private static Optional<AssetPredicate> predicate(AssetPayload p) {
    if (p instanceof AssetPayload.Transfer t) {
      return Optional.of(t.predicate());
    }
    if (p instanceof AssetPayload.Mapping m) {
      return Optional.of(m.predicate());
    }
    return Optional.empty();
  }

  private static Optional<Address> token(AssetPayload p) {
    if (p instanceof AssetPayload.Transfer t) {
      return Optional.of(t.token());
    }
    if (p instanceof AssetPayload.Mapping m) {
      return Optional.of(m.token());
    }
    return Optional.empty();
  }
}
