package io.bridgescope.devnet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo traffic of the child-native ERC-1155 ({@code 0x…100b}, docs/protocol.md, Child-native
 * tokens): the token is mapped child to root first (a MAP_TOKEN exit, which DemoTraffic's exit bot
 * always exits); once its mirror exists on the root, users deposit child to root (escrow on the
 * child, an exit that mints the mirror) on even rounds and withdraw mirrors root to child (burn on
 * the root, a state sync that releases the escrow) on odd ones. Deposits and withdrawals each
 * alternate single and batch by their own count, so both shapes are sent from the first rounds on
 * whatever the other traffic does, and each deposit is sent twice (see {@link #deposit}).
 */
final class MintableMultiTraffic {

  /** The ids every demo user holds on the child. */
  static final List<BigInteger> IDS =
      List.of(BigInteger.valueOf(1), BigInteger.valueOf(2), BigInteger.valueOf(3));

  private static final BigInteger STOCK = BigInteger.valueOf(1_000_000);

  private final ChainClient root;
  private final ChainClient child;
  private final DevnetAssets assets;
  private final Address minter;
  private final List<Address> users;
  private final Set<Address> ready = ConcurrentHashMap.newKeySet();
  private boolean mapSent;
  private long depositCount;
  private long withdrawalCount;

  final AtomicLong deposits = new AtomicLong();

  /** MAP_TOKEN exits sent (each an exit like a deposit from the child). */
  final AtomicLong maps = new AtomicLong();

  final AtomicLong withdrawals = new AtomicLong();

  MintableMultiTraffic(
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

  /** One step: the mapping first, then a deposit (even rounds) or a withdrawal (odd rounds). */
  void tick(long r) {
    Address escrow = DevnetAssets.ROOT_MINTABLE_ERC1155_PREDICATE;
    if (!mapSent) {
      if (mirror(child, escrow, assets.childNativeMulti()).equals(Address.ZERO)) {
        AssetDeployer.send(
            child,
            minter,
            escrow,
            Abi.call("mapToken(address)", AbiValue.address(assets.childNativeMulti())),
            "mapToken on " + escrow);
        maps.incrementAndGet();
      }
      mapSent = true;
      return;
    }
    Address onRoot =
        mirror(root, assets.childMintableErc1155Predicate(), assets.childNativeMulti());
    if (onRoot.equals(Address.ZERO) || !hasCode(root, onRoot)) {
      return; // the MAP_TOKEN exit is not processed on the root yet
    }
    Address user = users.get((int) (r % users.size()));
    Address other = users.get((int) ((r + 1) % users.size()));
    if (r % 2 == 0) {
      deposit(r, user, other);
    } else {
      withdraw(user, onRoot);
    }
  }

  /**
   * Two deposits of one shape, single or batch by turns, sent back to back by one user: their exit
   * ids follow each other, and the exit bot leaves only ids divisible by four for the wallet, so at
   * least one of the two is exited whatever the other traffic sent before them.
   */
  private void deposit(long r, Address user, Address other) {
    ensureReady(user);
    Address token = assets.childNativeMulti();
    BigInteger id = IDS.get((int) (r / 2 % IDS.size()));
    BigInteger next = IDS.get((IDS.indexOf(id) + 1) % IDS.size());
    boolean single = depositCount++ % 2 == 0;
    byte[] call =
        single
            ? AssetCalls.depositTo1155(token, user, id, BigInteger.valueOf(5))
            : AssetCalls.depositBatch1155(
                token,
                List.of(user, other),
                List.of(id, next),
                List.of(BigInteger.valueOf(4), BigInteger.valueOf(6)));
    for (int i = 0; i < 2; i++) {
      // Sent without waiting: the child mines once a second.
      child.sendUnlocked(user, DevnetAssets.ROOT_MINTABLE_ERC1155_PREDICATE, call, null, null);
      deposits.incrementAndGet();
    }
  }

  /**
   * Part of what {@code user} holds of the mirror: one id alone, or a batch of two items (two held
   * ids, or the one held id twice), so every batch has the same shape as the other demo batches.
   */
  private void withdraw(Address user, Address onRoot) {
    List<BigInteger> held = new ArrayList<>();
    List<BigInteger> balances = new ArrayList<>();
    for (BigInteger id : IDS) {
      BigInteger bal = new BigInteger(1, root.call(onRoot, AssetCalls.balanceOf1155(user, id)));
      if (bal.signum() > 0) {
        held.add(id);
        balances.add(bal);
      }
    }
    if (held.isEmpty()) {
      return; // nothing of this user's deposits exited yet
    }
    Address rootSide = assets.childMintableErc1155Predicate();
    boolean batch = withdrawalCount % 2 == 1;
    if (batch && held.size() >= 2) {
      send(
          rootSide,
          user,
          AssetCalls.withdrawBatch1155(
              onRoot,
              List.of(user, user),
              held.subList(0, 2),
              List.of(half(balances.get(0)), half(balances.get(1)))));
    } else if (batch && balances.get(0).compareTo(BigInteger.TWO) >= 0) {
      BigInteger quarter = half(half(balances.get(0)));
      send(
          rootSide,
          user,
          AssetCalls.withdrawBatch1155(
              onRoot,
              List.of(user, user),
              List.of(held.get(0), held.get(0)),
              List.of(quarter, quarter)));
    } else {
      send(
          rootSide,
          user,
          AssetCalls.withdrawTo1155(onRoot, user, held.get(0), half(balances.get(0))));
      if (batch) {
        withdrawals.incrementAndGet();
        return; // a single one instead: the next withdrawal is a batch again
      }
    }
    withdrawalCount++;
    withdrawals.incrementAndGet();
  }

  private void send(Address rootSide, Address user, byte[] call) {
    AssetDeployer.send(root, user, rootSide, call, "child-native ERC-1155 withdrawal");
  }

  private static BigInteger half(BigInteger v) {
    return v.divide(BigInteger.TWO).max(BigInteger.ONE);
  }

  /**
   * Mints a stock of every id to {@code user} and approves the escrow, once per user: the mints go
   * one after another from the minter and only the last is waited for (the minter's nonces keep
   * them in order); the approval is waited for too, as the node estimates the deposit's gas.
   */
  private void ensureReady(Address user) {
    if (!ready.add(user)) {
      return;
    }
    Address token = assets.childNativeMulti();
    for (int i = 0; i < IDS.size(); i++) {
      byte[] mint =
          Abi.call(
              "mint(address,uint256,uint256)",
              AbiValue.address(user),
              AbiValue.uint(IDS.get(i)),
              AbiValue.uint(STOCK));
      if (i < IDS.size() - 1) {
        child.sendUnlocked(minter, token, mint, null, null);
      } else {
        AssetDeployer.send(child, minter, token, mint, "mint BCM");
      }
    }
    AssetDeployer.send(
        child,
        user,
        token,
        AssetCalls.setApprovalForAll(DevnetAssets.ROOT_MINTABLE_ERC1155_PREDICATE, true),
        "approve BCM");
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
