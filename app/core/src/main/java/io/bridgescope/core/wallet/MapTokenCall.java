package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Address;
import java.util.List;

/**
 * {@code mapToken(token)} on Edge's RootMintableERC20Predicate on the child: it maps a child-native
 * ERC-20 to a root mirror that its exit creates once claimed. It moves no tokens, and anyone may
 * send it; the signer takes it only to that predicate on the child.
 */
record MapTokenCall(Address token, List<DecodedCall.Arg> args) implements CallDecoder.Call {

  static final String SIGNATURE = "mapToken(address)";

  @Override
  public CallDecoder.Function function() {
    return CallDecoder.Function.MAP_CHILD_NATIVE;
  }

  static MapTokenCall decode(AbiReader r) {
    Address token = r.address("childNativeToken", 0);
    return new MapTokenCall(
        token, List.of(new DecodedCall.Arg("childNativeToken", "address", token.toString())));
  }

  static byte[] encode(Address token) {
    return Abi.call(SIGNATURE, AbiValue.address(token));
  }
}
