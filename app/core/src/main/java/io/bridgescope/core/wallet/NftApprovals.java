package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import java.util.List;
import java.util.Optional;

/**
 * When the signer lets a {@code setApprovalForAll} through: it must grant (never revoke or hand to
 * anyone else) the predicate a deposit leaves through on that chain (the profile's root ERC-721 or
 * ERC-1155 predicate on the root; Edge's root-mintable NFT predicates {@code 0x…100a} / {@code
 * 0x…100b} for a child-native token on the child), and be signed together with a deposit of that
 * same token to that same predicate. An operator may move every token of the collection, so any
 * other operator is refused like an unknown call.
 */
final class NftApprovals {

  private NftApprovals() {}

  /** Why {@code s}, sent to token {@code tx.to()}, may not be signed; empty when it may. */
  static Optional<String> check(
      NetworkProfile profile,
      NftCalls.SetApproval s,
      UnsignedTx tx,
      ChainRole role,
      List<SigningPolicy.Companion> companions) {
    BridgeContracts c = profile.contracts();
    io.bridgescope.core.asset.AssetPredicates child =
        io.bridgescope.core.asset.AssetPredicates.of(c);
    List<Address> predicates =
        role == ChainRole.ROOT
            ? java.util.stream.Stream.of(
                    c.rootErc721PredicateIfAny(), c.rootErc1155PredicateIfAny())
                .flatMap(Optional::stream)
                .toList()
            : java.util.stream.Stream.of(
                    child.address(io.bridgescope.core.asset.AssetPredicate.ROOT_MINTABLE_ERC721),
                    child.address(io.bridgescope.core.asset.AssetPredicate.ROOT_MINTABLE_ERC1155))
                .filter(java.util.Objects::nonNull)
                .toList();
    String call =
        "setApprovalForAll(operator="
            + s.operator()
            + ", approved="
            + s.approved()
            + ") on token "
            + tx.to();
    if (!s.approved()) {
      return Optional.of(call + " revokes an approval: not a bridge call the wallet signs");
    }
    if (!predicates.contains(s.operator())) {
      return Optional.of(
          call
              + " is not a bridge call: the operator could move every token of the collection, and"
              + " the wallet makes only the "
              + (role == ChainRole.ROOT
                  ? "root NFT predicates"
                  : "child's root-mintable NFT predicates")
              + " of profile '"
              + profile.name()
              + "' operators on the "
              + role.key()
              + " chain ("
              + (predicates.isEmpty() ? "the profile names none" : predicates)
              + ")");
    }
    boolean withDeposit =
        companions.stream()
            .filter(d -> d.to().equals(s.operator()))
            .map(d -> CallDecoder.decode(d.data().value(), d.to(), c))
            .flatMap(Optional::stream)
            .anyMatch(
                d ->
                    d instanceof NftCalls.NftMove m
                        && m.deposit()
                        && m.function().chain == role
                        && m.token().equals(tx.to()));
    if (!withDeposit) {
      return Optional.of(
          call
              + " is signed only together with a deposit of that token to that predicate"
              + " (bridgescope deposit --erc721/--erc1155)");
    }
    return Optional.empty();
  }
}
