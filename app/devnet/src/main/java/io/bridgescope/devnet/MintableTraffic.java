package io.bridgescope.devnet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo traffic of the child-native ERC-20 and ERC-721 (docs/protocol.md, Child-native tokens): each
 * token is mapped child to root through {@code 0x…1009} / {@code 0x…100a} (a MAP_TOKEN exit, which
 * DemoTraffic's exit bot always exits), then users deposit it child to root (escrow on the child,
 * an exit that mints the mirror on the root) and withdraw mirrors root to child (burn on the root,
 * a state sync that releases the escrow). Deposits wait until the mapping has arrived on the root,
 * so no deposit exit reaches an unmapped root predicate.
 */
final class MintableTraffic {

  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private final ChainClient root;
  private final ChainClient child;
  private final DevnetAssets assets;
  private final Address minter;
  private final List<Address> users;
  private final Set<Address> ready = ConcurrentHashMap.newKeySet();
  private boolean mapSent;

  /** NFT ids deposited to each receiver, withdrawn once they are minted on the root. */
  private final Map<Address, Set<BigInteger>> nftsSent = new ConcurrentHashMap<>();

  private final AtomicLong nextNft = new AtomicLong(1);

  private static final int NFT_STOCK = 12;

  /** Ids each user holds on the child, not deposited yet. */
  private final Map<Address, java.util.Deque<BigInteger>> nftStock = new ConcurrentHashMap<>();

  final AtomicLong deposits = new AtomicLong();

  /** MAP_TOKEN exits sent (each an exit like a deposit from the child). */
  final AtomicLong maps = new AtomicLong();

  final AtomicLong withdrawals = new AtomicLong();

  MintableTraffic(
      ChainClient root,
      ChainClient child,
      DevnetAssets assets,
      Address minter,
      List<Address> users) {
    this.root = root;
    this.child = child;
    this.assets = assets;
    this.minter = minter;
    this.users = List.copyOf(users);
  }

  /**
   * One step: maps both tokens first; then ERC-20 and ERC-721 transfers, deposits on even rounds
   * and withdrawals on odd ones (every other NFT deposit and withdrawal a batch).
   */
  void tick(long r) {
    if (!mapSent) {
      map(DevnetAssets.ROOT_MINTABLE_ERC20_PREDICATE, assets.childNative());
      map(DevnetAssets.ROOT_MINTABLE_ERC721_PREDICATE, assets.childNativeNft());
      mapSent = true;
      return;
    }
    Address user = users.get((int) (r % users.size()));
    Address other = users.get((int) ((r + 1) % users.size()));
    Address onRoot = mirror(root, assets.childMintableErc20Predicate(), assets.childNative());
    if (!onRoot.equals(Address.ZERO) && hasCode(root, onRoot)) {
      erc20(r, user, onRoot);
    } // else the MAP_TOKEN exit is not processed on the root yet
    Address nftOnRoot =
        mirror(root, assets.childMintableErc721Predicate(), assets.childNativeNft());
    if (!nftOnRoot.equals(Address.ZERO) && hasCode(root, nftOnRoot)) {
      erc721(r, user, other, nftOnRoot);
    }
  }

  private void map(Address predicate, Address token) {
    if (mirror(child, predicate, token).equals(Address.ZERO)) {
      AssetDeployer.send(
          child,
          minter,
          predicate,
          Abi.call("mapToken(address)", AbiValue.address(token)),
          "mapToken on " + predicate);
      maps.incrementAndGet();
    }
  }

  private void erc20(long r, Address user, Address onRoot) {
    if (r % 2 == 0) {
      ensureReady(user);
      BigInteger amount = ETHER.multiply(BigInteger.valueOf(1 + r % 5));
      // Sent without waiting: the child mines once a second.
      child.sendUnlocked(
          user,
          DevnetAssets.ROOT_MINTABLE_ERC20_PREDICATE,
          BridgeAbi.depositTo(assets.childNative(), user, amount),
          null,
          null);
      deposits.incrementAndGet();
    } else {
      BigInteger bal = new BigInteger(1, root.call(onRoot, BridgeAbi.balanceOf(user)));
      if (bal.signum() > 0) {
        AssetDeployer.send(
            root,
            user,
            assets.childMintableErc20Predicate(),
            BridgeAbi.withdrawTo(onRoot, user, bal.divide(BigInteger.TWO).max(BigInteger.ONE)),
            "child-native withdrawal");
        withdrawals.incrementAndGet();
      }
    }
  }

