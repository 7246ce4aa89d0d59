package io.bridgescope.core.solvency;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.Cursor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * Checks the solvency invariant of every token the index has seen bridged, of every kind: {@code
 * escrow == child supply + in flight} (see {@link TokenSolvency}); ERC-721 counted in ids, ERC-1155
 * per id ({@link NftSolvency}); for child-native tokens the escrow is on the child and the supply
 * is the root mirror's. The escrow and the supply are read with {@code eth_call} at the blocks the
 * index has reached on each chain, so the in-flight amounts from the index describe exactly the
 * same moment; a node error is a typed {@code ChainException}, never a zero.
 */
public final class Solvency {

  private final NetworkProfile profile;
  private final Database db;
  private final ChainClient root;
  private final ChainClient child;

  private final SupplyLogs supplies;

  public Solvency(NetworkProfile profile, Database db, ChainClient root, ChainClient child) {
    this(profile, db, root, child, new SupplyLogs());
  }

  /**
   * As above, reading the NFT supplies through {@code supplies}, which remembers the mint and burn
   * logs it has read: keep one per network (and its nodes) to read each block's logs once.
   */
  public Solvency(
      NetworkProfile profile,
      Database db,
      ChainClient root,
      ChainClient child,
      SupplyLogs supplies) {
    this.profile = profile;
    this.db = db;
    this.root = root;
    this.child = child;
    this.supplies = supplies;
  }

  /** What the index says is in flight, read in one snapshot. */
  private record Flights(
      Map<Address, InFlight.Sums> sums,
      Map<Address, InFlight.Sums> childNative,
      Map<AssetPredicate, Map<Address, InFlight.Nfts>> nfts,
      Optional<String> unsettled) {

    static Flights at(java.sql.Connection c, long rootBlock, long childBlock)
        throws java.sql.SQLException {
      Map<AssetPredicate, Map<Address, InFlight.Nfts>> nfts =
          new java.util.EnumMap<>(AssetPredicate.class);
      for (AssetPredicate family : NFT_FAMILIES) {
        nfts.put(family, InFlight.nftsAt(c, family, rootBlock, childBlock));
      }
      return new Flights(
          InFlight.erc20At(c, rootBlock, childBlock),
          InFlight.childNativeErc20At(c, rootBlock, childBlock),
          nfts,
          InFlight.unsettledAt(c, rootBlock, childBlock));
    }
  }

  /** The NFT predicate families whose solvency is checked, in the report's order. */
  private static final List<AssetPredicate> NFT_FAMILIES =
      List.of(
          AssetPredicate.CHILD_ERC721,
          AssetPredicate.CHILD_ERC1155,
          AssetPredicate.ROOT_MINTABLE_ERC721,
          AssetPredicate.ROOT_MINTABLE_ERC1155);

  /** The report at the index's current state; empty when a chain is not indexed at all yet. */
  public Optional<SolvencyReport> check() {
    record Snapshot(long rootBlock, long childBlock, Optional<Flights> flights) {}
    Snapshot s =
        db.read(
            c -> {
              CursorDao cursors = new CursorDao(c);
              long rootBlock = cursors.get(ChainRole.ROOT).map(Cursor::lastBlock).orElse(-1L);
              long childBlock = cursors.get(ChainRole.CHILD).map(Cursor::lastBlock).orElse(-1L);
              return new Snapshot(
                  rootBlock,
                  childBlock,
                  rootBlock < 0 || childBlock < 0
                      ? Optional.empty()
                      : Optional.of(Flights.at(c, rootBlock, childBlock)));
            });
    return s.flights().map(f -> read(s.rootBlock(), s.childBlock(), f));
  }

  /**
   * The report as of root block {@code rootBlock} and child block {@code childBlock}, both at or
   * below what the index has reached: the in-flight amounts count only what was sent and settled by
   * those blocks, and escrow and supply are read at them (which needs a node that still has the
   * state of those blocks; a pruned node answers with an error, never a zero).
   */
  public SolvencyReport checkAt(long rootBlock, long childBlock) {
    return read(rootBlock, childBlock, db.read(c -> Flights.at(c, rootBlock, childBlock)));
  }

