package io.bridgescope.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.model.Hex;
import java.io.IOException;
import java.io.InputStream;

/** Compiled devnet contracts (resources/devnet/artifacts, packaged into this module's jar). */
public final class Artifacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Artifacts() {}

  /** A compiled contract: creation and runtime bytecode. */
  public record Artifact(String name, byte[] bytecode, byte[] deployedBytecode) {}

  public static Artifact load(String contractName) {
    String path = "/devnet/artifacts/" + contractName + ".json";
    try (InputStream in = Artifacts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new DevnetException(
            "compiled contract "
                + contractName
                + " is missing from the build ("
                + path
                + "); rebuild with ./mvnw package");
      }
      JsonNode n = JSON.readTree(in);
      return new Artifact(
          contractName,
          Hex.decode(contractName + ".bytecode", n.path("bytecode").asText()),
          Hex.decode(contractName + ".deployedBytecode", n.path("deployedBytecode").asText()));
    } catch (IOException e) {
      throw new DevnetException("cannot read compiled contract " + contractName + ": " + e, e);
    }
  }
}
