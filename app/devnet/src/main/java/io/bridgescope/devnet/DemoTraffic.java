package io.bridgescope.devnet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Demo users: deposit the demo token on the root, withdraw part of it on the child, and (unless
 * switched off) exit checkpointed withdrawals on the root — leaving every fourth one unclaimed when
 * it is a withdrawal of the demo token, so the wallet has something to claim (the exits of every
 * other kind are always made).
 */
final class DemoTraffic {

  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final BigInteger TWO = BigInteger.TWO;

  /**
   * Exits carry an explicit gas limit: a node estimates the least gas with which the transaction
   * does not revert, and ExitHelper does not revert when the predicate's call runs out of gas, so
   * an estimated exit that creates a token (a child-native MAP_TOKEN) would fail inside.
   */
  private static final long EXIT_GAS = 1_500_000;

  private final ChainClient root;
  private final ChainClient child;
  private final DevnetContracts contracts;
  private final Address minter;
  private final List<Address> users;
  private final Address exitBot;
  private final Checkpointer checkpointer;
  private final boolean autoExit;
  private final Set<BigInteger> exitsDone = ConcurrentHashMap.newKeySet();
  final AtomicLong deposits = new AtomicLong();
  final AtomicLong withdrawals = new AtomicLong();
  final AtomicLong exited = new AtomicLong();
  private long round;

  DemoTraffic(
      ChainClient root,
      ChainClient child,
      DevnetContracts contracts,
      Address minter,
      List<Address> users,
      Address exitBot,
      Checkpointer checkpointer,
      boolean autoExit) {
    this.root = root;
    this.child = child;
    this.contracts = contracts;
    this.minter = minter;
    this.users = List.copyOf(users);
    this.exitBot = exitBot;
    this.checkpointer = checkpointer;
    this.autoExit = autoExit;
  }

  /** Gives every user root tokens and approves the root predicate. */
  void fund() {
    for (Address u : users) {
      byte[] mint =
          Abi.call(
              "mint(address,uint256)",
              AbiValue.address(u),
              AbiValue.uint(ETHER.multiply(BigInteger.valueOf(1_000_000))));
      mined(root, root.sendUnlocked(minter, contracts.rootToken(), mint, null, null), "mint");
      byte[] approve = BridgeAbi.approve(contracts.rootPredicate(), AbiValue.MAX_UINT256);
      mined(root, root.sendUnlocked(u, contracts.rootToken(), approve, null, null), "approve");
      // and the root token of the child's native coin
      mined(
          root,
          root.sendUnlocked(minter, contracts.nativeRootToken(), mint, null, null),
          "mint native root");
      mined(
          root,
          root.sendUnlocked(u, contracts.nativeRootToken(), approve, null, null),
          "approve native root");
    }
  }

  void tick() {
    long r = round++;
    Address from = users.get((int) (r % users.size()));
    Address to = users.get((int) ((r + 1) % users.size()));
    BigInteger amount = ETHER.multiply(BigInteger.valueOf(1 + r % 7));
    byte[] deposit = BridgeAbi.depositTo(contracts.rootToken(), to, amount);
    mined(root, root.sendUnlocked(from, contracts.rootPredicate(), deposit, null, null), "deposit");
    deposits.incrementAndGet();
    if (r % 2 == 1) {
      withdraw(from);
    }
    if (r % 3 == 0) {
      // the child's native coin: deposited from its root token, and half of it withdrawn later
      byte[] coin = BridgeAbi.depositTo(contracts.nativeRootToken(), to, ETHER.multiply(TWO));
      mined(root, root.sendUnlocked(from, contracts.rootPredicate(), coin, null, null), "deposit");
      deposits.incrementAndGet();
    } else if (r % 3 == 2) {
      withdrawNative(from);
    }
    if (autoExit) {
      exitReady();
    }
  }

  private void withdraw(Address user) {
    BigInteger bal =
        new BigInteger(1, child.call(contracts.childToken(), BridgeAbi.balanceOf(user)));
    if (bal.signum() == 0) {
      return;
    }
    BigInteger amount = bal.divide(BigInteger.valueOf(3)).max(BigInteger.ONE);
    byte[] data = BridgeAbi.withdrawTo(contracts.childToken(), user, amount);
    // Sent without waiting: the child mines once a second and the next round need not wait.
    child.sendUnlocked(user, contracts.childPredicate(), data, null, null);
    withdrawals.incrementAndGet();
  }

