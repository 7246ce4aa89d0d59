package io.bridgescope.core.wallet;

import static io.bridgescope.core.wallet.AirGapFixture.AMOUNT;
import static io.bridgescope.core.wallet.AirGapFixture.EXIT_HELPER;
import static io.bridgescope.core.wallet.AirGapFixture.ROOT_PREDICATE;
import static io.bridgescope.core.wallet.AirGapFixture.ROOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.ExitDao;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.AirGapFixture.Tampering;
import io.bridgescope.core.wallet.WalletException.Kind;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * The air-gapped flow against a hostile file: the signer shows what the bytes say, refuses each
 * tampering of the report naming its field, and {@code tx send} sends only what was reviewed.
 */
class AirGapSigningTest {

  @TempDir Path dir;
  Keystore ks;
  Address alice;
  NetworkProfile profile = AirGapFixture.profile();
  SigningPolicy policy = new SigningPolicy(profile, SigningLimits.DEFAULT);

  @BeforeEach
  void key() {
    ks = new Keystore(dir.resolve("ks"), ScryptParams.lightForTests());
    alice =
        ks.importPrivateKey("alice", KeystoreTest.ANVIL_KEY.toCharArray(), "pw".toCharArray())
            .address();
  }

  Path exported() {
    Path f = dir.resolve("unsigned.json");
    TxFiles.writeUnsigned("devnet", AirGapFixture.exitTx(alice), AirGapFixture.snapshot(), f);
    return f;
  }

  SignedTx sign(Inspection i) {
    try (KeySession s = ks.unlock("alice", "pw".toCharArray())) {
      return TxFiles.signOffline(i, s);
    }
  }

