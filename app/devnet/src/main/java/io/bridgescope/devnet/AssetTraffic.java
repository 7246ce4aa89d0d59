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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo traffic of every other asset kind, beside DemoTraffic's 18-decimals ERC-20: ERC-721 and
 * ERC-1155 deposits (single and batch, to two receivers), deposits of the 6-decimals ERC-20, and
 * withdrawals of all three back (single and batch). The exits are made by DemoTraffic's exit bot,
 * which exits every checkpointed withdrawal whatever its kind.
 */
final class AssetTraffic {

  static final BigInteger USD6 = BigInteger.valueOf(1_000_000);

  private final ChainClient root;
  private final ChainClient child;
  private final DevnetContracts contracts;
  private final DevnetAssets assets;
  private final Address minter;
  private final List<Address> users;
  private final Set<Address> ready = ConcurrentHashMap.newKeySet();

  /** NFT ids sent to each receiver on the child, withdrawn once the deposit has executed. */
  private final Map<Address, Set<BigInteger>> nftsOnChild = new ConcurrentHashMap<>();

  private final AtomicLong nextId = new AtomicLong(1);
  private final AtomicLong nftWithdrawals = new AtomicLong();
  final AtomicLong deposits = new AtomicLong();
  final AtomicLong withdrawals = new AtomicLong();

  AssetTraffic(
      ChainClient root,
      ChainClient child,
      DevnetContracts contracts,
      DevnetAssets assets,
      Address minter,
      List<Address> users) {
    this.root = root;
    this.child = child;
    this.contracts = contracts;
    this.assets = assets;
    this.minter = minter;
    this.users = List.copyOf(users);
  }

  /** One step; {@code r} picks which kind of transfer (a cycle of six). */
  void tick(long r) {
    Address user = users.get((int) (r % users.size()));
    Address other = users.get((int) ((r + 1) % users.size()));
    ensureReady(user);
    switch ((int) (r % 6)) {
      case 0 -> {
        BigInteger id = mintNft(user);
        sendRoot(
            user, assets.rootErc721Predicate(), AssetCalls.depositTo721(assets.nft(), user, id));
        nftsOnChild.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(id);
      }
      case 1 -> {
        BigInteger a = mintNft(user);
        BigInteger b = mintNft(user);
        sendRoot(
            user,
            assets.rootErc721Predicate(),
            AssetCalls.depositBatch721(assets.nft(), List.of(user, other), List.of(a, b)));
        nftsOnChild.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(a);
        nftsOnChild.computeIfAbsent(other, k -> ConcurrentHashMap.newKeySet()).add(b);
      }
      case 2 -> {
        mintMulti(user, BigInteger.ONE, BigInteger.valueOf(100));
        sendRoot(
            user,
            assets.rootErc1155Predicate(),
            AssetCalls.depositTo1155(assets.multi(), user, BigInteger.ONE, BigInteger.TEN));
      }
      case 3 -> {
        mintMulti(user, BigInteger.TWO, BigInteger.valueOf(100));
        mintMulti(user, BigInteger.ONE, BigInteger.valueOf(100));
        sendRoot(
            user,
            assets.rootErc1155Predicate(),
            AssetCalls.depositBatch1155(
                assets.multi(),
                List.of(user, other),
                List.of(BigInteger.ONE, BigInteger.TWO),
                List.of(BigInteger.valueOf(5), BigInteger.valueOf(7))));
      }
      case 4 -> {
        AssetDeployer.send(
            root,
            minter,
            assets.usd6(),
            Abi.call(
                "mint(address,uint256)",
                AbiValue.address(user),
                AbiValue.uint(USD6.multiply(BigInteger.valueOf(1000)))),
            "mint BUSD");
        sendRoot(
            user,
            contracts.rootPredicate(),
            BridgeAbi.depositTo(assets.usd6(), user, BigInteger.valueOf(12_345_678)));
      }
      default -> withdrawAll(user);
    }
  }