  /**
   * Withdraws one coin of the child's native token when the bridge has minted that much (a burn of
   * more than was minted would be of anvil's own funding, which the root never escrowed).
   */
  private void withdrawNative(Address user) {
    BigInteger minted =
        new BigInteger(1, child.call(DevnetContracts.NATIVE_TOKEN, Abi.call("totalSupply()")));
    if (minted.compareTo(ETHER) < 0) {
      return;
    }
    byte[] data = BridgeAbi.withdrawTo(DevnetContracts.NATIVE_TOKEN, user, ETHER);
    child.sendUnlocked(user, contracts.childPredicate(), data, null, null);
    withdrawals.incrementAndGet();
  }

  private void exitReady() {
    long newestEpoch =
        checkpointer.accepted.stream().mapToLong(Checkpointer.Accepted::epoch).max().orElse(0);
    for (Checkpointer.Accepted cp : checkpointer.accepted) {
      if (!cp.exits().isEmpty() && !superseded(cp)) {
        exit(cp);
      }
    }
    // Once a later epoch is checkpointed no checkpoint of an earlier one can come (the root refuses
    // it), and its exits were all taken above or superseded: forget them. A second pass, so a
    // superseded checkpoint's ids are still known as done while its successor is gone through.
    for (Checkpointer.Accepted cp : checkpointer.accepted) {
      if (!cp.exits().isEmpty() && cp.epoch() < newestEpoch) {
        checkpointer.forgetExits(cp);
        cp.exits().forEach(x -> exitsDone.remove(x.event().id()));
      }
    }
  }

  /** Exits three in four of the exits of {@code cp} that are not exited yet. */
  private void exit(Checkpointer.Accepted cp) {
    MerkleTree tree = null;
    for (int i = 0; i < cp.exits().size(); i++) {
      StateSync e = cp.exits().get(i).event();
      boolean leftForWallet =
          e.id().mod(BigInteger.valueOf(4)).signum() == 0 && isDemoTokenWithdrawal(e);
      if (exitsDone.contains(e.id()) || leftForWallet) {
        continue;
      }
      if (tree == null) {
        tree = Checkpointer.exitTree(cp.exits());
      }
      byte[] leaf =
          BridgeLeaves.exitEncoding(e.id(), e.sender().bytes(), e.receiver().bytes(), e.data());
      byte[] data =
          BridgeAbi.exit(
              new BridgeAbi.ExitInput(
                  BigInteger.valueOf(cp.blockNumber()),
                  BigInteger.valueOf(i),
                  leaf,
                  tree.proof(i).stream().map(Hash32::new).toList()));
      TransactionReceipt rc =
          mined(
              root,
              root.sendUnlocked(exitBot, contracts.exitHelper(), data, null, EXIT_GAS),
              "exit");
      exitsDone.add(e.id());
      for (Log l : rc.getLogs()) {
        if (Hash32.of(l.getTopics().get(0)).equals(BridgeEvents.EXIT_PROCESSED)
            && BridgeEvents.result(l).success()) {
          exited.incrementAndGet();
        }
      }
    }
  }

  /**
   * A child-native token's MAP_TOKEN is always exited: until it is, the root cannot mint that
   * token, and it is no withdrawal for the wallet to claim.
   */
  /**
   * A withdrawal of the demo's 18-decimals token, the only kind the demo leaves unclaimed: the
   * wallet tests claim those, and every other kind's exits are then always made, however the ids of
   * the kinds fall.
   */
  private boolean isDemoTokenWithdrawal(StateSync e) {
    return e.sender().equals(contracts.childPredicate())
        && io.bridgescope.core.index.Payloads.decodeFrom(e.sender(), e.data(), false)
            .transfer()
            .filter(t -> t.rootToken().equals(contracts.rootToken()))
            .isPresent();
  }

  /** A later checkpoint of the same epoch replaced this one's root. */
  private boolean superseded(Checkpointer.Accepted cp) {
    return checkpointer.accepted.stream()
        .anyMatch(o -> o.epoch() == cp.epoch() && o.blockNumber() > cp.blockNumber());
  }

  private static TransactionReceipt mined(ChainClient c, Hash32 tx, String what) {
    TransactionReceipt r = c.awaitReceipt(tx, Duration.ofSeconds(30));
    if (!r.isStatusOK()) {
      throw new DevnetException("demo " + what + " failed on the " + c.label() + " chain: " + tx);
    }
    return r;
  }
}