  @Test
  void untamperedExportIsShownFromItsBytesAndSigned() {
    Inspection i = policy.inspectFile(TxFiles.readUnsigned(exported()));
    assertThat(i.problems()).isEmpty();
    assertThat(i.warnings()).isEmpty();
    String text = String.join("\n", i.describe());
    assertThat(text)
        .contains("chain id 31337")
        .contains("to         " + EXIT_HELPER + " (exitHelper of profile 'devnet')")
        .contains("value      0 ETH")
        .contains("nonce      7")
        .contains("gas limit  180000")
        .contains("max 30 gwei per gas, priority 2 gwei")
        .contains("ExitHelper.exit(blockNumber=40, leafIndex=2")
        .contains("exit 1748: leaf sender " + BridgeContracts.EDGE_CHILD_ERC20_PREDICATE)
        .contains("receiver " + ROOT_PREDICATE + " (rootErc20Predicate)")
        .contains(
            "withdrawal of 2500000000000000000 (2.5 at 18 decimals) of root token "
                + ROOT_TOKEN
                + " from "
                + AirGapFixture.USER
                + " to "
                + AirGapFixture.USER)
        .contains("proof reaches root");
    assertThat(i.tx().summary())
        .isEqualTo(
            "exit 1748 (withdrawal of 2.5 of root token "
                + ROOT_TOKEN
                + " to "
                + AirGapFixture.USER
                + ")");
    assertThat(i.tx().purpose()).isEqualTo(TxPurpose.EXIT);
    assertThat(i.tx().relatedId()).contains(AirGapFixture.EXIT_ID);
    SignedTx s = sign(i);
    assertThat(s.tx()).isEqualTo(i.tx());
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void everyTamperingOfTheReportIsRefusedNamingItsField(Tampering t) throws Exception {
    Path f = exported();
    t.apply(f);
    TxFiles.Unsigned u = TxFiles.readUnsigned(f);
    Inspection i = policy.inspectFile(u);
    assertThat(i.signable()).isFalse();
    assertThat(i.fields()).contains(t.field);
    assertThatThrownBy(() -> sign(i))
        .isInstanceOf(WalletException.class)
        .matches(e -> ((WalletException) e).kind() == Kind.REFUSED)
        .hasMessageContaining(t.field + ": ")
        .hasMessageContaining("Nothing was signed");
    // the review shows what the bytes say, never the file's own (unchanged) summary as truth
    assertThat(String.join("\n", i.describe())).doesNotContain(u.tx().summary());
  }

  @Test
  void theTamperedValuesAreNamedInTheRefusal() throws Exception {
    Path f = exported();
    Tampering.GAS.apply(f);
    Inspection gas = policy.inspectFile(TxFiles.readUnsigned(f));
    assertThat(gas.fields()).containsExactlyInAnyOrder("gasLimit", "maxFeePerGas");
    assertThatThrownBy(gas::requireSignable)
        .hasMessageContaining("gasLimit: 30000000 is above the ceiling of 15000000")
        .hasMessageContaining("maxFeePerGas: 10000 gwei is above the ceiling of 500 gwei");

    Path g = dir.resolve("approve.json");
    TxFiles.writeUnsigned("devnet", AirGapFixture.exitTx(alice), AirGapFixture.snapshot(), g);
    Tampering.APPROVE.apply(g);
    Inspection approve = policy.inspectFile(TxFiles.readUnsigned(g));
    assertThat(String.join("\n", approve.describe()))
        .contains("ERC20 token.approve(spender=" + Address.ofLow(0xdead))
        .contains("2^256-1 (unlimited)")
        .doesNotContain("exit 1748");
    assertThat(approve.fields()).contains("data", "purpose", "relatedId", "summary");
  }

  @Test
  void allowUnknownCallLetsTheApproveThroughWithAWarningButNotABadChain() throws Exception {
    Path f = exported();
    Tampering.APPROVE.apply(f);
    SigningPolicy lenient =
        new SigningPolicy(profile, SigningLimits.DEFAULT.withAllowUnknownCall(true));
    Inspection i = lenient.inspectFile(TxFiles.readUnsigned(f));
    assertThat(i.signable()).isTrue();
    assertThat(i.waived()).extracting(Inspection.Problem::field).contains("data");
    assertThat(String.join("\n", i.describe())).contains("! allowed unknown call: data: approve(");
    SignedTx s = sign(i);
    assertThat(s.tx().purpose()).isEqualTo(TxPurpose.APPROVE);
    assertThat(s.tx().to()).isEqualTo(ROOT_TOKEN);

    Path g = dir.resolve("chain.json");
    TxFiles.writeUnsigned("devnet", AirGapFixture.exitTx(alice), AirGapFixture.snapshot(), g);
    Tampering.CHAIN_ID.apply(g);
    assertThat(lenient.inspectFile(TxFiles.readUnsigned(g)).signable()).isFalse();
  }

  @Test
  void aFileForAnotherNetworkOrWithoutSnapshotIsTreatedAsSuch() {
    UnsignedTx tx = AirGapFixture.exitTx(alice);
    Path other = dir.resolve("other.json");
    TxFiles.writeUnsigned("mainnet", tx, AirGapFixture.snapshot(), other);
    assertThat(policy.inspectFile(TxFiles.readUnsigned(other)).fields()).containsExactly("network");

    // without a snapshot a changed leaf cannot be caught offline: the review says so, and shows
    // the receiver the bytes really pay
    UnsignedTx changed = relabel(withData(tx, AirGapFixture.exitCall(Address.ofLow(0xbeef))));
    Path bare = dir.resolve("bare.json");
    TxFiles.writeUnsigned("devnet", changed, IndexSnapshot.NONE, bare);
    Inspection i = policy.inspectFile(TxFiles.readUnsigned(bare));
    assertThat(i.signable()).isTrue();
    assertThat(i.warnings()).anyMatch(w -> w.contains("proofs are not checked here"));
    assertThat(String.join("\n", i.describe())).contains(" to " + Address.ofLow(0xbeef));
  }

  @Test
  void aBatchNamesTheInputWhoseLeafWasChanged() {
    MerkleTree tree = AirGapFixture.tree();
    Hash32 root = new Hash32(tree.root());
    IndexSnapshot both =
        new IndexSnapshot(
            List.of(
                new IndexSnapshot.ExitRoot(BigInteger.valueOf(1747), 4, 40, root, true),
                new IndexSnapshot.ExitRoot(AirGapFixture.EXIT_ID, 4, 40, root, true)),
            List.of());
    java.util.function.Function<Address, byte[]> batch =
        receiver ->
            BridgeAbi.batchExit(
                List.of(
                    input(
                        tree, 1, AirGapFixture.leaf(BigInteger.valueOf(1747), AirGapFixture.USER)),
                    input(tree, 2, AirGapFixture.leaf(AirGapFixture.EXIT_ID, receiver))));
    UnsignedTx good = withData(AirGapFixture.exitTx(alice), batch.apply(AirGapFixture.USER));
    Inspection ok = policy.inspectPlanned(good, both, List.of());
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.tx().purpose()).isEqualTo(TxPurpose.BATCH_EXIT);
    assertThat(ok.tx().summary()).isEqualTo("claim 2 exits (1747, 1748)");
    assertThat(String.join("\n", ok.describe()))
        .contains("exit 1747: leaf")
        .contains("exit 1748: leaf");

    UnsignedTx bad = withData(good, batch.apply(Address.ofLow(0xbeef)));
    assertThat(policy.inspectPlanned(bad, both, List.of()).fields())
        .containsExactly("inputs[1].leaf");
    // an exit the snapshot does not hold is named too
    assertThat(policy.inspectPlanned(good, AirGapFixture.snapshot(), List.of()).fields())
        .containsExactly("inputs[0].leaf.id");
  }

