package io.bridgescope.cli.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.NftPlanner;
import io.bridgescope.core.wallet.Review;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope withdraw}: start a withdrawal on the child (withdrawTo / withdrawBatch on
 * the child predicate of the token's kind).
 */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    description = {
      "Start a withdrawal on the child chain (ERC-20, ERC-721 or ERC-1155); claim it later with"
          + " `exit`.",
      "  withdraw --token T --amount 1.5 | --erc721 T --id 7[,8] | --erc1155 T --id 1,2 --amount"
          + " 10,5",
      "  withdraw --from-root --token ROOT_MIRROR --amount 5 | --erc721 M --id 7 | --erc1155 M --id"
          + " 1 --amount 10   (a root mirror of a child-native token sent home; the child releases"
          + " it from escrow once the state sync is executed there)"
    })
public final class WithdrawCommand implements Callable<Integer> {

  static final String FROM_ROOT =
      "Send the root mirror of a child-native token (--token, --erc721 or --erc1155 on the root)"
          + " home through Edge's child-mintable predicate of its kind on the root (profile field"
          + " contracts.childMintableErc*Predicate): burnt on the root, released from escrow on the"
          + " child.";

  @Option(names = "--from-root", description = FROM_ROOT)
  boolean fromRoot;

  @Mixin Actions actions;

  @Mixin AssetOptions asset;

  @Option(
      names = "--to",
      description =
          "Receiver on the other chain: the root, or the child with --from-root (default: the"
              + " key's address).")
  String to;

  @Option(
      names = "--allow-burn",
      description = "Allow --to to be the zero address (the tokens are destroyed for good).")
  boolean allowBurn;

  @Override
  public Integer call() throws Exception {
    // the arguments are checked before anything is opened or asked of a node
    AssetOptions.Erc20 erc20 = asset.erc20();
    NftPlanner.Items items = erc20 == null ? asset.nftItems() : null;
    try (WalletOptions.Session s = actions.opts.open()) {
      Address from = actions.keyInfo().address();
      Address receiver = to == null ? from : Address.of(to);
      if (fromRoot) {
        Review r =
            erc20 != null
                ? s.wallet()
                    .bridge()
                    .prepareWithdrawFromRoot(
                        from, erc20.token(), receiver, erc20.amount(), allowBurn)
                : s.wallet()
                    .nfts()
                    .prepareWithdrawFromRoot(
                        from,
                        asset.nftToken(),
                        receiver,
                        java.util.Objects.requireNonNull(items),
                        allowBurn);
        return actions.run(s, r);
      }
      if (erc20 != null) {
        return actions.run(
            s,
            s.wallet()
                .bridge()
                .prepareWithdraw(from, erc20.token(), receiver, erc20.amount(), allowBurn));
      }
      return actions.run(
          s,
          s.wallet()
              .nfts()
              .prepareWithdraw(
                  from,
                  asset.nftToken(),
                  receiver,
                  java.util.Objects.requireNonNull(items),
                  allowBurn));
    }
  }
}
