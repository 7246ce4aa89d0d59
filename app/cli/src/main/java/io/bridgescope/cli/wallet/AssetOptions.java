package io.bridgescope.cli.wallet;

import io.bridgescope.cli.CliException;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Amounts;
import io.bridgescope.core.wallet.NftPlanner;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * What {@code deposit} and {@code withdraw} move: {@code --token T --amount A} (ERC-20, whole
 * tokens at 18 decimals), {@code --erc721 T --id N[,N…]}, or {@code --erc1155 T --id N[,N…]
 * --amount A[,A…]} (one amount per id, in the token's own units). Several ids make one batch call.
 */
final class AssetOptions {

  /** Exactly one of the three token kinds. */
  static final class Kind {
    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description = "ERC-20 token address (root token for deposit, child token for withdraw).")
    @Nullable String erc20;

    @Option(
        names = "--erc721",
        paramLabel = "TOKEN",
        description = "ERC-721 token address (root for deposit, child for withdraw); needs --id.")
    @Nullable String erc721;

    @Option(
        names = "--erc1155",
        paramLabel = "TOKEN",
        description =
            "ERC-1155 token address (root for deposit, child for withdraw); needs --id and --amount.")
    @Nullable String erc1155;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  @Nullable Kind kind;

  @Option(
      names = "--id",
      split = ",",
      paramLabel = "N",
      description = "Token id(s), comma separated (ERC-721 and ERC-1155); several ids are a batch.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--amount",
      split = ",",
      paramLabel = "A",
      description =
          "ERC-20: amount in whole tokens (18 decimals), e.g. 1.5. ERC-1155: one amount per --id, in"
              + " token units.")
  List<String> amounts = new ArrayList<>();

  /** The ERC-20 token and amount, or null when an NFT kind was chosen. */
  @Nullable Erc20 erc20() {
    Kind k = chosen();
    if (k.erc20 == null) {
      return null;
    }
    if (!ids.isEmpty()) {
      throw CliException.usage("--id is for --erc721 / --erc1155; an ERC-20 --token has no ids");
    }
    if (amounts.size() != 1) {
      throw CliException.usage("--token needs one --amount (whole tokens, e.g. 1.5)");
    }
    return new Erc20(address("--token", k.erc20), Amounts.parseEther(amounts.get(0)));
  }

  /** The NFT token (for an NFT kind). */
  Address nftToken() {
    Kind k = chosen();
    return k.erc721 != null
        ? address("--erc721", k.erc721)
        : address("--erc1155", nonNull(k.erc1155));
  }

  /** The NFT items, checked: ids for ERC-721, one amount per id for ERC-1155. */
  NftPlanner.Items nftItems() {
    Kind k = chosen();
    String flag = k.erc721 != null ? "--erc721" : "--erc1155";
    if (ids.isEmpty()) {
      throw CliException.usage(flag + " needs --id N[,N…] (the token ids to move)");
    }
    List<BigInteger> idValues = numbers("--id", ids);
    try {
      if (k.erc721 != null) {
        if (!amounts.isEmpty()) {
          throw CliException.usage("--erc721 takes no --amount: each id is one token");
        }
        return NftPlanner.Items.erc721(idValues);
      }
      if (amounts.size() != ids.size()) {
        throw CliException.usage(
            "--erc1155 needs one --amount per --id ("
                + ids.size()
                + " ids, "
                + amounts.size()
                + " amounts), e.g. --id 1,2 --amount 10,5");
      }
      return NftPlanner.Items.erc1155(idValues, numbers("--amount", amounts));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(String.valueOf(e.getMessage()));
    }
  }

  record Erc20(Address token, BigInteger amount) {}

  private Kind chosen() {
    if (kind == null) {
      throw CliException.usage("give the token: --token, --erc721 or --erc1155");
    }
    return kind;
  }

  private static String nonNull(@Nullable String s) {
    if (s == null) {
      throw CliException.usage("give the token: --token, --erc721 or --erc1155");
    }
    return s;
  }

  /** {@code text} as an address, or a usage error naming {@code flag}. */
  static Address address(String flag, String text) {
    try {
      return Address.of(text.strip());
    } catch (IllegalArgumentException e) {
      throw CliException.usage(flag + ": " + e.getMessage());
    }
  }

  /** The whole numbers given with {@code flag}, or a usage error naming it. */
  private static List<BigInteger> numbers(String flag, List<String> texts) {
    try {
      return NftPlanner.Items.numbers(flag, texts);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(String.valueOf(e.getMessage()));
    }
  }
}