  private SolvencyReport read(long rootBlock, long childBlock, Flights f) {
    Map<Address, InFlight.Sums> sums = new java.util.TreeMap<>(f.sums());
    // the native coin counts from genesis on, with or without a message of it in the index
    nativeCoinRoot(childBlock).ifPresent(t -> sums.putIfAbsent(t, InFlight.Sums.zero()));
    Map<Address, InFlight.Sums> childNative = f.childNative();
    Optional<String> unsettled = f.unsettled();
    DefaultBlockParameter atRoot = DefaultBlockParameter.valueOf(BigInteger.valueOf(rootBlock));
    DefaultBlockParameter atChild = DefaultBlockParameter.valueOf(BigInteger.valueOf(childBlock));
    Address escrowHolder = profile.contracts().rootErc20Predicate();
    Address childPredicate = profile.contracts().childErc20Predicate();
    List<TokenSolvency> tokens = new ArrayList<>();
    for (var e : sums.entrySet()) {
      Address rootToken = e.getKey();
      BigInteger escrow =
          uint(root.call(null, rootToken, BridgeAbi.balanceOf(escrowHolder), atRoot), "balanceOf");
      Address mapped = mappedOnChild(childPredicate, rootToken, atChild);
      Optional<Address> childToken =
          mapped.equals(Address.ZERO) ? Optional.empty() : Optional.of(mapped);
      BigInteger supply =
          childToken.isEmpty()
              ? BigInteger.ZERO
              : uint(child.call(null, mapped, Abi.call("totalSupply()"), atChild), "totalSupply");
      tokens.add(
          e.getValue()
              .judge(
                  AssetKind.ERC20,
                  rootToken,
                  childToken,
                  escrow,
                  supply,
                  TokenHome.ROOT,
                  Optional.empty()));
    }
    for (var e : childNative.entrySet()) {
      tokens.add(childNative(e.getKey(), e.getValue(), rootBlock, atRoot, atChild));
    }
    NftSolvency nfts = new NftSolvency(profile.contracts(), root, child, supplies);
    for (AssetPredicate family : NFT_FAMILIES) {
      tokens.addAll(
          nfts.rows(family, f.nfts().getOrDefault(family, Map.of()), rootBlock, childBlock));
    }
    return new SolvencyReport(rootBlock, childBlock, tokens, unsettled);
  }

  /**
   * A child-native token: escrowed by the child predicate ({@code 0x…1009}), whose mapping also
   * names the mirror on the root (a CREATE2 address known before the root has created it); the
   * supply is the mirror's once it has code at the root block, else zero.
   */
  private TokenSolvency childNative(
      Address token,
      InFlight.Sums sums,
      long rootBlock,
      DefaultBlockParameter atRoot,
      DefaultBlockParameter atChild) {
    Address escrowHolder =
        Objects.requireNonNull(
            AssetPredicates.of(profile.contracts()).address(AssetPredicate.ROOT_MINTABLE_ERC20),
            "every predicate has an address");
    BigInteger escrow =
        uint(child.call(null, token, BridgeAbi.balanceOf(escrowHolder), atChild), "balanceOf");
    Address mirror = mappedOnChild(escrowHolder, token, atChild);
    BigInteger supply =
        mirror.equals(Address.ZERO) || root.code(mirror, rootBlock).length == 0
            ? BigInteger.ZERO
            : uint(root.call(null, mirror, Abi.call("totalSupply()"), atRoot), "totalSupply");
    return sums.judge(
        AssetKind.ERC20,
        mirror,
        Optional.of(token),
        escrow,
        supply,
        TokenHome.CHILD,
        Optional.empty());
  }

  /**
   * The root token of the child's native coin, when the chain has one as Edge sets it up ({@code
   * NativeERC20} at {@code 0x…1010}, docs/protocol.md, Every asset kind): code there at the child
   * block, a non-zero {@code rootToken()}, and the child ERC-20 predicate mapping that root token
   * back to {@code 0x…1010}. Its escrow is then the root ERC-20 predicate's balance of the root
   * token (the genesis premine is deposited there by {@code addGenesisBalance}) and its supply
   * {@code 0x…1010}'s {@code totalSupply()} (genesis supply plus mints less burns). A mintable
   * native coin has no root token and is judged as a child-native token, when it is bridged.
   */
  private Optional<Address> nativeCoinRoot(long childBlock) {
    Address coin = AssetPredicate.NATIVE_ERC20;
    if (child.code(coin, childBlock).length == 0) {
      return Optional.empty();
    }
    DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(childBlock));
    byte[] answer;
    try {
      answer = child.call(null, coin, Abi.call("rootToken()"), at);
    } catch (ChainException e) {
      if (e.kind() == RpcErrorKind.REVERT) {
        return Optional.empty(); // something else lives there
      }
      throw e;
    }
    if (answer.length < 32) {
      return Optional.empty();
    }
    Address rootToken = new AbiReader(answer).address("rootToken", 0);
    return rootToken.equals(Address.ZERO)
            || !mappedOnChild(profile.contracts().childErc20Predicate(), rootToken, at).equals(coin)
        ? Optional.empty()
        : Optional.of(rootToken);
  }

  /** What {@code predicate} on the child maps {@code token} to at the block (zero: not mapped). */
  private Address mappedOnChild(Address predicate, Address token, DefaultBlockParameter atChild) {
    return mapped(child, predicate, token, atChild);
  }

  /** What {@code predicate} on {@code child} maps {@code token} to at the block (zero: none). */
  static Address mapped(
      ChainClient child, Address predicate, Address token, DefaultBlockParameter atChild) {
    return new AbiReader(
            child.call(
                null,
                predicate,
                Abi.call("rootTokenToChildToken(address)", AbiValue.address(token)),
                atChild))
        .address("rootTokenToChildToken", 0);
  }

  private static BigInteger uint(byte[] answer, String what) {
    return new AbiReader(answer).uint(what, 0);
  }
}
