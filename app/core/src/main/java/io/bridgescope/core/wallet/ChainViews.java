package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.TokenMetadataReader;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import java.math.BigInteger;
import java.util.Optional;

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

  /**
   * The ERC-20 balance of {@code owner}, which must cover {@code amount}: else {@code
   * INSUFFICIENT_FUNDS} saying "{@code owner} holds H of {@code what}{@code token} but wants to
   * {@code verb} A".
   */
  BigInteger holding(
      ChainRole chain,
      Address token,
      Address owner,
      BigInteger amount,
      TokenUnits units,
      String what,
      String verb) {
    BigInteger held = tokenBalance(chain, token, owner);
    if (held.compareTo(amount) < 0) {
      throw new WalletException(
          WalletException.Kind.INSUFFICIENT_FUNDS,
          owner
              + " holds "
              + units.show(held)
              + " of "
              + what
              + token
              + " but wants to "
              + verb
              + " "
              + units.show(amount)
              + "; nothing was signed");
    }
    return held;
  }

  /**
   * The token's symbol and decimals as it answers them now: a revert or an answer that is not the
   * value leaves that part empty; a node that does not answer is {@code CHAIN_ERROR}.
   */
  TokenUnits units(ChainRole chain, Address token) {
    ChainClient c = client(chain);
    try {
      return new TokenUnits(TokenMetadataReader.read(chain, token, data -> c.call(token, data)));
    } catch (ChainException e) {
      throw unreadable("the decimals of " + token, c, e);
    }
  }

  BigInteger allowance(ChainRole chain, Address token, Address owner, Address spender) {
    return uint(
        client(chain),
        token,
        Abi.call("allowance(address,address)", AbiValue.address(owner), AbiValue.address(spender)));
  }

  /**
   * {@code ownerOf(id)} of ERC-721 {@code token} on {@code chain}; empty when the call reverts (the
   * id does not exist there). A token without code is refused: it is no ERC-721.
   */
  Optional<Address> ownerOf(ChainRole chain, Address token, BigInteger id) {
    ChainClient c = client(chain);
    byte[] r;
    try {
      r = c.call(token, AssetCalls.ownerOf(id));
    } catch (ChainException e) {
      if (e.kind() == RpcErrorKind.REVERT) {
        return Optional.empty();
      }
      throw unreadable("ownerOf(" + id + ") of " + token, c, e);
    }
    if (r.length == 0) {
      throw new WalletException(
          WalletException.Kind.NOT_READY,
          token
              + " has no code on the "
              + c.label()
              + " chain: not an ERC-721 token there"
              + (chain == ChainRole.CHILD ? " (or its mapping is not executed yet)" : ""));
    }
    return Optional.of(new AbiReader(r).address("ownerOf", 0));
  }

  /** ERC-1155 {@code balanceOf(owner, id)} of {@code token} on {@code chain}. */
  BigInteger balance1155(ChainRole chain, Address token, Address owner, BigInteger id) {
    return uint(client(chain), token, AssetCalls.balanceOf1155(owner, id));
  }

  /** {@code isApprovedForAll(owner, operator)} of an ERC-721/1155 token on {@code chain}. */
  boolean approvedForAll(ChainRole chain, Address token, Address owner, Address operator) {
    return bool(
        client(chain),
        token,
        Abi.call(
            "isApprovedForAll(address,address)",
            AbiValue.address(owner),
            AbiValue.address(operator)));
  }

  /**
   * The root mirror Edge's RootMintableERC20Predicate {@code predicate} on the child maps
   * child-native {@code token} to ({@code rootTokenToChildToken}); zero while it is not mapped.
   */
  Address childNativeMirror(Address predicate, Address token) {
    byte[] r;
    try {
      r =
          child.call(
              predicate, Abi.call("rootTokenToChildToken(address)", AbiValue.address(token)));
    } catch (ChainException e) {
      throw unreadable("rootTokenToChildToken(" + token + ") of " + predicate, child, e);
    }
    if (r.length == 0) {
      throw new WalletException(
          WalletException.Kind.NOT_READY,
          predicate + " has no code on the child chain: no RootMintableERC20Predicate there");
    }
    return new AbiReader(r).address("rootTokenToChildToken", 0);
  }

  /** {@code ChildERC20.rootToken()} of a child token. */
  Address rootTokenOf(Address childToken) {
    return rootTokenOf(ChainRole.CHILD, childToken);
  }

  /**
   * {@code rootToken()} of a bridged token on {@code chain}: a child token's root token, or a root
   * mirror's child-native token.
   */
  Address rootTokenOf(ChainRole chain, Address token) {
    ChainClient c = client(chain);
    try {
      byte[] r = c.call(token, Abi.call("rootToken()"));
      if (r.length == 0) {
        throw new WalletException(
            WalletException.Kind.NOT_READY,
            token
                + " has no code on the "
                + chain.key()
                + " chain: not a bridged token, or its mapping is not executed yet");
      }
      return new AbiReader(r).address("rootToken", 0);
    } catch (ChainException e) {
      if (e.kind() != RpcErrorKind.REVERT) {
        // the node gave no answer: that says nothing about the token
        throw unreadable("rootToken() of " + token, c, e);
      }
      throw new WalletException(
          WalletException.Kind.CALL_REVERTS,
          token
              + " is not a bridged token on the "
              + chain.key()
              + " chain (rootToken() reverts: "
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
      throw unreadable(to.toString(), c, e);
    }
  }

  /** A node that did not answer a read: {@code CHAIN_ERROR}, naming what and where. */
  private static WalletException unreadable(String what, ChainClient c, ChainException e) {
    return new WalletException(
        WalletException.Kind.CHAIN_ERROR,
        "could not read " + what + " on the " + c.label() + " chain: " + e.getMessage(),
        e);
  }
}
