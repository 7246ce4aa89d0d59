package io.bridgescope.core.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AbiTest {

  @Test
  void selectorsMatchWellKnownValues() {
    assertThat(Hex.encode(Abi.selector("transfer(address,uint256)"))).isEqualTo("0xa9059cbb");
    assertThat(Hex.encode(Abi.selector("approve(address,uint256)"))).isEqualTo("0x095ea7b3");
  }

  @Test
  void encodesDynamicBytesWithOffsetLengthAndPadding() {
    byte[] enc = Abi.encode(AbiValue.uint(7), AbiValue.bytes(new byte[] {1, 2, 3}));
    assertThat(Hex.encode(enc))
        .isEqualTo(
            "0x"
                + "0000000000000000000000000000000000000000000000000000000000000007"
                + "0000000000000000000000000000000000000000000000000000000000000040"
                + "0000000000000000000000000000000000000000000000000000000000000003"
                + "0102030000000000000000000000000000000000000000000000000000000000");
  }

  @Property(tries = 200)
  void stateSyncStructEncodingAgreesWithTheCryptoLeafEncoder(
      @ForAll long id, @ForAll @Size(max = 300) byte[] data) {
    BigInteger bigId = BigInteger.valueOf(id).abs();
    Address s = Address.ofLow(0xabcdef);
    Address r = Address.ofLow(0x1234);
    byte[] ours = Abi.encode(new StateSync(bigId, s, r, data).toAbi());
    byte[] theirs = BridgeLeaves.stateSyncEncoding(bigId, s.bytes(), r.bytes(), data);
    assertThat(ours).isEqualTo(theirs);
    byte[] flat =
        Abi.encode(
            AbiValue.uint(bigId), AbiValue.address(s), AbiValue.address(r), AbiValue.bytes(data));
    assertThat(flat).isEqualTo(BridgeLeaves.exitEncoding(bigId, s.bytes(), r.bytes(), data));
  }

  @Test
  void commitCalldataDecodesBack() {
    StateSyncCommitment c =
        new StateSyncCommitment(BigInteger.ONE, BigInteger.TEN, Hash32.of("0x" + "ab".repeat(32)));
    byte[] blob =
        BridgeAbi.commitSignersBlob(List.of(new byte[128], new byte[128]), new byte[] {3});
    byte[] call = BridgeAbi.commit(c, new byte[64], blob);
    AbiReader r = AbiReader.ofCalldata(call);
    assertThat(r.uint("startId", 0)).isEqualTo(BigInteger.ONE);
    assertThat(r.uint("endId", 1)).isEqualTo(BigInteger.TEN);
    assertThat(r.bytes32("root", 2)).isEqualTo(c.root());
    assertThat(r.bytes("signature", 3)).hasSize(64);
    AbiReader inner = new AbiReader(r.bytes("bitmap", 4));
    assertThat(inner.bytes("bitmap", 1)).containsExactly(3);
    assertThat(inner.tail("keys", 0).arrayLength("keys")).isEqualTo(2);
  }

  @Test
  void readerNamesTheFieldInsteadOfThrowingIndexErrors() {
    AbiReader r = new AbiReader(new byte[40]);
    assertThatThrownBy(() -> r.uint("amount", 1))
        .isInstanceOf(AbiDecodingException.class)
        .hasMessageContaining("amount");
    byte[] badOffset = Abi.encode(AbiValue.uint(BigInteger.valueOf(1 << 20)));
    assertThatThrownBy(() -> new AbiReader(badOffset).bytes("data", 0))
        .isInstanceOf(AbiDecodingException.class)
        .hasMessageContaining("data");
  }

  @Test
  void uintRejectsValuesOutsideUint256() {
    assertThatThrownBy(() -> AbiValue.uint(BigInteger.ONE.shiftLeft(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbiValue.uint(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
