package io.bridgescope.cli.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.Fees;
import io.bridgescope.core.wallet.IndexSnapshot;
import io.bridgescope.core.wallet.ReviewedExports;
import io.bridgescope.core.wallet.SigningLimits;
import io.bridgescope.core.wallet.SigningPolicy;
import io.bridgescope.core.wallet.TxFiles;
import io.bridgescope.core.wallet.UnsignedTx;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tx sign} and {@code tx send} against the tampered files of the report, offline: the
 * profile's nodes do not exist, and nothing here needs them.
 */
class AirGapCliTest {

  static final Address EXIT_HELPER = Address.ofLow(0xa3);
  static final Address ROOT_PREDICATE = Address.ofLow(0xa4);
  static final Address ROOT_TOKEN = Address.ofLow(0x70c);
  static final BigInteger AMOUNT = new BigInteger("2500000000000000000");
  static final BigInteger MAX_UINT = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  static final ObjectMapper JSON = new ObjectMapper();

  // one key store for the class: importing a key runs the full scrypt cost
  @TempDir static Path dir;
  static WalletCliTest cli;
  static Path pw;

  @BeforeAll
  static void setUp() throws Exception {
    cli = new WalletCliTest();
    cli.dir = dir;
    pw = Files.writeString(dir.resolve("pw.txt"), WalletCliTest.PASSWORD + "\n");
    Path keyFile = Files.writeString(dir.resolve("key.txt"), WalletCliTest.KEY + "\n");
    assertThat(
            cli.run(
                    "keys",
                    "import",
                    "bob",
                    "--key-file",
                    keyFile.toString(),
                    "--password-file",
                    pw.toString())
                .code())
        .isZero();
    saveProfile(dir.resolve("data"));
  }

  static NetworkProfile profile() {
    return NetworkProfile.builder()
        .name("devnet")
        .root(new ChainConfig(31337, List.of(URI.create("http://127.0.0.1:9")), 0))
        .child(new ChainConfig(31338, List.of(URI.create("http://127.0.0.1:9")), 0))
        .stateSender(Address.ofLow(0xa1))
        .checkpointManager(Address.ofLow(0xa2))
        .exitHelper(EXIT_HELPER)
        .rootErc20Predicate(ROOT_PREDICATE)
        .epochSize(10)
        .confirmations(0)
        .build();
  }

  /** The devnet profile saved where {@code --network devnet} finds it. */
  static void saveProfile(Path dataDir) throws Exception {
    Path f = dataDir.resolve("networks").resolve("devnet.json");
    Files.createDirectories(f.getParent());
    NetworkProfileJson.write(profile(), f);
  }

  static byte[] leaf(BigInteger id, Address receiver) {
    byte[] withdrawal =
        Abi.encode(
            AbiValue.bytes32(
                new Hash32(Keccak.keccak256("WITHDRAW".getBytes(StandardCharsets.US_ASCII)))),
            AbiValue.address(ROOT_TOKEN),
            AbiValue.address(WalletCliTest.ADDRESS),
            AbiValue.address(receiver),
            AbiValue.uint(AMOUNT));
    return BridgeLeaves.exitEncoding(
        id, BridgeContracts.EDGE_CHILD_ERC20_PREDICATE.bytes(), ROOT_PREDICATE.bytes(), withdrawal);
  }

