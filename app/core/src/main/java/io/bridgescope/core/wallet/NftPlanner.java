package io.bridgescope.core.wallet;

import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deposits (root) and withdrawals (child) of ERC-721 ids and ERC-1155 id/amount pairs through the
 * Root/Child ERC721 and ERC1155 predicates: one id is a {@code depositTo} / {@code withdrawTo},
 * more are a {@code depositBatch} / {@code withdrawBatch}. A deposit is preceded by {@code
 * setApprovalForAll(predicate, true)} when the predicate is not an operator of the sender yet. The
 * preflight reads who owns every ERC-721 id ({@code ownerOf}) or the balance of every ERC-1155 id
 * ({@code balanceOf}) before anything is simulated. Each call shown is decoded from the bytes that
 * will be signed.
 */
public final class NftPlanner {

  private final BridgeContracts contracts;
  private final TxPlanner planner;
  private final ChainViews views;

  NftPlanner(BridgeContracts contracts, TxPlanner planner, ChainViews views) {
    this.contracts = contracts;
    this.planner = planner;
    this.views = views;
  }

  /**
   * What to move: ERC-721 ids (no amounts), or ERC-1155 ids with one amount each. Refuses an empty
   * list, an ERC-721 id given twice, amounts for ERC-721, a missing or zero ERC-1155 amount.
   */
  public record Items(AssetKind kind, List<BigInteger> ids, List<BigInteger> amounts) {
    public Items {
      ids = List.copyOf(ids);
      amounts = List.copyOf(amounts);
      if (kind != AssetKind.ERC721 && kind != AssetKind.ERC1155) {
        throw new IllegalArgumentException(
            "kind: " + kind + " is not an NFT kind (ERC-721 or ERC-1155)");
      }
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("ids: give at least one token id");
      }
      for (BigInteger id : ids) {
        if (id.signum() < 0 || id.bitLength() > 256) {
          throw new IllegalArgumentException("ids: " + id + " is not a uint256 token id");
        }
      }
      if (kind == AssetKind.ERC721) {
        if (!amounts.isEmpty()) {
          throw new IllegalArgumentException("amounts: an ERC-721 id is one token; give no amount");
        }
        if (ids.stream().distinct().count() != ids.size()) {
          throw new IllegalArgumentException("ids: an ERC-721 id is given twice " + ids);
        }
      } else {
        if (amounts.size() != ids.size()) {
          throw new IllegalArgumentException(
              "amounts: give one amount per ERC-1155 id ("
                  + ids.size()
                  + " ids, "
                  + amounts.size()
                  + " amounts)");
        }
        for (BigInteger a : amounts) {
          if (a.signum() <= 0 || a.bitLength() > 256) {
            throw new IllegalArgumentException(
                "amounts: " + a + " is not a positive uint256 amount");
          }
        }
      }
    }

    public static Items erc721(List<BigInteger> ids) {
      return new Items(AssetKind.ERC721, ids, List.of());
    }

    public static Items erc1155(List<BigInteger> ids, List<BigInteger> amounts) {
      return new Items(AssetKind.ERC1155, ids, amounts);
    }

    /**
     * Token ids or amounts as a user typed them: each of {@code texts} holds one or more whole
     * numbers separated by commas or white space (a form's field, or a command line's
     * comma-separated values). A part that is not decimal digits, or longer than uint256's 78
     * digits, is an {@link IllegalArgumentException} that starts with {@code field} and quotes the
     * part cut to 20 characters; nothing longer is parsed.
     */
    public static List<BigInteger> numbers(String field, List<String> texts) {
      List<BigInteger> out = new ArrayList<>();
      for (String text : texts) {
        for (String part : text.strip().split("[,\\s]+")) {
          if (part.isEmpty()) {
            continue;
          }
          if (part.length() > MAX_DIGITS || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String shown = part.length() > 20 ? part.substring(0, 20) + "…" : part;
            throw new IllegalArgumentException(
                field + ": '" + shown + "' is not a whole number (decimal digits, up to 78)");
          }
          out.add(new BigInteger(part));
        }
      }
      return out;
    }

