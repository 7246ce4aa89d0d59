package io.bridgescope.core.solvency;

import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * One mapped token's invariant: the escrow on the token's home chain equals the supply of its
 * mirror on the other chain plus what is in flight (deposits escrowed but not minted, withdrawals
 * burned but not released), with those whose delivery failed so far counted apart (their tokens
 * move only if a retry succeeds).
 *
 * <p>For a root-native token ({@code home} ROOT) the escrow is the root predicate's balance and
 * {@code childSupply} the child token's supply. For a child-native token ({@code home} CHILD,
 * Edge's root-mintable family) the directions swap: {@code escrow} is held by the child predicate
 * ({@code 0x…1009}), {@code childSupply} is the supply of the mirror on the root, "deposits" travel
 * child to root and "exits" root to child; {@code rootToken} is the mirror and {@code childToken}
 * the token.
 *
 * <p>{@code difference = escrow - (childSupply + depositsInFlight + depositsFailed + exitsInFlight
 * + exitsFailed)}: zero when solvent, negative when the child holds more than the root backs (a
 * deficit: unbacked tokens), positive when the escrow holds more than it owes (a surplus, e.g. a
 * token sent to the predicate directly).
 *
 * <p>An ERC-1155 token has one row per id ({@code id}), each with that id's escrow, supply and
 * amounts in flight; ERC-20 and ERC-721 rows have none.
 *
 * @param childToken empty when the token is not mapped on the child (its supply is then zero)
 * @param home where the token is native, which says which chain holds the escrow
 * @param id the ERC-1155 id this row is about, or empty
 */
public record TokenSolvency(
    AssetKind kind,
    Address rootToken,
    Optional<Address> childToken,
    BigInteger escrow,
    BigInteger childSupply,
    BigInteger depositsInFlight,
    BigInteger depositsFailed,
    BigInteger exitsInFlight,
    BigInteger exitsFailed,
    TokenHome home,
    Optional<BigInteger> id) {

  /** A token's invariant, not about one id. */
  public TokenSolvency(
      AssetKind kind,
      Address rootToken,
      Optional<Address> childToken,
      BigInteger escrow,
      BigInteger childSupply,
      BigInteger depositsInFlight,
      BigInteger depositsFailed,
      BigInteger exitsInFlight,
      BigInteger exitsFailed,
      TokenHome home) {
    this(
        kind,
        rootToken,
        childToken,
        escrow,
        childSupply,
        depositsInFlight,
        depositsFailed,
        exitsInFlight,
        exitsFailed,
        home,
        Optional.empty());
  }

  /** A root-native token's invariant (the escrow on the root, the supply on the child). */
  public TokenSolvency(
      AssetKind kind,
      Address rootToken,
      Optional<Address> childToken,
      BigInteger escrow,
      BigInteger childSupply,
      BigInteger depositsInFlight,
      BigInteger depositsFailed,
      BigInteger exitsInFlight,
      BigInteger exitsFailed) {
    this(
        kind,
        rootToken,
        childToken,
        escrow,
        childSupply,
        depositsInFlight,
        depositsFailed,
        exitsInFlight,
        exitsFailed,
        TokenHome.ROOT);
  }

  /** Whether the invariant holds, and which way it fails. */
  public enum Status {
    BALANCED,
    DEFICIT,
    SURPLUS;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public TokenSolvency {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rootToken, "rootToken");
    Objects.requireNonNull(childToken, "childToken");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(id, "id");
  }

  /** What the escrow owes: everything minted on the child or on its way in or out. */
  public BigInteger owed() {
    return childSupply
        .add(depositsInFlight)
        .add(depositsFailed)
        .add(exitsInFlight)
        .add(exitsFailed);
  }

  public BigInteger difference() {
    return escrow.subtract(owed());
  }

  public Status status() {
    int s = difference().signum();
    return s == 0 ? Status.BALANCED : s < 0 ? Status.DEFICIT : Status.SURPLUS;
  }
}
