package io.bridgescope.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edge's own CheckpointManager has no view for the validators' BLS keys: every such call reverts.
 * Then the set imported from genesis.json stands in for the first checkpoint's check.
 */
class InitialValidatorSetTest {

  private HttpServer node;
  private ChainReader reader;

  @BeforeEach
  void startNode() throws Exception {
    node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    Pattern id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    node.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher m = id.matcher(body);
          String reply =
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + (m.find() ? m.group(1) : "1")
                  + ",\"error\":{\"code\":3,\"message\":\"execution reverted\"}}";
          byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    node.start();
    reader =
        ChainReader.of(
            "root", List.of(URI.create("http://127.0.0.1:" + node.getAddress().getPort())));
  }

  @AfterEach
  void stopNode() {
    node.stop(0);
  }

  @Test
  void theGenesisSetStandsInWhenTheChainCannotTellTheKeys() throws Exception {
    Path genesis = Path.of(getClass().getResource("/genesis/chain-games-69421.json").toURI());
    List<ValidatorEntry> fromGenesis = EdgeGenesisImport.read(genesis).initialValidators();
    InitialValidatorSet set = new InitialValidatorSet(reader, Address.ofLow(0xc0), fromGenesis);

    Optional<ValidatorSetRow> row = set.readBefore(100);

    assertThat(row).isPresent();
    assertThat(row.get().source()).isEqualTo(ValidatorSetSource.GENESIS);
    assertThat(row.get().validators()).isEqualTo(fromGenesis);
  }

  @Test
  void withoutAGenesisSetTheFirstSetStaysUnknown() {
    InitialValidatorSet set = new InitialValidatorSet(reader, Address.ofLow(0xc0), List.of());
    assertThat(set.readBefore(100)).isEmpty();
  }
}