  static MerkleTree tree() {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      leaves.add(Keccak.keccak256(leaf(BigInteger.valueOf(1746 + i), WalletCliTest.ADDRESS)));
    }
    return MerkleTree.fromLeafHashes(leaves);
  }

  static byte[] exitCall(Address receiver) {
    return BridgeAbi.exit(
        new BridgeAbi.ExitInput(
            BigInteger.valueOf(40),
            BigInteger.TWO,
            leaf(BigInteger.valueOf(1748), receiver),
            tree().proof(2).stream().map(Hash32::new).toList()));
  }

  static IndexSnapshot snapshot() {
    return new IndexSnapshot(
        List.of(
            new IndexSnapshot.ExitRoot(
                BigInteger.valueOf(1748), 4, 40, new Hash32(tree().root()), true)),
        List.of());
  }

  /** Exit 1748 as `tx export` writes it: labelled from its own bytes. */
  static UnsignedTx exitTx() {
    UnsignedTx raw =
        new UnsignedTx(
            ChainRole.ROOT,
            31337,
            WalletCliTest.ADDRESS,
            3,
            EXIT_HELPER,
            Bytes.of(exitCall(WalletCliTest.ADDRESS)),
            BigInteger.ZERO,
            180_000,
            new Fees(true, SigningLimits.gwei(30), SigningLimits.gwei(2)),
            TxPurpose.OTHER,
            Optional.empty(),
            "");
    return new SigningPolicy(profile(), SigningLimits.DEFAULT)
        .inspectSigned(raw, IndexSnapshot.NONE)
        .tx();
  }

  Path export(String name, Consumer<ObjectNode> tamper) throws Exception {
    Path f = dir.resolve(name);
    TxFiles.writeUnsigned("devnet", exitTx(), snapshot(), f);
    ObjectNode o = (ObjectNode) JSON.readTree(Files.readAllBytes(f));
    tamper.accept(o);
    Files.write(f, JSON.writeValueAsBytes(o));
    return f;
  }

  WalletCliTest.Run sign(Path unsigned, Path signed, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "tx",
                "sign",
                "--file",
                unsigned.toString(),
                "--key",
                "bob",
                "--out",
                signed.toString(),
                "--password-file",
                pw.toString()));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void eachTamperingIsRefusedNamingItsFieldAndNothingIsSigned() throws Exception {
    record Case(String field, Consumer<ObjectNode> edit) {}
    List<Case> cases =
        List.of(
            new Case("chainId", o -> o.put("chainId", 1)),
            new Case("to", o -> o.put("to", Address.ofLow(0xbad).toString())),
            new Case("value", o -> o.put("value", BigInteger.TEN.pow(21).toString())),
            new Case(
                "data",
                o -> {
                  o.put("to", ROOT_TOKEN.toString());
                  o.put("data", Hex.encode(BridgeAbi.approve(Address.ofLow(0xdead), MAX_UINT)));
                }),
            new Case(
                "gasLimit",
                o -> {
                  o.put("gasLimit", 30_000_000);
                  o.put("maxFeePerGas", SigningLimits.gwei(10_000).toString());
                  o.remove("maxFee");
                }),
            new Case("leaf", o -> o.put("data", Hex.encode(exitCall(Address.ofLow(0xbeef))))));
    for (Case c : cases) {
      Path unsigned = export("tampered-" + c.field() + ".json", c.edit());
      Path signed = dir.resolve("signed-" + c.field() + ".json");
      WalletCliTest.Run r = sign(unsigned, signed);
      assertThat(r.code()).as(r.out()).isEqualTo(1);
      assertThat(r.out())
          .as(c.field())
          .contains("✗ " + c.field() + ": ")
          .contains("refused to sign")
          .contains("Nothing was signed");
      assertThat(Files.exists(signed)).isFalse();
    }
  }

  @Test
  void allowUnknownCallSignsTheApproveUnderARedWarningAndSendRefusesIt() throws Exception {
    Path good = export("good.json", o -> {});
    WalletCliTest.Run ok = sign(good, dir.resolve("good.signed.json"));
    assertThat(ok.code()).as(ok.out()).isZero();
    assertThat(ok.out())
        .contains("ExitHelper.exit(blockNumber=40, leafIndex=2")
        .contains("exit 1748: leaf sender")
        .contains(
            "withdrawal of 2500000000000000000 (2.5 at 18 decimals) of root token " + ROOT_TOKEN)
        .contains("proof reaches root")
        .doesNotContain("WARNING");

    Path approve =
        export(
            "approve.json",
            o -> {
              o.put("to", ROOT_TOKEN.toString());
              o.put("data", Hex.encode(BridgeAbi.approve(Address.ofLow(0xdead), MAX_UINT)));
            });
    Path signed = dir.resolve("approve.signed.json");
    String before = System.getProperty("picocli.ansi");
    System.setProperty("picocli.ansi", "true");
    WalletCliTest.Run r;
    try {
      r = sign(approve, signed, "--allow-unknown-call");
    } finally {
      if (before == null) {
        System.clearProperty("picocli.ansi");
      } else {
        System.setProperty("picocli.ansi", before);
      }
    }
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("\u001B[1m\u001B[31mWARNING: --allow-unknown-call")
        .contains("\u001B[31m  ! data: approve(spender=" + Address.ofLow(0xdead))
        .contains("ERC20 token.approve(spender=")
        .doesNotContain("exit 1748 (withdrawal");
    assertThat(TxFiles.readSigned(signed).tx().tx().purpose()).isEqualTo(TxPurpose.APPROVE);

    // the online side kept what it exported; the signed approve is not that
    new ReviewedExports(dir.resolve("data").resolve("devnet").resolve("exported"))
        .remember("devnet", exitTx(), snapshot());
    WalletCliTest.Run refused = cli.run("tx", "send", "--file", signed.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("data: approve(").contains("Nothing was sent");
    WalletCliTest.Run notReviewed =
        cli.run("tx", "send", "--file", signed.toString(), "--allow-unknown-call");
    assertThat(notReviewed.code()).isEqualTo(1);
    assertThat(notReviewed.out())
        .contains("not the transaction exported for review")
        .contains("to: the signed bytes say " + ROOT_TOKEN)
        .contains("Nothing was sent");
    WalletCliTest.Run list = cli.run("tx", "list");
    assertThat(list.out()).doesNotContain("approve");
  }
}