  private void withdrawAll(Address user) {
    Address childNft = childToken(assets.rootErc721Predicate(), assets.nft());
    List<BigInteger> owned = new ArrayList<>();
    for (BigInteger id : new HashSet<>(nftsOnChild.getOrDefault(user, Set.of()))) {
      if (user.equals(ownerOnChild(childNft, id))) {
        owned.add(id);
      }
    }
    // single and batch withdrawals alternate, so both kinds appear whatever the timing leaves a
    // user holding when this step comes round
    if (owned.size() == 1 || (owned.size() > 1 && nftWithdrawals.getAndIncrement() % 2 == 0)) {
      owned = List.of(owned.get(0));
      withdraw(
          user,
          DevnetAssets.CHILD_ERC721_PREDICATE,
          AssetCalls.withdrawTo721(childNft, user, owned.get(0)));
    } else if (owned.size() > 1) {
      owned = List.copyOf(owned.subList(0, 2));
      withdraw(
          user,
          DevnetAssets.CHILD_ERC721_PREDICATE,
          AssetCalls.withdrawBatch721(childNft, List.of(user, user), owned));
    }
    Set<BigInteger> held = nftsOnChild.get(user);
    if (held != null) {
      owned.forEach(held::remove); // the rest stay for the next round
    }
    Address childMulti = childToken(assets.rootErc1155Predicate(), assets.multi());
    BigInteger one = multiOnChild(childMulti, user, BigInteger.ONE);
    BigInteger two = multiOnChild(childMulti, user, BigInteger.TWO);
    if (one.signum() > 0 && two.signum() > 0) {
      withdraw(
          user,
          DevnetAssets.CHILD_ERC1155_PREDICATE,
          AssetCalls.withdrawBatch1155(
              childMulti,
              List.of(user, user),
              List.of(BigInteger.ONE, BigInteger.TWO),
              List.of(BigInteger.ONE, two)));
    } else if (one.signum() > 0) {
      withdraw(
          user,
          DevnetAssets.CHILD_ERC1155_PREDICATE,
          AssetCalls.withdrawTo1155(childMulti, user, BigInteger.ONE, BigInteger.TWO.min(one)));
    }
    Address childUsd = childToken(contracts.rootPredicate(), assets.usd6());
    if (!childUsd.equals(Address.ZERO) && hasCode(childUsd)) {
      BigInteger bal = new BigInteger(1, child.call(childUsd, BridgeAbi.balanceOf(user)));
      if (bal.signum() > 0) {
        withdraw(
            user,
            contracts.childPredicate(),
            BridgeAbi.withdrawTo(
                childUsd, user, bal.divide(BigInteger.valueOf(3)).max(BigInteger.ONE)));
      }
    }
  }

  /** Approvals for the three root predicates, once per user. */
  private void ensureReady(Address user) {
    if (!ready.add(user)) {
      return;
    }
    AssetDeployer.send(
        root,
        user,
        assets.nft(),
        AssetCalls.setApprovalForAll(assets.rootErc721Predicate(), true),
        "approve BSK");
    AssetDeployer.send(
        root,
        user,
        assets.multi(),
        AssetCalls.setApprovalForAll(assets.rootErc1155Predicate(), true),
        "approve multi");
    AssetDeployer.send(
        root,
        user,
        assets.usd6(),
        BridgeAbi.approve(contracts.rootPredicate(), AbiValue.MAX_UINT256),
        "approve BUSD");
  }

  private BigInteger mintNft(Address to) {
    BigInteger id = BigInteger.valueOf(nextId.getAndIncrement());
    AssetDeployer.send(
        root,
        minter,
        assets.nft(),
        Abi.call("mint(address,uint256)", AbiValue.address(to), AbiValue.uint(id)),
        "mint BSK");
    return id;
  }

  private void mintMulti(Address to, BigInteger id, BigInteger amount) {
    AssetDeployer.send(
        root,
        minter,
        assets.multi(),
        Abi.call(
            "mint(address,uint256,uint256)",
            AbiValue.address(to),
            AbiValue.uint(id),
            AbiValue.uint(amount)),
        "mint multi");
  }

  private void sendRoot(Address from, Address predicate, byte[] data) {
    AssetDeployer.send(root, from, predicate, data, "asset deposit");
    deposits.incrementAndGet();
  }

  /** Sent without waiting, like DemoTraffic's withdrawals: the child mines once a second. */
  private void withdraw(Address from, Address predicate, byte[] data) {
    child.sendUnlocked(from, predicate, data, null, null);
    withdrawals.incrementAndGet();
  }

  private Address childToken(Address rootPredicate, Address rootToken) {
    return new AbiReader(
            root.call(
                rootPredicate,
                Abi.call("rootTokenToChildToken(address)", AbiValue.address(rootToken))))
        .address("rootTokenToChildToken", 0);
  }

  private boolean hasCode(Address a) {
    Object code = child.rpc("eth_getCode", List.of(a.toString(), "latest"));
    return code instanceof String s && s.length() > 2;
  }

  private Address ownerOnChild(Address token, BigInteger id) {
    if (token.equals(Address.ZERO) || !hasCode(token)) {
      return Address.ZERO;
    }
    try {
      return new AbiReader(child.call(token, AssetCalls.ownerOf(id))).address("ownerOf", 0);
    } catch (ChainException e) {
      return Address.ZERO; // not minted yet: the deposit is not executed
    }
  }

  private BigInteger multiOnChild(Address token, Address user, BigInteger id) {
    if (token.equals(Address.ZERO) || !hasCode(token)) {
      return BigInteger.ZERO;
    }
    return new BigInteger(1, child.call(token, AssetCalls.balanceOf1155(user, id)));
  }
}