  private static BridgeAbi.ExitInput input(MerkleTree tree, int index, byte[] leaf) {
    return new BridgeAbi.ExitInput(
        BigInteger.valueOf(40),
        BigInteger.valueOf(index),
        leaf,
        tree.proof(index).stream().map(Hash32::new).toList());
  }

  @Test
  void anExecuteIsCheckedAgainstItsCommitmentWithTheContractsHeightRule() {
    Address receiver = Address.ofLow(0x5e);
    List<StateSync> syncs =
        List.of(10, 11, 12).stream()
            .map(
                i ->
                    new StateSync(
                        BigInteger.valueOf(i), alice, receiver, new byte[] {i.byteValue()}))
            .toList();
    MerkleTree tree =
        MerkleTree.fromLeafHashes(
            syncs.stream()
                .map(
                    x ->
                        BridgeLeaves.stateSyncLeaf(
                            x.id(), x.sender().bytes(), x.receiver().bytes(), x.data()))
                .toList());
    IndexSnapshot commitment =
        new IndexSnapshot(
            List.of(),
            List.of(
                new IndexSnapshot.CommitmentRoot(
                    BigInteger.TEN, BigInteger.valueOf(12), new Hash32(tree.root()), true)));
    List<Hash32> proof = tree.proof(1).stream().map(Hash32::new).toList();
    UnsignedTx exec =
        new UnsignedTx(
            ChainRole.CHILD,
            31338,
            alice,
            0,
            BridgeContracts.EDGE_STATE_RECEIVER,
            Bytes.of(BridgeAbi.execute(proof, syncs.get(1))),
            BigInteger.ZERO,
            200_000,
            Fees.legacy(SigningLimits.gwei(1)),
            TxPurpose.EXECUTE,
            Optional.empty(),
            "");
    Inspection ok = policy.inspectPlanned(exec, commitment, List.of());
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.tx().relatedId()).contains(BigInteger.valueOf(11));
    assertThat(String.join("\n", ok.describe())).contains("of commitment 10..12");

