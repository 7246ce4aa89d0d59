package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TxFilesTest {

  @TempDir Path dir;

  static UnsignedTx exitTx(Address from, boolean eip1559) {
    byte[] leaf =
        BridgeLeaves.exitEncoding(
            BigInteger.valueOf(12), new byte[20], new byte[20], new byte[] {1, 2, 3});
    byte[] data =
        BridgeAbi.exit(
            new BridgeAbi.ExitInput(
                BigInteger.valueOf(40), BigInteger.ONE, leaf, List.of(new Hash32(new byte[32]))));
    Fees fees =
        eip1559
            ? new Fees(true, BigInteger.valueOf(3_000_000_000L), BigInteger.valueOf(1_000_000_000L))
            : Fees.legacy(BigInteger.valueOf(2_000_000_000L));
    return new UnsignedTx(
        ChainRole.ROOT,
        31337,
        from,
        7,
        Address.ofLow(0xe1),
        Bytes.of(data),
        BigInteger.ZERO,
        150_000,
        fees,
        TxPurpose.EXIT,
        Optional.of(BigInteger.valueOf(12)),
        "exit 12");
  }

  /** A profile whose ExitHelper is where {@link #exitTx} goes. */
  static final SigningPolicy POLICY =
      new SigningPolicy(
          AirGapFixture.profile().toBuilder().exitHelper(Address.ofLow(0xe1)).build(),
          SigningLimits.DEFAULT);

  /** {@link #exitTx} labelled from its bytes, as an export writes it. */
  static UnsignedTx labelled(Address from, boolean eip1559) {
    return POLICY.inspectPlanned(exitTx(from, eip1559), IndexSnapshot.NONE, List.of()).tx();
  }

  @Test
  void unsignedFileIsSignedOfflineAndReadBackVerified() {
    Keystore ks = new Keystore(dir.resolve("ks"), ScryptParams.lightForTests());
    KeyInfo k =
        ks.importPrivateKey("alice", KeystoreTest.ANVIL_KEY.toCharArray(), "pw".toCharArray());
    for (boolean eip1559 : new boolean[] {true, false}) {
      UnsignedTx tx = labelled(k.address(), eip1559);
      Path unsigned = dir.resolve("unsigned-" + eip1559 + ".json");
      TxFiles.writeUnsigned("devnet", tx, IndexSnapshot.NONE, unsigned);
      TxFiles.Unsigned read = TxFiles.readUnsigned(unsigned);
      assertThat(read.tx()).isEqualTo(tx);
      assertThat(read.network()).isEqualTo("devnet");
      assertThat(read.snapshot()).isEqualTo(IndexSnapshot.NONE);
      SignedTx s;
      try (KeySession session = ks.unlock("alice", "pw".toCharArray())) {
        s = TxFiles.signOffline(POLICY.inspectFile(read), session);
      }
      Path signed = dir.resolve("signed-" + eip1559 + ".json");
      TxFiles.writeSigned("devnet", s, signed);
      TxFiles.Signed back = TxFiles.readSigned(signed);
      assertThat(back.tx().hash()).isEqualTo(s.hash());
      assertThat(back.tx().tx()).isEqualTo(tx);
      assertThat(ExitCalls.idsInRawTx(back.tx().raw())).containsExactly(BigInteger.valueOf(12));
    }
  }

  @Test
  void tamperedSignedFileIsRefused() throws Exception {
    Keystore ks = new Keystore(dir.resolve("ks"), ScryptParams.lightForTests());
    KeyInfo k =
        ks.importPrivateKey("alice", KeystoreTest.ANVIL_KEY.toCharArray(), "pw".toCharArray());
    UnsignedTx tx = labelled(k.address(), true);
    SignedTx s;
    try (KeySession session = ks.unlock("alice", "pw".toCharArray())) {
      s = TxFiles.signOffline(POLICY.inspectPlanned(tx, IndexSnapshot.NONE, List.of()), session);
    }
    Path signed = dir.resolve("signed.json");
    TxFiles.writeSigned("devnet", s, signed);
    String json = Files.readString(signed);
    Files.writeString(signed, json.replace("\"nonce\" : 7", "\"nonce\" : 8"));
    assertThatThrownBy(() -> TxFiles.readSigned(signed))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("nonce: the signed bytes say 7, the description says 8");
    Files.writeString(signed, json.replace(k.address().toString(), Address.ofLow(5).toString()));
    assertThatThrownBy(() -> TxFiles.readSigned(signed))
        .hasMessageContaining("from: the signed bytes say " + k.address());
  }

  @Test
  void offlineSigningNeedsTheSendersKey() {
    Keystore ks = new Keystore(dir.resolve("ks"), ScryptParams.lightForTests());
    ks.create("bob", "pw".toCharArray());
    Inspection tx =
        POLICY.inspectPlanned(labelled(Address.ofLow(9), true), IndexSnapshot.NONE, List.of());
    try (KeySession session = ks.unlock("bob", "pw".toCharArray())) {
      assertThatThrownBy(() -> TxFiles.signOffline(tx, session))
          .hasMessageContaining("not from key 'bob'");
    }
  }

  @Test
  void batchExitCalldataNamesEveryId() {
    List<BridgeAbi.ExitInput> inputs =
        List.of(5, 9, 13).stream()
            .map(
                id ->
                    new BridgeAbi.ExitInput(
                        BigInteger.TEN,
                        BigInteger.ZERO,
                        BridgeLeaves.exitEncoding(
                            BigInteger.valueOf(id), new byte[20], new byte[20], new byte[id]),
                        List.of()))
            .toList();
    assertThat(ExitCalls.ids(BridgeAbi.batchExit(inputs)))
        .containsExactly(BigInteger.valueOf(5), BigInteger.valueOf(9), BigInteger.valueOf(13));
    assertThat(ExitCalls.ids(BridgeAbi.approve(Address.ZERO, BigInteger.ONE))).isEmpty();
  }

  @Test
  void amountsRoundTrip() {
    assertThat(Amounts.ether(new BigInteger("1500000000000000000"))).isEqualTo("1.5");
    assertThat(Amounts.parseEther("2.25")).isEqualTo(new BigInteger("2250000000000000000"));
    assertThat(Amounts.ether(BigInteger.TEN.pow(19))).isEqualTo("10");
    assertThatThrownBy(() -> Amounts.parseEther("0.0000000000000000001"))
        .hasMessageContaining("more than 18 decimals");
  }
}
