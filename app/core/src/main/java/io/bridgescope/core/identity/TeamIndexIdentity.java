package io.bridgescope.core.identity;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.ChainIdentityDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreException;
import io.bridgescope.core.store.rows.ChainPin;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A reader's check that a team index holds the network it is read as (issue 20). The indexer of a
 * team index pins each chain it indexes ({@link ChainGuard}: chain id and genesis hash in {@code
 * chain_identity}); a reader talks to no node, so it compares those pins with what it knows:
 *
 * <ul>
 *   <li>the chain ids of the network profile it reads the index with, root and child;
 *   <li>the genesis hashes pinned in the reader's own local index of that network, when it has one
 *       (a restarted devnet or a fork keeps its chain id but not its genesis).
 * </ul>
 *
 * A mismatch is refused with {@link StoreException.Reason#OTHER_NETWORK}, naming both chains and
 * what to do. An index whose chains are not pinned yet (new, its indexer not started) has no rows
 * of any chain and is read as empty.
 */
public final class TeamIndexIdentity {

  private TeamIndexIdentity() {}

  /**
   * Throws when {@code team} holds another network than {@code profile} (and, where {@code local}
   * has pins, than the local index of that network).
   *
   * @param local the reader's local index of the same network, or null when it has none
   */
  public static void requireSameNetwork(
      NetworkProfile profile, Database team, @Nullable Database local) {
    Map<ChainRole, ChainPin> pins = pins(team);
    Map<ChainRole, ChainPin> known = local == null ? Map.of() : pins(local);
    for (ChainRole role : ChainRole.values()) {
      ChainPin pin = pins.get(role);
      if (pin == null) {
        continue;
      }
      long expected = profile.chain(role).chainId();
      if (pin.chainId() != expected) {
        throw otherChainId(profile, team, role, pin, expected);
      }
      ChainPin mine = known.get(role);
      if (mine != null
          && mine.chainId() == pin.chainId()
          && !mine.genesisHash().equals(pin.genesisHash())) {
        throw otherGenesis(profile, team, role, pin, mine, local);
      }
    }
  }

  private static Map<ChainRole, ChainPin> pins(Database db) {
    return db.read(
        c -> {
          Map<ChainRole, ChainPin> out = new EnumMap<>(ChainRole.class);
          ChainIdentityDao dao = new ChainIdentityDao(c);
          for (ChainRole role : ChainRole.values()) {
            Optional<ChainPin> p = dao.get(role);
            p.ifPresent(pin -> out.put(role, pin));
          }
          return out;
        });
  }

  private static StoreException otherChainId(
      NetworkProfile profile, Database team, ChainRole role, ChainPin pin, long expected) {
    return new StoreException(
        StoreException.Reason.OTHER_NETWORK,
        "The team index "
            + team.location()
            + " holds another network: its "
            + role.key()
            + " chain is chain id "
            + pin.chainId()
            + " (genesis "
            + pin.genesisHash()
            + "), but network '"
            + profile.name()
            + "' has "
            + role.key()
            + " chain id "
            + expected
            + ". Read it with the network profile it was indexed for, or point --db (or the"
            + " profile's \"store\") at this network's team index.",
        null);
  }

  private static StoreException otherGenesis(
      NetworkProfile profile,
      Database team,
      ChainRole role,
      ChainPin pin,
      ChainPin mine,
      @Nullable Database local) {
    return new StoreException(
        StoreException.Reason.OTHER_NETWORK,
        "The team index "
            + team.location()
            + " holds another "
            + role.key()
            + " chain with the same chain id "
            + pin.chainId()
            + " (restarted devnet or fork): genesis "
            + pin.genesisHash()
            + " there, "
            + mine.genesisHash()
            + " in the local index "
            + (local == null ? "" : local.location())
            + " of network '"
            + profile.name()
            + "'. Point --db (or the profile's \"store\") at this chain's team index, or, if the"
            + " team index is the right one, move the local index aside.",
        null);
  }
}
