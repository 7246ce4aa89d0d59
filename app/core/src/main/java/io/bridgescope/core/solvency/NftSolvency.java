package io.bridgescope.core.solvency;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * The solvency rows of the NFT predicate families: root-native ERC-721 and ERC-1155 ({@code
 * 0x…1006}, {@code 0x…1008}; escrow held by the root predicate, mirrors on the child) and
 * child-native ones ({@code 0x…100a}, {@code 0x…100b}; escrow held by that predicate on the child,
 * mirrors on the root). The escrow is read with {@code balanceOf} on the token's home chain, the
 * mirror's supply from its mint and burn logs ({@link SupplyLogs}), so an id minted on the mirror
 * side that no message paid for shows as a deficit. ERC-721 is one row per token counted in ids,
 * ERC-1155 one row per id.
 */
final class NftSolvency {

  private final BridgeContracts contracts;
  private final ChainClient root;
  private final ChainClient child;
  private final SupplyLogs supplies;

  NftSolvency(BridgeContracts contracts, ChainClient root, ChainClient child, SupplyLogs supplies) {
    this.contracts = contracts;
    this.root = root;
    this.child = child;
    this.supplies = supplies;
  }

  /** One side of a token: the chain, its block, and that block as a call parameter. */
  private record Side(ChainClient chain, long block) {
    DefaultBlockParameter at() {
      return DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    }
  }

  /**
   * The rows of every token of {@code family} that {@code flights} names, as of root block {@code
   * rootBlock} and child block {@code childBlock}; none when the profile names no escrow for the
   * family (a network without root NFT predicates).
   */
  List<TokenSolvency> rows(
      AssetPredicate family, Map<Address, InFlight.Nfts> flights, long rootBlock, long childBlock) {
    Address predicate = AssetPredicates.of(contracts).address(family);
    Optional<Address> escrowHolder =
        family.home() == TokenHome.CHILD
            ? Optional.ofNullable(predicate)
            : family.kind() == io.bridgescope.core.asset.AssetKind.ERC721
                ? contracts.rootErc721PredicateIfAny()
                : contracts.rootErc1155PredicateIfAny();
    if (predicate == null || escrowHolder.isEmpty()) {
      return List.of();
    }
    Side rootSide = new Side(root, rootBlock);
    Side childSide = new Side(child, childBlock);
    boolean rootNative = family.home() == TokenHome.ROOT;
    Side home = rootNative ? rootSide : childSide;
    Side mirrorSide = rootNative ? childSide : rootSide;
    List<TokenSolvency> out = new ArrayList<>();
    for (var e : flights.entrySet()) {
      Address token = e.getKey();
      Address mirror = Solvency.mapped(child, predicate, token, childSide.at());
      // a root-native token's child clone is made when it is mapped; a child-native token's root
      // mirror only when the mapping's exit is processed, so it may not exist yet at the root block
      boolean minted =
          !mirror.equals(Address.ZERO) && (rootNative || root.code(mirror, rootBlock).length > 0);
      Address rootToken = rootNative ? token : mirror;
      Optional<Address> childToken =
          rootNative
              ? (mirror.equals(Address.ZERO) ? Optional.empty() : Optional.of(mirror))
              : Optional.of(token);
      InFlight.Nfts n = e.getValue();
      if (family.kind() == io.bridgescope.core.asset.AssetKind.ERC721) {
        BigInteger escrow =
            uint(
                home.chain().call(null, token, BridgeAbi.balanceOf(escrowHolder.get()), home.at()),
                "balanceOf");
        BigInteger supply =
            minted
                ? supplies.erc721(mirrorSide.chain(), mirror, mirrorSide.block())
                : BigInteger.ZERO;
        out.add(
            n.sums()
                .judge(
                    AssetKind.ERC721,
                    rootToken,
                    childToken,
                    escrow,
                    supply,
                    family.home(),
                    Optional.empty()));
        continue;
      }
      SortedMap<BigInteger, BigInteger> supply =
          minted
              ? supplies.erc1155(mirrorSide.chain(), mirror, mirrorSide.block())
              : new java.util.TreeMap<>();
      SortedSet<BigInteger> ids = new TreeSet<>(n.perId().keySet());
      ids.addAll(supply.keySet());
      for (BigInteger id : ids) {
        BigInteger escrow =
            uint(
                home.chain()
                    .call(
                        null,
                        token,
                        Abi.call(
                            "balanceOf(address,uint256)",
                            AbiValue.address(escrowHolder.get()),
                            AbiValue.uint(id)),
                        home.at()),
                "balanceOf");
        out.add(
            n.perId()
                .getOrDefault(id, InFlight.Sums.zero())
                .judge(
                    AssetKind.ERC1155,
                    rootToken,
                    childToken,
                    escrow,
                    supply.getOrDefault(id, BigInteger.ZERO),
                    family.home(),
                    Optional.of(id)));
      }
    }
    return out;
  }

  private static BigInteger uint(byte[] answer, String what) {
    return new AbiReader(answer).uint(what, 0);
  }
}
