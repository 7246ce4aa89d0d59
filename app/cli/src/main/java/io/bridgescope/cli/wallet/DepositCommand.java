package io.bridgescope.cli.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.NftPlanner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope deposit}: approve / setApprovalForAll (if needed) and depositTo or
 * depositBatch on the root predicate of the token's kind.
 */
@Command(
    name = "deposit",
    mixinStandardHelpOptions = true,
    description = {
      "Deposit a root token to the child chain: ERC-20 (approve + depositTo), ERC-721 or"
          + " ERC-1155 (setApprovalForAll + depositTo / depositBatch).",
      "  deposit --token T --amount 1.5 | --erc721 T --id 7[,8] | --erc1155 T --id 1,2 --amount"
          + " 10,5",
      "  deposit --from-child --token CHILD_NATIVE_TOKEN --amount 5 | --erc721 T --id 7 |"
          + " --erc1155 T --id 1 --amount 10   (a child-native token to the root; claim its exit"
          + " there with `exit`)"
    })
public final class DepositCommand implements Callable<Integer> {

  @Mixin Actions actions;

  @Mixin AssetOptions asset;

  @Option(names = "--to", description = "Receiver on the child chain (default: the key's address).")
  String to;

  @Option(
      names = "--from-child",
      description =
          "Deposit a child-native token (--token, --erc721 or --erc1155 on the child) from the"
              + " child to the root through Edge's root-mintable predicate of its kind; the root"
              + " mirror is minted when its exit is claimed.")
  boolean fromChild;

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
      if (erc20 != null && fromChild) {
        return actions.run(
            s,
            s.wallet()
                .bridge()
                .prepareChildNativeDeposit(
                    from, erc20.token(), receiver, erc20.amount(), allowBurn));
      }
      if (erc20 != null) {
        return actions.run(
            s,
            s.wallet()
                .bridge()
                .prepareDeposit(from, erc20.token(), receiver, erc20.amount(), allowBurn));
      }
      if (fromChild) {
        return actions.run(
            s,
            s.wallet()
                .nfts()
                .prepareDepositFromChild(
                    from,
                    asset.nftToken(),
                    receiver,
                    java.util.Objects.requireNonNull(items),
                    allowBurn));
      }
      return actions.run(
          s,
          s.wallet()
              .nfts()
              .prepareDeposit(
                  from,
                  asset.nftToken(),
                  receiver,
                  java.util.Objects.requireNonNull(items),
                  allowBurn));
    }
  }
}
