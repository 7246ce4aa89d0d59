package io.bridgescope.devnet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys the devnet bridge (resources/devnet/README.md has the order): root contracts by normal
 * deployment, child system contracts placed at Edge's fixed addresses with anvil_setCode and
 * initialised by the system caller.
 */
final class Deployer {

  static final Address CHILD_TOKEN_TEMPLATE = Address.ofLow(0x1003);

  static final String NATIVE_NAME = "Bridgescope Native";

  private final ChainClient root;
  private final ChainClient child;
  private final Address deployer;
  private final ValidatorSimulator validators;
  private final int epochSize;

  Deployer(
      ChainClient root,
      ChainClient child,
      Address deployer,
      ValidatorSimulator validators,
      int epochSize) {
    this.root = root;
    this.child = child;
    this.deployer = deployer;
    this.validators = validators;
    this.epochSize = epochSize;
  }

  DevnetContracts deploy() {
    Address bls = create(root, "BLS", new byte[0]);
    Address g2 = create(root, "BN256G2", new byte[0]);
    Address stateSender = create(root, "StateSender", new byte[0]);
    Address checkpointManager = create(root, "CheckpointManager", new byte[0]);
    send(
        root,
        deployer,
        checkpointManager,
        Abi.call(
            "initialize(address,address,uint256,(address,uint256[4],uint256)[])",
            AbiValue.address(bls),
            AbiValue.address(g2),
            AbiValue.uint(child.chainId()),
            io.bridgescope.core.bridge.Validator.toAbi(validators.validatorSet())),
        "CheckpointManager.initialize");
    Address exitHelper = create(root, "ExitHelper", new byte[0]);
    send(
        root,
        deployer,
        exitHelper,
        Abi.call("initialize(address)", AbiValue.address(checkpointManager)),
        "ExitHelper.initialize");
    // the root token of the child's native coin: mapped to 0x…1010 by both ERC-20 predicates at
    // their initialization, as an Edge genesis does
    Address nativeRoot =
        create(
            root,
            "RootERC20",
            Abi.encode(
                AbiValue.bytes(utf8(NATIVE_NAME)), AbiValue.bytes(utf8("BSN")), AbiValue.uint(18)));
    Address rootPredicate = create(root, "RootERC20Predicate", new byte[0]);
    send(
        root,
        deployer,
        rootPredicate,
        Abi.call(
            "initialize(address,address,address,address,address)",
            AbiValue.address(stateSender),
            AbiValue.address(exitHelper),
            AbiValue.address(DevnetContracts.CHILD_PREDICATE),
            AbiValue.address(CHILD_TOKEN_TEMPLATE),
            AbiValue.address(nativeRoot)),
        "RootERC20Predicate.initialize");
    Address rootToken =
        create(
            root,
            "RootERC20",
            Abi.encode(
                AbiValue.bytes(utf8("Bridgescope Demo Token")),
                AbiValue.bytes(utf8("BSD")),
                AbiValue.uint(18)));

    place("ValidatorSet", DevnetContracts.VALIDATOR_SET);
    place("StateReceiver", DevnetContracts.STATE_RECEIVER);
    place("L2StateSender", DevnetContracts.L2_STATE_SENDER);
    place("ChildERC20", CHILD_TOKEN_TEMPLATE);
    place("ChildERC20Predicate", DevnetContracts.CHILD_PREDICATE);
    place("BLSAggSigsVerification", DevnetContracts.BLS_PRECOMPILE);
    place("NativeERC20", DevnetContracts.NATIVE_TOKEN);
    place("NativeTransfer", DevnetContracts.NATIVE_TRANSFER);
    child.rpc("anvil_impersonateAccount", List.of(DevnetContracts.SYSTEM.toString()));
    child.rpc(
        "anvil_setBalance",
        List.of(DevnetContracts.SYSTEM.toString(), "0x" + BigInteger.TEN.pow(24).toString(16)));
    send(
        child,
        DevnetContracts.SYSTEM,
        DevnetContracts.VALIDATOR_SET,
        Abi.call(
            "initialize(uint256,(address,uint256[4],uint256)[])",
            AbiValue.uint(epochSize),
            io.bridgescope.core.bridge.Validator.toAbi(validators.validatorSet())),
        "ValidatorSet.initialize");
    send(
        child,
        DevnetContracts.SYSTEM,
        DevnetContracts.CHILD_PREDICATE,
        Abi.call(
            "initialize(address,address,address,address,address)",
            AbiValue.address(DevnetContracts.L2_STATE_SENDER),
            AbiValue.address(DevnetContracts.STATE_RECEIVER),
            AbiValue.address(rootPredicate),
            AbiValue.address(CHILD_TOKEN_TEMPLATE),
            AbiValue.address(nativeRoot)),
        "ChildERC20Predicate.initialize");
    // no genesis supply: the devnet's accounts are funded by anvil, so only what the bridge mints
    // counts in totalSupply (and the escrow of nativeRoot on the root matches it)
    send(
        child,
        DevnetContracts.SYSTEM,
        DevnetContracts.NATIVE_TOKEN,
        Abi.call(
            "initialize(address,address,string,string,uint8,uint256)",
            AbiValue.address(DevnetContracts.CHILD_PREDICATE),
            AbiValue.address(nativeRoot),
            AbiValue.bytes(utf8(NATIVE_NAME)),
            AbiValue.bytes(utf8("BSN")),
            AbiValue.uint(18),
            AbiValue.uint(0)),
        "NativeERC20.initialize");
    // Mapping sends MAP_TOKEN (state sync 1); the root predicate predicts the child clone address.
    send(
        root,
        deployer,
        rootPredicate,
        Abi.call("mapToken(address)", AbiValue.address(rootToken)),
        "RootERC20Predicate.mapToken");
    Address childToken =
        new io.bridgescope.core.abi.AbiReader(
                root.call(
                    rootPredicate,
                    Abi.call("rootTokenToChildToken(address)", AbiValue.address(rootToken))))
            .address("rootTokenToChildToken", 0);
    return new DevnetContracts(
        stateSender,
        checkpointManager,
        exitHelper,
        rootPredicate,
        rootToken,
        DevnetContracts.STATE_RECEIVER,
        DevnetContracts.L2_STATE_SENDER,
        DevnetContracts.CHILD_PREDICATE,
        DevnetContracts.VALIDATOR_SET,
        DevnetContracts.BLS_PRECOMPILE,
        childToken,
        nativeRoot);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private Address create(ChainClient chain, String name, byte[] constructorArgs) {
    Artifacts.Artifact a = Artifacts.load(name);
    byte[] code = new byte[a.bytecode().length + constructorArgs.length];
    System.arraycopy(a.bytecode(), 0, code, 0, a.bytecode().length);
    System.arraycopy(constructorArgs, 0, code, a.bytecode().length, constructorArgs.length);
    TransactionReceipt r = send(chain, deployer, null, code, "deploy " + name);
    if (r.getContractAddress() == null) {
      throw new DevnetException("deploying " + name + " gave no contract address");
    }
    return Address.of(r.getContractAddress());
  }

  private void place(String name, Address at) {
    child.rpc(
        "anvil_setCode",
        List.of(at.toString(), Hex.encode(Artifacts.load(name).deployedBytecode())));
  }

  private static TransactionReceipt send(
      ChainClient chain, Address from, @Nullable Address to, byte[] data, String what) {
    Hash32 tx = chain.sendUnlocked(from, to, data, null, null);
    TransactionReceipt r = chain.awaitReceipt(tx, Duration.ofSeconds(30));
    if (!r.isStatusOK()) {
      throw new DevnetException(what + " failed on the " + chain.label() + " chain (" + tx + ")");
    }
    return r;
  }
}
