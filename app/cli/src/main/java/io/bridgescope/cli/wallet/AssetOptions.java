package io.bridgescope.cli.wallet;

import io.bridgescope.cli.CliException;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Erc20Amount;
import io.bridgescope.core.wallet.NftPlanner;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * What {@code deposit} and {@code withdraw} move: {@code --token T --amount A} (ERC-20, whole
 * tokens at the token's own decimals), {@code --erc721 T --id N[,N…]}, or {@code --erc1155 T --id
 * N[,N…] --amount A[,A…]} (one amount per id, in the token's own units). Several ids make one batch
 * call.
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
          "ERC-20: amount in whole tokens at the token's own decimals (1.5 of a 6-decimals token"
              + " is 1500000 base units). ERC-1155: one amount per --id, in"
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
    Erc20Amount amount;
    try {
      amount = Erc20Amount.whole(amounts.get(0)); // the token's decimals once a node is asked
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--amount: " + e.getMessage());
    }
    return new Erc20(address("--token", k.erc20), amount);
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

  /** An ERC-20 token and the amount as typed, in whole tokens (read at the token's decimals). */
  record Erc20(Address token, Erc20Amount amount) {}

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
