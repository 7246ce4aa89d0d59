package io.bridgescope.core.wallet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import io.bridgescope.crypto.merkle.MerkleTree;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An exported exit like the one in the report: exit 1748, a withdrawal of 2.5 of a root token,
 * third leaf of a four-leaf exit tree whose root the index snapshot stores; and the six ways the
 * file was tampered with, applied to the JSON as an attacker would.
 */
final class AirGapFixture {

  static final Address EXIT_HELPER = Address.ofLow(0xa3);
  static final Address ROOT_PREDICATE = Address.ofLow(0xa4);
  static final Address ROOT_TOKEN = Address.ofLow(0x70c);
  static final Address USER = Address.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  static final BigInteger EXIT_ID = BigInteger.valueOf(1748);
  static final BigInteger AMOUNT = new BigInteger("2500000000000000000");
  static final long CHECKPOINT_BLOCK = 40;
  static final BigInteger MAX_UINT = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  static final Hash32 WITHDRAW_SIG =
      new Hash32(Keccak.keccak256("WITHDRAW".getBytes(StandardCharsets.US_ASCII)));
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AirGapFixture() {}

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

  /** {@code abi.encode(WITHDRAW_SIG, rootToken, withdrawer, receiver, amount)}. */
  static byte[] withdrawal(Address receiver, BigInteger amount) {
    return Abi.encode(
        AbiValue.bytes32(WITHDRAW_SIG),
        AbiValue.address(ROOT_TOKEN),
        AbiValue.address(USER),
        AbiValue.address(receiver),
        AbiValue.uint(amount));
  }

  static byte[] leaf(BigInteger id, Address receiver) {
    return BridgeLeaves.exitEncoding(
        id,
        BridgeContracts.EDGE_CHILD_ERC20_PREDICATE.bytes(),
        ROOT_PREDICATE.bytes(),
        withdrawal(receiver, AMOUNT));
  }

  /** Four exits 1746..1749; 1748 is leaf 2. */
  static MerkleTree tree() {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      leaves.add(Keccak.keccak256(leaf(BigInteger.valueOf(1746 + i), USER)));
    }
    return MerkleTree.fromLeafHashes(leaves);
  }

  static IndexSnapshot snapshot() {
    return new IndexSnapshot(
        List.of(
            new IndexSnapshot.ExitRoot(
                EXIT_ID, 4, CHECKPOINT_BLOCK, new Hash32(tree().root()), true)),
        List.of());
  }

  /**
   * ExitHelper.exit calldata for exit 1748 whose leaf pays {@code receiver}, with the real proof.
   */
  static byte[] exitCall(Address receiver) {
    List<Hash32> proof = tree().proof(2).stream().map(Hash32::new).toList();
    return BridgeAbi.exit(
        new BridgeAbi.ExitInput(
            BigInteger.valueOf(CHECKPOINT_BLOCK), BigInteger.TWO, leaf(EXIT_ID, receiver), proof));
  }

  /** The exported exit of {@code from}, labelled as the wallet labels it. */
  /** {@code approve(ROOT_PREDICATE, amount)} on ROOT_TOKEN from {@code from}, legacy fees. */
  static UnsignedTx approveTx(Address from, BigInteger amount) {
    return new UnsignedTx(
        ChainRole.ROOT,
        31337,
        from,
        1,
        ROOT_TOKEN,
        Bytes.of(BridgeAbi.approve(ROOT_PREDICATE, amount)),
        BigInteger.ZERO,
        60_000,
        Fees.legacy(SigningLimits.gwei(3)),
        TxPurpose.APPROVE,
        Optional.empty(),
        "approve");
  }

  static UnsignedTx exitTx(Address from) {
    UnsignedTx raw =
        new UnsignedTx(
            ChainRole.ROOT,
            31337,
            from,
            7,
            EXIT_HELPER,
            Bytes.of(exitCall(USER)),
            BigInteger.ZERO,
            180_000,
            new Fees(true, SigningLimits.gwei(30), SigningLimits.gwei(2)),
            TxPurpose.OTHER,
            Optional.empty(),
            "");
    return new SigningPolicy(profile(), SigningLimits.DEFAULT)
        .inspectPlanned(raw, snapshot(), List.of())
        .requireSignable()
        .tx();
  }

  /** The six tamperings of the report, each with the field the refusal must name. */
  enum Tampering {
    CHAIN_ID("chainId", o -> o.put("chainId", 1)),
    TO("to", o -> o.put("to", Address.ofLow(0xbad).toString())),
    VALUE("value", o -> o.put("value", BigInteger.TEN.pow(21).toString())),
    APPROVE(
        "data",
        o -> {
          o.put("to", ROOT_TOKEN.toString());
          o.put("data", Hex.encode(BridgeAbi.approve(Address.ofLow(0xdead), MAX_UINT)));
        }),
    GAS(
        "maxFeePerGas",
        o -> {
          o.put("gasLimit", 30_000_000);
          o.put("maxFeePerGas", SigningLimits.gwei(10_000).toString());
          o.remove("maxFee");
        }),
    LEAF_RECEIVER("leaf", o -> o.put("data", Hex.encode(exitCall(Address.ofLow(0xbeef)))));

    final String field;
    private final Consumer<ObjectNode> edit;

    Tampering(String field, Consumer<ObjectNode> edit) {
      this.field = field;
      this.edit = edit;
    }

    /** Edits the file in place, leaving its summary and every other field alone. */
    void apply(Path file) throws IOException {
      ObjectNode o = (ObjectNode) JSON.readTree(Files.readAllBytes(file));
      edit.accept(o);
      Files.write(file, JSON.writeValueAsBytes(o));
    }
  }
}