  private void erc721(long r, Address user, Address other, Address onRoot) {
    if (r % 2 == 0) {
      ensureReady(user);
      Address escrow = DevnetAssets.ROOT_MINTABLE_ERC721_PREDICATE;
      if (r % 4 == 0) {
        BigInteger id = takeNft(user);
        child.sendUnlocked(
            user, escrow, AssetCalls.depositTo721(assets.childNativeNft(), user, id), null, null);
        nftsSent.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(id);
      } else {
        BigInteger a = takeNft(user);
        BigInteger b = takeNft(user);
        child.sendUnlocked(
            user,
            escrow,
            AssetCalls.depositBatch721(
                assets.childNativeNft(), List.of(user, other), List.of(a, b)),
            null,
            null);
        nftsSent.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(a);
        nftsSent.computeIfAbsent(other, k -> ConcurrentHashMap.newKeySet()).add(b);
      }
      deposits.incrementAndGet();
      return;
    }
    List<BigInteger> owned = new ArrayList<>();
    for (BigInteger id : new HashSet<>(nftsSent.getOrDefault(user, Set.of()))) {
      if (user.equals(ownerOnRoot(onRoot, id))) {
        owned.add(id);
      }
    }
    Address rootSide = assets.childMintableErc721Predicate();
    if (owned.size() == 1) {
      AssetDeployer.send(
          root,
          user,
          rootSide,
          AssetCalls.withdrawTo721(onRoot, user, owned.get(0)),
          "child-native NFT withdrawal");
    } else if (owned.size() > 1) {
      owned = List.copyOf(owned.subList(0, 2));
      AssetDeployer.send(
          root,
          user,
          rootSide,
          AssetCalls.withdrawBatch721(onRoot, List.of(user, user), owned),
          "child-native NFT batch withdrawal");
    }
    if (!owned.isEmpty()) {
      owned.forEach(Objects.requireNonNull(nftsSent.get(user))::remove);
      withdrawals.incrementAndGet();
    }
  }

  /** The next id {@code to} holds on the child, from the stock minted by {@link #ensureReady}. */
  private BigInteger takeNft(Address to) {
    java.util.Deque<BigInteger> stock = Objects.requireNonNull(nftStock.get(to), "ensureReady");
    BigInteger id = stock.pollFirst();
    if (id == null) {
      mintNfts(to);
      id = Objects.requireNonNull(stock.pollFirst(), "just minted");
    }
    return id;
  }

  /**
   * Mints a stock of ids to {@code to}: sent one after another from the minter, only the last one
   * waited for (the minter's nonces keep them in order), so a deposit never waits on a mint.
   */
  private void mintNfts(Address to) {
    java.util.Deque<BigInteger> stock =
        nftStock.computeIfAbsent(to, k -> new java.util.concurrent.ConcurrentLinkedDeque<>());
    byte[] last = new byte[0];
    List<BigInteger> ids = new ArrayList<>();
    for (int i = 0; i < NFT_STOCK; i++) {
      BigInteger id = BigInteger.valueOf(nextNft.getAndIncrement());
      ids.add(id);
      last = Abi.call("mint(address,uint256)", AbiValue.address(to), AbiValue.uint(id));
      if (i < NFT_STOCK - 1) {
        child.sendUnlocked(minter, assets.childNativeNft(), last, null, null);
      }
    }
    AssetDeployer.send(child, minter, assets.childNativeNft(), last, "mint BCK");
    stock.addAll(ids);
  }

  private Address ownerOnRoot(Address token, BigInteger id) {
    try {
      return new AbiReader(root.call(token, AssetCalls.ownerOf(id))).address("ownerOf", 0);
    } catch (ChainException e) {
      return Address.ZERO; // not minted on the root: the deposit is not exited yet
    }
  }

  /** Child-native tokens and the escrows' approvals, once per user. */
  private void ensureReady(Address user) {
    if (!ready.add(user)) {
      return;
    }
    AssetDeployer.send(
        child,
        minter,
        assets.childNative(),
        Abi.call(
            "mint(address,uint256)",
            AbiValue.address(user),
            AbiValue.uint(ETHER.multiply(BigInteger.valueOf(1_000_000)))),
        "mint BSC");
    AssetDeployer.send(
        child,
        user,
        assets.childNative(),
        BridgeAbi.approve(DevnetAssets.ROOT_MINTABLE_ERC20_PREDICATE, AbiValue.MAX_UINT256),
        "approve BSC");
    AssetDeployer.send(
        child,
        user,
        assets.childNativeNft(),
        AssetCalls.setApprovalForAll(DevnetAssets.ROOT_MINTABLE_ERC721_PREDICATE, true),
        "approve BCK");
    mintNfts(user);
  }

  /** The mirror the predicate on {@code chain} has recorded for a child-native token. */
  private static Address mirror(ChainClient chain, Address predicate, Address token) {
    return new AbiReader(
            chain.call(
                predicate, Abi.call("rootTokenToChildToken(address)", AbiValue.address(token))))
        .address("rootTokenToChildToken", 0);
  }

  private static boolean hasCode(ChainClient chain, Address a) {
    Object code = chain.rpc("eth_getCode", List.of(a.toString(), "latest"));
    return code instanceof String s && s.length() > 2;
  }
}
