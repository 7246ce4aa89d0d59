package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import java.math.BigInteger;

/** The contract views the preflights read; failures become {@code CHAIN_ERROR}. */
final class ChainViews {

  private final ChainClient root;
  private final ChainClient child;
  private final BridgeContracts contracts;

  ChainViews(ChainClient root, ChainClient child, BridgeContracts contracts) {
    this.root = root;
    this.child = child;
    this.contracts = contracts;
  }

  boolean exitProcessed(BigInteger id) {
    return bool(root, contracts.exitHelper(), BridgeAbi.uintView("processedExits(uint256)", id));
  }

  boolean stateSyncProcessed(BigInteger id) {
    return bool(
        child, contracts.stateReceiver(), BridgeAbi.uintView("processedStateSyncs(uint256)", id));
  }

  BigInteger tokenBalance(ChainRole chain, Address token, Address owner) {
    return uint(client(chain), token, BridgeAbi.balanceOf(owner));
  }

  BigInteger allowance(Address token, Address owner, Address spender) {
    return uint(
        root,
        token,
        Abi.call("allowance(address,address)", AbiValue.address(owner), AbiValue.address(spender)));
  }

  /** {@code ChildERC20.rootToken()}. */
  Address rootTokenOf(Address childToken) {
    try {
      byte[] r = child.call(childToken, Abi.call("rootToken()"));
      if (r.length == 0) {
        throw new WalletException(
            WalletException.Kind.NOT_READY,
            childToken
                + " has no code on the child chain: not a child token, or its mapping is not executed yet");
      }
      return new AbiReader(r).address("rootToken", 0);
    } catch (ChainException e) {
      if (e.kind() != RpcErrorKind.REVERT) {
        // the node gave no answer: that says nothing about the token
        throw new WalletException(
            WalletException.Kind.CHAIN_ERROR,
            "could not read rootToken() of "
                + childToken
                + " on the child chain: "
                + e.getMessage(),
            e);
      }
      throw new WalletException(
          WalletException.Kind.CALL_REVERTS,
          childToken
              + " is not a bridged child token (rootToken() reverts: "
              + e.revertReason()
              + ")",
          e);
    }
  }

  ChainClient client(ChainRole chain) {
    return chain == ChainRole.ROOT ? root : child;
  }

  private static boolean bool(ChainClient c, Address to, byte[] data) {
    return uint(c, to, data).signum() != 0;
  }

  private static BigInteger uint(ChainClient c, Address to, byte[] data) {
    try {
      return new AbiReader(c.call(to, data)).uint("result", 0);
    } catch (ChainException e) {
      throw new WalletException(
          WalletException.Kind.CHAIN_ERROR,
          "could not read " + to + " on the " + c.label() + " chain: " + e.getMessage(),
          e);
    }
  }
}
