package io.bridgescope.cli.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.NftPlanner;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.Wallet;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tx export-withdraw} and {@code tx export-deposit}: a withdrawal started on the child (or,
 * with {@code --from-root}, a root mirror of a child-native token sent home) or a deposit on the
 * root (or a child-native token's from the child), of any asset kind, prepared as {@code withdraw}
 * / {@code deposit} would send it and written unsigned for an offline signer, one transaction at a
 * time. A deposit whose predicate still needs the approval ({@code approve} or {@code
 * setApprovalForAll}) writes that approval, with the deposit beside it for the signer to judge it
 * by; the same command run again once the approval is mined writes the deposit (only then can it be
 * simulated).
 */
final class AssetExports {

  static final String APPROVAL_FIRST =
      "this file is the approval only (the deposit it is for rides along, unsigned, for the"
          + " signer to check): once it is mined, run the same `tx export-deposit` again to write"
          + " the deposit";

  static final String MAPPING_FIRST =
      "this file is the mapping only (mapToken; the approval and the deposit ride along, unsigned):"
          + " once it is mined, run the same `tx export-deposit --from-child` again to write the"
          + " next step";

  private AssetExports() {}

  /** The options both verbs share, and the export; a subclass says which review to write. */
  abstract static class AssetExport implements Callable<Integer> {
    @Mixin WalletOptions opts;
    @Mixin SigningOptions signing;
    @Mixin AssetOptions asset;

    @Option(names = "--from", required = true, description = "Address that will sign and pay.")
    String from;

    @Option(
        names = "--to",
        description = "Receiver on the other chain (default: the --from address).")
    @Nullable String to;

    @Option(
        names = "--allow-burn",
        description = "Allow --to to be the zero address (the tokens are destroyed for good).")
    boolean allowBurn;

    @Option(names = "--out", required = true, description = "File to write (must not exist).")
    Path out;

    /** The review of an ERC-20 ({@code items} null) or NFT ({@code erc20} null) transfer. */
    abstract Review prepare(
        Wallet w,
        Address from,
        Address receiver,
        AssetOptions.@Nullable Erc20 erc20,
        NftPlanner.@Nullable Items items);

    @Override
    public Integer call() throws Exception {
      // the arguments are checked before anything is opened or asked of a node
      AssetOptions.Erc20 erc20 = asset.erc20();
      NftPlanner.Items items = erc20 == null ? asset.nftItems() : null;
      Address a = AssetOptions.address("--from", from);
      String t = to;
      Address receiver = t == null ? a : AssetOptions.address("--to", t);
      try (WalletOptions.Session s = opts.open()) {
        TxCommand.write(opts, signing, s, prepare(s.wallet(), a, receiver, erc20, items), out);
      }
      return 0;
    }
  }

  @Command(
      name = "export-withdraw",
      mixinStandardHelpOptions = true,
      description = {
        "Preflight the start of a withdrawal on the child (ERC-20, ERC-721 or ERC-1155) and write"
            + " it unsigned, as `withdraw` would send it.",
        "  tx export-withdraw --from A --erc721 T --id 7[,8] --out w.json",
        "  tx export-withdraw --from-root --from A --token ROOT_MIRROR --amount 5 --out w.json"
      })
  static final class Withdraw extends AssetExport {
    @Option(names = "--from-root", description = WithdrawCommand.FROM_ROOT)
    boolean fromRoot;

    @Override
    Review prepare(
        Wallet w,
        Address from,
        Address receiver,
        AssetOptions.@Nullable Erc20 erc20,
        NftPlanner.@Nullable Items items) {
      if (fromRoot) {
        return erc20 != null
            ? w.bridge()
                .prepareWithdrawFromRoot(from, erc20.token(), receiver, erc20.amount(), allowBurn)
            : w.nfts()
                .prepareWithdrawFromRoot(from, asset.nftToken(), receiver, nft(items), allowBurn);
      }
      return erc20 != null
          ? w.bridge().prepareWithdraw(from, erc20.token(), receiver, erc20.amount(), allowBurn)
          : w.nfts().prepareWithdraw(from, asset.nftToken(), receiver, nft(items), allowBurn);
    }
  }

  @Command(
      name = "export-deposit",
      mixinStandardHelpOptions = true,
      description = {
        "Preflight a deposit on the root (ERC-20, ERC-721 or ERC-1155) and write it unsigned, as"
            + " `deposit` would send it. If the predicate needs an approval first, the approval is"
            + " written; run the command again once it is mined to write the deposit.",
        "  tx export-deposit --from A --token T --amount 1.5 --out d.json"
      })
  static final class Deposit extends AssetExport {
    @Option(
        names = "--from-child",
        description =
            "A child-native token (--token, --erc721 or --erc1155 on the child), deposited to the"
                + " root.")
    boolean fromChild;

    @Override
    Review prepare(
        Wallet w,
        Address from,
        Address receiver,
        AssetOptions.@Nullable Erc20 erc20,
        NftPlanner.@Nullable Items items) {
      if (fromChild && erc20 != null) {
        return w.bridge()
            .prepareChildNativeDeposit(from, erc20.token(), receiver, erc20.amount(), allowBurn);
      }
      if (fromChild) {
        return w.nfts()
            .prepareDepositFromChild(from, asset.nftToken(), receiver, nft(items), allowBurn);
      }
      return erc20 != null
          ? w.bridge().prepareDeposit(from, erc20.token(), receiver, erc20.amount(), allowBurn)
          : w.nfts().prepareDeposit(from, asset.nftToken(), receiver, nft(items), allowBurn);
    }
  }

  private static NftPlanner.Items nft(NftPlanner.@Nullable Items items) {
    if (items == null) {
      throw new IllegalStateException("an NFT export without ids"); // asset.nftItems() gave them
    }
    return items;
  }
}
