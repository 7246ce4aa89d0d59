package io.bridgescope.devnet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import java.util.List;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys the child-native ERC-20, ERC-721 and ERC-1155 bridges (resources/devnet/README.md, step
 * 9, {@code 0x…1009}, {@code 0x…100a} and {@code 0x…100b}): on the root a mirror template ({@code
 * ChildERC20} / {@code ChildERC721} / {@code ChildERC1155}) and the {@code
 * ChildMintable*Predicate}; on the child the {@code RootMintable*Predicate} at Edge's address,
 * initialised by the system caller; and child-native demo tokens (owner-mintable, deployed normally
 * on the child). The tokens are mapped by the demo traffic, so deploying sends no bridge message.
 */
final class MintableDeployer {

  record Deployed(
      Address childMintableErc20Predicate,
      Address childNative,
      Address childMintableErc721Predicate,
      Address childNativeNft,
      Address childMintableErc1155Predicate,
      Address childNativeMulti) {}

  private final ChainClient root;
  private final ChainClient child;
  private final Address deployer;

  MintableDeployer(ChainClient root, ChainClient child, Address deployer) {
    this.root = root;
    this.child = child;
    this.deployer = deployer;
  }

  /** Needs SYSTEM impersonated and funded on the child (done by the ERC-20 deployment). */
  Deployed deploy(DevnetContracts c) {
    Address rootSide =
        pair(c, "ChildERC20", "ERC20Predicate", DevnetAssets.ROOT_MINTABLE_ERC20_PREDICATE);
    Address token =
        create(
            child,
            "RootERC20",
            Abi.encode(
                AssetDeployer.text("Bridgescope Child Token"),
                AssetDeployer.text("BSC"),
                AbiValue.uint(18)));
    Address rootSide721 =
        pair(c, "ChildERC721", "ERC721Predicate", DevnetAssets.ROOT_MINTABLE_ERC721_PREDICATE);
    Address nft =
        create(
            child,
            "RootERC721",
            Abi.encode(AssetDeployer.text("Bridgescope Child Kitties"), AssetDeployer.text("BCK")));
    Address rootSide1155 =
        pair(c, "ChildERC1155", "ERC1155Predicate", DevnetAssets.ROOT_MINTABLE_ERC1155_PREDICATE);
    Address multi =
        create(
            child, "RootERC1155", Abi.encode(AssetDeployer.text("ipfs://bridgescope-child/{id}")));
    return new Deployed(rootSide, token, rootSide721, nft, rootSide1155, multi);
  }

  /**
   * One child-native pair: {@code template} deployed on the root as the mirror template, {@code
   * ChildMintable<kind>} on the root, {@code RootMintable<kind>} at {@code at} on the child; both
   * initialised. Returns the root side.
   */
  private Address pair(DevnetContracts c, String templateName, String kind, Address at) {
    Address template = create(root, templateName, new byte[0]);
    Address rootSide = create(root, "ChildMintable" + kind, new byte[0]);
    String init = "initialize(address,address,address,address)";
    AssetDeployer.send(
        root,
        deployer,
        rootSide,
        Abi.call(
            init,
            AbiValue.address(c.stateSender()),
            AbiValue.address(c.exitHelper()),
            AbiValue.address(at),
            AbiValue.address(template)),
        "ChildMintable" + kind + ".initialize");
    child.rpc(
        "anvil_setCode",
        List.of(
            at.toString(), Hex.encode(Artifacts.load("RootMintable" + kind).deployedBytecode())));
    AssetDeployer.send(
        child,
        DevnetContracts.SYSTEM,
        at,
        Abi.call(
            init,
            AbiValue.address(c.l2StateSender()),
            AbiValue.address(c.stateReceiver()),
            AbiValue.address(rootSide),
            AbiValue.address(template)),
        "RootMintable" + kind + ".initialize");
    return rootSide;
  }

  private Address create(ChainClient chain, String name, byte[] args) {
    Artifacts.Artifact a = Artifacts.load(name);
    byte[] code = new byte[a.bytecode().length + args.length];
    System.arraycopy(a.bytecode(), 0, code, 0, a.bytecode().length);
    System.arraycopy(args, 0, code, a.bytecode().length, args.length);
    TransactionReceipt r = AssetDeployer.send(chain, deployer, null, code, "deploy " + name);
    if (r.getContractAddress() == null) {
      throw new DevnetException(
          "deploying " + name + " on the " + chain.label() + " chain gave no contract address");
    }
    return Address.of(r.getContractAddress());
  }
}
