package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Address;
import java.util.List;

/**
 * {@code mapToken(token)} on one of Edge's root-mintable predicates on the child (ERC-20 at {@code
 * 0x…1009}, ERC-721 at {@code 0x…100a}, ERC-1155 at {@code 0x…100b}): it maps a child-native token
 * to a root mirror that its exit creates once claimed. It moves no tokens, and anyone may send it;
 * the signer takes it only to those predicates on the child.
 */
record MapTokenCall(BridgeFunction function, Address token, List<DecodedCall.Arg> args)
    implements CallDecoder.Call {

  static final String SIGNATURE = "mapToken(address)";

  static MapTokenCall decode(BridgeFunction f, AbiReader r) {
    Address token = r.address("childNativeToken", 0);
    return new MapTokenCall(
        f, token, List.of(new DecodedCall.Arg("childNativeToken", "address", token.toString())));
  }

  /**
   * The planned {@code mapToken(token)} step on {@code predicate} on the child, the first step of
   * the first deposit of a child-native token: the predicate then escrows it, and the mapping's
   * exit makes the root mirror once claimed.
   */
  static Step step(
      TxPlanner planner,
      io.bridgescope.core.network.BridgeContracts contracts,
      Address from,
      Address predicate,
      Address token,
      List<String> checks) {
    byte[] data = encode(token);
    UnsignedTx tx =
        planner.plan(
            io.bridgescope.core.network.ChainRole.CHILD,
            from,
            predicate,
            data,
            io.bridgescope.core.store.rows.TxPurpose.OTHER,
            java.util.Optional.empty(),
            Summaries.of(predicate, data, contracts),
            checks);
    return Step.planned(DecodedCall.of(predicate, data, contracts), tx);
  }

  static byte[] encode(Address token) {
    return Abi.call(SIGNATURE, AbiValue.address(token));
  }
}
