package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token kinds of {@code deposit} and {@code withdraw}, offline: a wrong combination is a usage
 * error naming the flag before any network is opened; a right one gets as far as the network.
 */
class NftArgsCliTest {

  static final String T = "0x00000000000000000000000000000000000007a1";

  @TempDir Path data;

  JsonNode error(String line) {
    List<String> all = new ArrayList<>(List.of(line.split(" ")));
    all.addAll(List.of("-n", "nowhere", "--key", "k1", "--json", "--data-dir", data.toString()));
    return CliRun.run(all.toArray(String[]::new)).noStackTrace().error();
  }

  @Test
  void wrongCombinationsAreUsageErrors() {
    for (String verb : List.of("deposit", "withdraw")) {
      JsonNode amount721 = error(verb + " --erc721 " + T + " --id 7 --amount 1");
      assertThat(amount721.path("code").asText()).isEqualTo("usage");
      assertThat(amount721.path("message").asText()).contains("--erc721 takes no --amount");
      JsonNode noId = error(verb + " --erc1155 " + T + " --amount 5");
      assertThat(noId.path("message").asText()).contains("needs --id");
      JsonNode pairs = error(verb + " --erc1155 " + T + " --id 1,2 --amount 5");
      assertThat(pairs.path("message").asText()).contains("one --amount per --id");
      JsonNode twice = error(verb + " --erc721 " + T + " --id 7,7");
      assertThat(twice.path("message").asText()).contains("given twice");
      JsonNode zero = error(verb + " --erc1155 " + T + " --id 1 --amount 0");
      assertThat(zero.path("message").asText()).contains("not a positive");
      JsonNode notNumber = error(verb + " --erc721 " + T + " --id 0x07");
      assertThat(notNumber.path("message").asText()).contains("'0x07' is not a whole number");
      JsonNode idWith20 = error(verb + " --token " + T + " --amount 1 --id 3");
      assertThat(idWith20.path("code").asText()).isEqualTo("usage");
      JsonNode both = error(verb + " --token " + T + " --erc721 " + T + " --id 3");
      assertThat(both.path("code").asText()).isEqualTo("usage");
      JsonNode none = error(verb + " --id 3");
      assertThat(none.path("code").asText()).isEqualTo("usage");
    }
  }

  @Test
  void rightCombinationsReachTheNetwork() {
    for (String verb : List.of("deposit", "withdraw")) {
      for (String kind :
          List.of(
              "--token " + T + " --amount 1.5",
              "--erc721 " + T + " --id 7",
              "--erc721 " + T + " --id 7,8,9",
              "--erc1155 " + T + " --id 1 --amount 10",
              "--erc1155 " + T + " --id 1,2 --amount 10,5")) {
        assertThat(error(verb + " " + kind).path("code").asText())
            .as(verb + " " + kind)
            .isEqualTo("network_not_found");
      }
    }
  }
}
