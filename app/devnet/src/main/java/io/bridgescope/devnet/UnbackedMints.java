package io.bridgescope.devnet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The solvency fault knobs: child tokens minted with no deposit behind them, sent through the
 * system caller as the child predicate (the only minter a bridged child token accepts). The child
 * supply then exceeds the root escrow by exactly the minted amount; each knob returns the child
 * block its mint landed in.
 */
public final class UnbackedMints {

  private static final Logger LOG = LoggerFactory.getLogger(UnbackedMints.class);

  private final ChainClient child;
  private final SystemCaller system;
  private final DevnetContracts contracts;
  private final DevnetAssets assets;

  UnbackedMints(
      ChainClient child, SystemCaller system, DevnetContracts contracts, DevnetAssets assets) {
    this.child = child;
    this.system = system;
    this.contracts = contracts;
    this.assets = assets;
  }

  /** {@code amount} of the demo's bridged child ERC-20, to {@code to}. */
  public long erc20(Address to, BigInteger amount) {
    byte[] mint = Abi.call("mint(address,uint256)", AbiValue.address(to), AbiValue.uint(amount));
    TransactionReceipt r =
        system.callAs(
            DevnetContracts.CHILD_PREDICATE, contracts.childToken(), mint, "unbacked mint");
    LOG.warn("fault knob: minted {} child tokens to {} with no deposit behind them", amount, to);
    return r.getBlockNumber().longValueExact();
  }

  /**
   * {@code amount} of ERC-1155 {@code id} on the child mirror of the demo's root-native ERC-1155
   * token, to {@code to}; the token must be mapped (a deposit of it has reached the child).
   */
  public long erc1155(Address to, BigInteger id, BigInteger amount) {
    Address mirror = childMulti();
    if (mirror.equals(Address.ZERO)) {
      throw new DevnetException(
          "the demo's ERC-1155 token is not mapped on the child yet: no deposit of it has arrived");
    }
    byte[] mint =
        Abi.call(
            "mint(address,uint256,uint256)",
            AbiValue.address(to),
            AbiValue.uint(id),
            AbiValue.uint(amount));
    TransactionReceipt r =
        system.callAs(DevnetAssets.CHILD_ERC1155_PREDICATE, mirror, mint, "unbacked ERC-1155 mint");
    LOG.warn(
        "fault knob: minted {} of ERC-1155 id {} to {} with no deposit behind them",
        amount,
        id,
        to);
    return r.getBlockNumber().longValueExact();
  }

  /** The child mirror of the demo's root-native ERC-1155 token (zero until it is mapped). */
  public Address childMulti() {
    return new AbiReader(
            child.call(
                DevnetAssets.CHILD_ERC1155_PREDICATE,
                Abi.call("rootTokenToChildToken(address)", AbiValue.address(assets.multi()))))
        .address("rootTokenToChildToken", 0);
  }
}
