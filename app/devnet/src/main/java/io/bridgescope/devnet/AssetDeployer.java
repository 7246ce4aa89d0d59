package io.bridgescope.devnet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys the ERC-721 and ERC-1155 bridges beside the ERC-20 one (resources/devnet/README.md): root
 * predicates by deployment, child predicates and templates at Edge's addresses with anvil_setCode,
 * initialised by the system caller; plus the demo tokens. Tokens are mapped on their first deposit,
 * so deploying sends no state sync.
 */
final class AssetDeployer {

  private final ChainClient root;
  private final ChainClient child;
  private final Address deployer;

  AssetDeployer(ChainClient root, ChainClient child, Address deployer) {
    this.root = root;
    this.child = child;
    this.deployer = deployer;
  }

  /** Needs the ERC-20 deployment done (SYSTEM impersonated and funded on the child). */
  DevnetAssets deploy(DevnetContracts c) {
    Address root721 = create("RootERC721Predicate", new byte[0]);
    Address root1155 = create("RootERC1155Predicate", new byte[0]);
    String init = "initialize(address,address,address,address)";
    send(
        root,
        deployer,
        root721,
        Abi.call(
            init,
            AbiValue.address(c.stateSender()),
            AbiValue.address(c.exitHelper()),
            AbiValue.address(DevnetAssets.CHILD_ERC721_PREDICATE),
            AbiValue.address(DevnetAssets.CHILD_ERC721_TEMPLATE)),
        "RootERC721Predicate.initialize");
    send(
        root,
        deployer,
        root1155,
        Abi.call(
            init,
            AbiValue.address(c.stateSender()),
            AbiValue.address(c.exitHelper()),
            AbiValue.address(DevnetAssets.CHILD_ERC1155_PREDICATE),
            AbiValue.address(DevnetAssets.CHILD_ERC1155_TEMPLATE)),
        "RootERC1155Predicate.initialize");
    place("ChildERC721", DevnetAssets.CHILD_ERC721_TEMPLATE);
    place("ChildERC721Predicate", DevnetAssets.CHILD_ERC721_PREDICATE);
    place("ChildERC1155", DevnetAssets.CHILD_ERC1155_TEMPLATE);
    place("ChildERC1155Predicate", DevnetAssets.CHILD_ERC1155_PREDICATE);
    send(
        child,
        DevnetContracts.SYSTEM,
        DevnetAssets.CHILD_ERC721_PREDICATE,
        Abi.call(
            init,
            AbiValue.address(c.l2StateSender()),
            AbiValue.address(c.stateReceiver()),
            AbiValue.address(root721),
            AbiValue.address(DevnetAssets.CHILD_ERC721_TEMPLATE)),
        "ChildERC721Predicate.initialize");
    send(
        child,
        DevnetContracts.SYSTEM,
        DevnetAssets.CHILD_ERC1155_PREDICATE,
        Abi.call(
            init,
            AbiValue.address(c.l2StateSender()),
            AbiValue.address(c.stateReceiver()),
            AbiValue.address(root1155),
            AbiValue.address(DevnetAssets.CHILD_ERC1155_TEMPLATE)),
        "ChildERC1155Predicate.initialize");
    Address nft = create("RootERC721", Abi.encode(text("Bridgescope Kitties"), text("BSK")));
    Address multi = create("RootERC1155", Abi.encode(text("ipfs://bridgescope/{id}.json")));
    Address usd6 =
        create("RootERC20", Abi.encode(text("Bridgescope Dollar"), text("BUSD"), AbiValue.uint(6)));
    MintableDeployer.Deployed m = new MintableDeployer(root, child, deployer).deploy(c);
    return new DevnetAssets(
        root721,
        root1155,
        nft,
        multi,
        usd6,
        m.childMintableErc20Predicate(),
        m.childNative(),
        m.childMintableErc721Predicate(),
        m.childNativeNft(),
        m.childMintableErc1155Predicate(),
        m.childNativeMulti());
  }

  static AbiValue text(String s) {
    return AbiValue.bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private Address create(String name, byte[] args) {
    Artifacts.Artifact a = Artifacts.load(name);
    byte[] code = new byte[a.bytecode().length + args.length];
    System.arraycopy(a.bytecode(), 0, code, 0, a.bytecode().length);
    System.arraycopy(args, 0, code, a.bytecode().length, args.length);
    TransactionReceipt r = send(root, deployer, null, code, "deploy " + name);
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

  static TransactionReceipt send(
      ChainClient chain, Address from, @Nullable Address to, byte[] data, String what) {
    Hash32 tx = chain.sendUnlocked(from, to, data, null, null);
    TransactionReceipt r = chain.awaitReceipt(tx, Duration.ofSeconds(30));
    if (!r.isStatusOK()) {
      throw new DevnetException(what + " failed on the " + chain.label() + " chain (" + tx + ")");
    }
    return r;
  }
}
