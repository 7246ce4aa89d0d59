package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signer reads an exit leaf with the predicate that sent it: an ERC-721 withdrawal has the same
 * bytes as an ERC-20 one, and its token id must be shown as an id, never as an amount.
 */
class NftExitReviewTest {

  static final Address TOKEN = Address.ofLow(0x721);
  static final Address ME = Address.ofLow(0xabc);

  static byte[] exitCall(Address sender, byte[] data) {
    byte[] leaf =
        BridgeLeaves.exitEncoding(BigInteger.valueOf(9), sender.bytes(), ME.bytes(), data);
    return BridgeAbi.exit(
        new BridgeAbi.ExitInput(
            BigInteger.TEN, BigInteger.ZERO, leaf, List.of(new Hash32(new byte[32]))));
  }

  static byte[] withdraw(long last) {
    return Abi.encode(
        AbiValue.bytes32(AssetAction.WITHDRAW.tag()),
        AbiValue.address(TOKEN),
        AbiValue.address(ME),
        AbiValue.address(ME),
        AbiValue.uint(last));
  }

  @Test
  void anNftExitIsNotShownAsAnErc20Amount() {
    CallDecoder.Exits nft =
        (CallDecoder.Exits)
            CallDecoder.decode(exitCall(AssetPredicate.CHILD_ERC721.edgeAddress(), withdraw(42)))
                .orElseThrow();
    assertThat(nft.inputs().get(0).leaf().withdrawal()).isEmpty();
    CallDecoder.Exits erc20 =
        (CallDecoder.Exits)
            CallDecoder.decode(exitCall(AssetPredicate.CHILD_ERC20.edgeAddress(), withdraw(42)))
                .orElseThrow();
    assertThat(erc20.inputs().get(0).leaf().withdrawal()).isPresent();

    List<String> detail = new ArrayList<>();
    new ProofChecks(AirGapFixture.profile(), IndexSnapshot.NONE)
        .check(nft, detail, new ArrayList<>(), new ArrayList<>());
    assertThat(Summaries.of(nft, NftExitReviewTest.TOKEN))
        .startsWith("exit 9 (")
        .contains("ERC-721")
        .contains("id 42")
        .doesNotContain("message from");
    assertThat(String.join("\n", detail))
        .contains("an ERC-721 withdraw of token " + TOKEN)
        .contains("id 42 to " + ME)
        .doesNotContain("at 18 decimals");
  }
}