    /** uint256 has at most 78 decimal digits. */
    private static final int MAX_DIGITS = 78;
  }

  /** Deposits {@code items} of {@code rootToken} to {@code receiver} on the child. */
  public Review prepareDeposit(
      Address from, Address rootToken, Address receiver, Items items, boolean allowBurn) {
    List<String> checks = new ArrayList<>();
    BridgePlanner.receiverCheck(receiver, "child", "deposit", allowBurn).ifPresent(checks::add);
    Address predicate = rootPredicate(items.kind());
    holds(ChainRole.ROOT, from, rootToken, items, checks);
    byte[] depositData = depositData(rootToken, receiver, items);
    DecodedCall depositCall = decoded(predicate, depositData);
    String summary = summary(predicate, depositData);
    List<Step> steps = new ArrayList<>();
    if (!views.approvedForAll(ChainRole.ROOT, rootToken, from, predicate)) {
      byte[] approveData = AssetCalls.setApprovalForAll(predicate, true);
      UnsignedTx approve =
          planner.plan(
              ChainRole.ROOT,
              from,
              rootToken,
              approveData,
              TxPurpose.APPROVE,
              Optional.empty(),
              summary(rootToken, approveData),
              checks);
      steps.add(Step.planned(decoded(rootToken, approveData), approve));
      steps.add(
          planner.depositStep(
              ChainRole.ROOT, from, predicate, depositData, depositCall, summary, checks, true));
    } else {
      checks.add(
          "the root predicate "
              + predicate
              + " is already an operator of "
              + from
              + " for "
              + rootToken
              + " (isApprovedForAll)");
      steps.add(
          planner.depositStep(
              ChainRole.ROOT, from, predicate, depositData, depositCall, summary, checks, false));
    }
    return new Review(
        "Deposit: " + summary,
        from,
        steps,
        checks,
        List.of(
            "the validators commit it on the child; the relayer (or `bridgescope self-execute`)"
                + " executes it, and the child predicate mints the ids there"),
        "deposit:" + from + ":" + Bytes.of(depositData).hashCode());
  }

  /**
   * Deposits {@code items} of child-native {@code token} from the child to {@code receiver} on the
   * root through Edge's RootMintableERC721/1155Predicate ({@code 0x…100a} / {@code 0x…100b}): it
   * escrows them, and the exit it emits mints them on the root mirror once claimed. The first
   * deposit of a token the predicate does not map yet starts with {@code mapToken(token)}; {@code
   * setApprovalForAll(predicate, true)} on the child comes first when the predicate is not an
   * operator yet. Later steps are simulated and signed once the one before is mined.
   */
  public Review prepareDepositFromChild(
      Address from, Address token, Address receiver, Items items, boolean allowBurn) {
    AssetPredicate family =
        items.kind() == AssetKind.ERC721
            ? AssetPredicate.ROOT_MINTABLE_ERC721
            : AssetPredicate.ROOT_MINTABLE_ERC1155;
    Address predicate =
        Objects.requireNonNull(
            AssetPredicates.of(contracts).address(family), "every predicate has an address");
    String name =
        items.kind() == AssetKind.ERC721
            ? "RootMintableERC721Predicate"
            : "RootMintableERC1155Predicate";
    List<String> checks = new ArrayList<>();
    BridgePlanner.receiverCheck(receiver, "root", "deposit", allowBurn).ifPresent(checks::add);
    holds(ChainRole.CHILD, from, token, items, checks);
    List<Step> steps = new ArrayList<>();
    String next =
        "once a checkpoint covers it, claim it on the root with `bridgescope exit` (that mints the"
            + " ids on the root mirror)";
    if (views.childNativeMirror(predicate, token).equals(Address.ZERO)) {
      checks.add(token + " is not mapped by the child's " + name + " yet: the first step maps it");
      steps.add(MapTokenCall.step(planner, contracts, from, predicate, token, checks));
      next =
          "the mapping's exit makes the root mirror: `bridgescope exit --all` claims it before the"
              + " deposit's; "
              + next;
    } else {
      checks.add(token + " is mapped by the child's " + name);
    }
    if (!views.approvedForAll(ChainRole.CHILD, token, from, predicate)) {
      byte[] approveData = AssetCalls.setApprovalForAll(predicate, true);
      steps.add(
          Step.planned(
              decoded(token, approveData),
              planner.plan(
                  ChainRole.CHILD,
                  from,
                  token,
                  approveData,
                  TxPurpose.APPROVE,
                  Optional.empty(),
                  summary(token, approveData),
                  checks)));
    } else {
      checks.add(
          "the child's "
              + name
              + " "
              + predicate
              + " is already an operator of "
              + from
              + " for "
              + token
              + " (isApprovedForAll)");
    }
    byte[] depositData = depositData(token, receiver, items);
    DecodedCall depositCall = decoded(predicate, depositData);
    String summary = summary(predicate, depositData);
    steps.add(
        planner.depositStep(
            ChainRole.CHILD,
            from,
            predicate,
            depositData,
            depositCall,
            summary,
            checks,
            !steps.isEmpty()));
    return new Review(
        "Deposit: " + summary,
        from,
        steps,
        checks,
        List.of(next),
        "deposit:" + from + ":" + Bytes.of(depositData).hashCode());
  }

  /** Burns {@code items} of {@code childToken} on the child, to be exited to {@code receiver}. */
  public Review prepareWithdraw(
      Address from, Address childToken, Address receiver, Items items, boolean allowBurn) {
    return withdraw(
        ChainRole.CHILD,
        childPredicate(items.kind()),
        from,
        childToken,
        receiver,
        items,
        allowBurn);
  }

  /**
   * Sends {@code items} of the root mirror {@code mirror} of a child-native NFT home: Edge's
   * ChildMintableERC721/1155Predicate on the root burns them, and its state sync releases them from
   * the escrow on the child to {@code receiver} once committed and executed there.
   */
  public Review prepareWithdrawFromRoot(
      Address from, Address mirror, Address receiver, Items items, boolean allowBurn) {
    boolean erc721 = items.kind() == AssetKind.ERC721;
    BridgeFunction f =
        erc721
            ? BridgeFunction.WITHDRAW_BATCH_721_FROM_ROOT
            : BridgeFunction.WITHDRAW_BATCH_1155_FROM_ROOT;
    Address predicate =
        f.contract(contracts).orElseThrow(() -> Erc20Withdrawal.noChildMintablePredicate(f));
    return withdraw(ChainRole.ROOT, predicate, from, mirror, receiver, items, allowBurn);
  }

  private Review withdraw(
      ChainRole chain,
      Address predicate,
      Address from,
      Address token,
      Address receiver,
      Items items,
      boolean allowBurn) {
    boolean home = chain == ChainRole.ROOT;
    List<String> checks = new ArrayList<>();
    BridgePlanner.receiverCheck(receiver, home ? "child" : "root", "withdraw", allowBurn)
        .ifPresent(checks::add);
    Address other = views.rootTokenOf(chain, token);
    checks.add(
        home
            ? token + " is the root mirror of child-native token " + other
            : token + " is the child token of root token " + other);
    holds(chain, from, token, items, checks);
    byte[] data = withdrawData(token, receiver, items);
    String summary = summary(predicate, data);
    UnsignedTx tx =
        planner.plan(
            chain, from, predicate, data, TxPurpose.WITHDRAW, Optional.empty(), summary, checks);
    return new Review(
        "Start a withdrawal: " + summary,
        from,
        List.of(Step.planned(decoded(predicate, data), tx)),
        checks,
        List.of(
            home
                ? "the validators commit it on the child and the relayer (or `bridgescope"
                    + " self-execute`) executes it: the child's root-mintable predicate then"
                    + " releases the ids from escrow"
                : "once a checkpoint covers it, claim it on the root with `bridgescope exit`; the"
                    + " root predicate then releases the ids from escrow"),
        "withdraw:" + from + ":" + Bytes.of(data).hashCode());
  }

  private Address rootPredicate(AssetKind kind) {
    Optional<Address> p =
        kind == AssetKind.ERC721
            ? contracts.rootErc721PredicateIfAny()
            : contracts.rootErc1155PredicateIfAny();
    return p.orElseThrow(
        () ->
            new WalletException(
                Kind.REFUSED,
                "the network profile names no root "
                    + text(kind)
                    + " predicate (contracts."
                    + (kind == AssetKind.ERC721 ? "rootErc721Predicate" : "rootErc1155Predicate")
                    + "), so the wallet cannot deposit "
                    + text(kind)
                    + " tokens; import the profile again from the chain's genesis.json or add"
                    + " the address; nothing was signed"));
  }

  private Address childPredicate(AssetKind kind) {
    BridgeFunction f =
        kind == AssetKind.ERC721
            ? BridgeFunction.WITHDRAW_BATCH_721
            : BridgeFunction.WITHDRAW_BATCH_1155;
    return f.contract(contracts).orElseThrow();
  }

  /** Ownership (ERC-721) or balance (ERC-1155) of every id, read from {@code chain}. */
  private void holds(
      ChainRole chain, Address from, Address token, Items items, List<String> checks) {
    String where = chain == ChainRole.ROOT ? "root" : "child";
    if (items.kind() == AssetKind.ERC721) {
      for (BigInteger id : items.ids()) {
        Optional<Address> owner = views.ownerOf(chain, token, id);
        if (owner.isEmpty()) {
          throw new WalletException(
              chain == ChainRole.CHILD ? Kind.NOT_READY : Kind.INSUFFICIENT_FUNDS,
              "ERC-721 id "
                  + id
                  + " of "
                  + token
                  + " does not exist on the "
                  + where
                  + " chain (ownerOf reverts)"
                  + (chain == ChainRole.CHILD
                      ? ": it was never deposited, its deposit is not executed yet, or it was"
                          + " withdrawn already"
                      : "")
                  + "; nothing was signed");
        }
        if (!owner.get().equals(from)) {
          throw new WalletException(
              Kind.INSUFFICIENT_FUNDS,
              "ERC-721 id "
                  + id
                  + " of "
                  + token
                  + " is owned by "
                  + owner.get()
                  + " on the "
                  + where
                  + " chain, not by "
                  + from
                  + "; nothing was signed");
        }
      }
      checks.add(from + " owns ERC-721 " + NftCalls.list(items.ids()) + " of " + token);
      return;
    }
    Map<BigInteger, BigInteger> wanted = new LinkedHashMap<>();
    for (int i = 0; i < items.ids().size(); i++) {
      wanted.merge(items.ids().get(i), items.amounts().get(i), BigInteger::add);
    }
    List<String> held = new ArrayList<>();
    for (Map.Entry<BigInteger, BigInteger> e : wanted.entrySet()) {
      BigInteger has = views.balance1155(chain, token, from, e.getKey());
      if (has.compareTo(e.getValue()) < 0) {
        throw new WalletException(
            Kind.INSUFFICIENT_FUNDS,
            from
                + " holds "
                + has
                + " of ERC-1155 id "
                + e.getKey()
                + " of "
                + token
                + " on the "
                + where
                + " chain but wants to move "
                + e.getValue()
                + "; nothing was signed");
      }
      held.add("id " + e.getKey() + ": " + has + " ≥ " + e.getValue());
    }
    checks.add(from + " holds enough ERC-1155 of " + token + " (" + String.join(", ", held) + ")");
  }

  private static byte[] depositData(Address token, Address receiver, Items items) {
    if (items.ids().size() == 1) {
      return items.kind() == AssetKind.ERC721
          ? AssetCalls.depositTo721(token, receiver, items.ids().get(0))
          : AssetCalls.depositTo1155(token, receiver, items.ids().get(0), items.amounts().get(0));
    }
    List<Address> receivers = Collections.nCopies(items.ids().size(), receiver);
    return items.kind() == AssetKind.ERC721
        ? AssetCalls.depositBatch721(token, receivers, items.ids())
        : AssetCalls.depositBatch1155(token, receivers, items.ids(), items.amounts());
  }

  private static byte[] withdrawData(Address token, Address receiver, Items items) {
    if (items.ids().size() == 1) {
      return items.kind() == AssetKind.ERC721
          ? AssetCalls.withdrawTo721(token, receiver, items.ids().get(0))
          : AssetCalls.withdrawTo1155(token, receiver, items.ids().get(0), items.amounts().get(0));
    }
    List<Address> receivers = Collections.nCopies(items.ids().size(), receiver);
    return items.kind() == AssetKind.ERC721
        ? AssetCalls.withdrawBatch721(token, receivers, items.ids())
        : AssetCalls.withdrawBatch1155(token, receivers, items.ids(), items.amounts());
  }

  /** The review's call, decoded from {@code data} as the signer will decode it. */
  private DecodedCall decoded(Address to, byte[] data) {
    return DecodedCall.of(to, data, contracts);
  }

  private String summary(Address to, byte[] data) {
    return Summaries.of(to, data, contracts);
  }

  private static String text(AssetKind kind) {
    return kind == AssetKind.ERC721 ? "ERC-721" : "ERC-1155";
  }
}