    StateSync changed = new StateSync(BigInteger.valueOf(11), alice, alice, new byte[] {11});
    UnsignedTx bad = withData(exec, BridgeAbi.execute(proof, changed));
    assertThat(policy.inspectPlanned(bad, commitment, List.of()).fields()).containsExactly("obj");
    UnsignedTx other =
        withData(
            exec,
            BridgeAbi.execute(
                proof, new StateSync(BigInteger.valueOf(13), alice, receiver, new byte[0])));
    assertThat(policy.inspectPlanned(other, commitment, List.of()).fields())
        .containsExactly("obj.id");
  }

  @Test
  void calldataThatIsNotCanonicalIsRefused() {
    byte[] call = AirGapFixture.exitCall(AirGapFixture.USER);
    byte[] longer = java.util.Arrays.copyOf(call, call.length + 32);
    Inspection i =
        policy.inspectPlanned(
            withData(AirGapFixture.exitTx(alice), longer), AirGapFixture.snapshot(), List.of());
    assertThat(i.fields()).containsExactly("data");
    assertThat(i.problems().get(0).message()).contains("not in the canonical ABI encoding");
  }

  @Test
  void anApprovePassesOnlyForTheExactAmountOfItsDepositToThePredicate() {
    UnsignedTx approve = AirGapFixture.approveTx(alice, AMOUNT);
    SigningPolicy.Companion deposit =
        new SigningPolicy.Companion(
            ROOT_PREDICATE, Bytes.of(BridgeAbi.depositTo(ROOT_TOKEN, alice, AMOUNT)));
    SigningPolicy.Companion bigger =
        new SigningPolicy.Companion(
            ROOT_PREDICATE,
            Bytes.of(BridgeAbi.depositTo(ROOT_TOKEN, alice, AMOUNT.add(BigInteger.ONE))));
    assertThat(policy.inspectPlanned(approve, IndexSnapshot.NONE, List.of(deposit)).problems())
        .isEmpty();
    assertThat(policy.inspectPlanned(approve, IndexSnapshot.NONE, List.of(bigger)).fields())
        .containsExactly("data");
    assertThat(policy.inspectPlanned(approve, IndexSnapshot.NONE, List.of()).fields())
        .containsExactly("data");
  }

  @Test
  void aChildWithdrawalMustGoToTheChildChain() {
    UnsignedTx w =
        new UnsignedTx(
            ChainRole.CHILD,
            31337,
            alice,
            0,
            BridgeContracts.EDGE_CHILD_ERC20_PREDICATE,
            Bytes.of(BridgeAbi.withdrawTo(Address.ofLow(0xc7), alice, AMOUNT)),
            BigInteger.ZERO,
            90_000,
            Fees.legacy(SigningLimits.gwei(1)),
            TxPurpose.WITHDRAW,
            Optional.empty(),
            "w");
    Inspection i = policy.inspectPlanned(w, IndexSnapshot.NONE, List.of());
    assertThat(i.fields()).containsExactly("chainId");
    assertThat(i.problems().get(0).message()).contains("child chain").contains("31338");
  }

  @Test
  void sendRefusesSignedBytesThatAreNotWhatWasReviewed() throws Exception {
    TxFiles.Unsigned reviewed =
        new TxFiles.Unsigned("devnet", AirGapFixture.exitTx(alice), AirGapFixture.snapshot());
    ReviewedExports exports = new ReviewedExports(dir.resolve("exported"));
    exports.remember("devnet", reviewed.tx(), reviewed.snapshot());

    // the file was changed on its way to the signer, who was told to allow unknown calls
    Path f = exported();
    Tampering.APPROVE.apply(f);
    SigningLimits lenient = SigningLimits.DEFAULT.withAllowUnknownCall(true);
    SignedTx approve =
        sign(new SigningPolicy(profile, lenient).inspectFile(TxFiles.readUnsigned(f)));

    Database db = Database.open(dir.resolve("index.db"));
    URI dead = URI.create("http://127.0.0.1:9");
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        ChainClient root = new ChainClient("root", dead);
        ChainClient child = new ChainClient("child", dead)) {
      Wallet wallet = new Wallet(profile, db, w, ks, root, child, Clock.systemUTC());
      Inspection decoded = wallet.inspectSigned(approve, lenient, IndexSnapshot.NONE);
      assertThat(decoded.tx().purpose()).isEqualTo(TxPurpose.APPROVE);
      assertThatThrownBy(() -> exports.require(decoded.tx()))
          .matches(e -> ((WalletException) e).kind() == Kind.REFUSED)
          .hasMessageContaining("to: the signed bytes say " + ROOT_TOKEN)
          .hasMessageContaining("data: ");
      assertThatThrownBy(
              () -> wallet.submitSigned(approve, reviewed, lenient, Duration.ofSeconds(1)))
          .matches(e -> ((WalletException) e).kind() == Kind.REFUSED)
          .hasMessageContaining("not what was reviewed")
          .hasMessageContaining("to: ")
          .hasMessageContaining("Nothing was sent");
      // without the allowance the decoded approve is refused before any comparison
      assertThatThrownBy(
              () -> wallet.submitSigned(approve, reviewed, SigningLimits.DEFAULT, Duration.ZERO))
          .hasMessageContaining("data: approve(");
      assertThat(wallet.journal().recent(10)).isEmpty();

      // the local index knows exit 1748 with another payload: the signed leaf is not that exit
      w.call(
              c ->
                  new ExitDao(c)
                      .insert(
                          List.of(
                              new ExitRow(
                                  AirGapFixture.EXIT_ID,
                                  BridgeContracts.EDGE_CHILD_ERC20_PREDICATE,
                                  ROOT_PREDICATE,
                                  Bytes.of(AirGapFixture.withdrawal(Address.ofLow(0xbeef), AMOUNT)),
                                  4,
                                  PayloadKind.MESSAGE,
                                  Optional.empty(),
                                  new EventRef(30, 0, new Hash32(new byte[32]), 0)))))
          .join();
      SignedTx fine = sign(policy.inspectFile(TxFiles.readUnsigned(exported("fine.json"))));
      assertThatThrownBy(
              () -> wallet.submitSigned(fine, reviewed, SigningLimits.DEFAULT, Duration.ZERO))
          .matches(e -> ((WalletException) e).kind() == Kind.REFUSED)
          .hasMessageContaining("leaf.data: the signed exit 1748 says");
      assertThat(wallet.journal().recent(10)).isEmpty();

      // the untampered signature is the reviewed one
      SignedTx good = sign(policy.inspectFile(TxFiles.readUnsigned(exported("good.json"))));
      assertThat(
              exports.require(
                  wallet.inspectSigned(good, SigningLimits.DEFAULT, IndexSnapshot.NONE).tx()))
          .isEqualTo(reviewed);
    }
  }

  @Test
  void signedBytesWithoutAChainIdOrWithAnotherTypeAreNotAccepted() {
    Credentials c = Credentials.create(KeystoreTest.ANVIL_KEY);
    RawTransaction legacy =
        RawTransaction.createTransaction(
            BigInteger.ONE,
            SigningLimits.gwei(1),
            BigInteger.valueOf(100_000),
            EXIT_HELPER.toString(),
            BigInteger.ZERO,
            Hex.encode(AirGapFixture.exitCall(AirGapFixture.USER)));
    byte[] noChainId = TransactionEncoder.signMessage(legacy, c);
    assertThatThrownBy(() -> SignedBytes.decode(noChainId))
        .hasMessageContaining("no EIP-155 chain id");
    byte[] withChainId = TransactionEncoder.signMessage(legacy, 31337L, c);
    assertThat(SignedBytes.decode(withChainId).chainId()).isEqualTo(31337);
    assertThatThrownBy(() -> SignedBytes.decode(new byte[] {1, 2, 3}))
        .hasMessageContaining("not a transaction");
  }

  private Path exported(String name) {
    Path f = dir.resolve(name);
    TxFiles.writeUnsigned("devnet", AirGapFixture.exitTx(alice), AirGapFixture.snapshot(), f);
    return f;
  }

  private static UnsignedTx withData(UnsignedTx t, byte[] data) {
    return new UnsignedTx(
        t.chain(),
        t.chainId(),
        t.from(),
        t.nonce(),
        t.to(),
        Bytes.of(data),
        t.value(),
        t.gasLimit(),
        t.fees(),
        t.purpose(),
        t.relatedId(),
        t.summary());
  }

  private UnsignedTx relabel(UnsignedTx t) {
    return policy.inspectPlanned(t, IndexSnapshot.NONE, List.of()).tx();
  }
}
