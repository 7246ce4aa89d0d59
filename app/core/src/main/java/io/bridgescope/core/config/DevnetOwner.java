package io.bridgescope.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The process that runs an embedded devnet whose profile is saved in the data directory ({@code
 * <network>/devnet-owner.json} beside its database). The devnet lives only as long as that process:
 * when it was killed, the saved profile still points at its chains, and {@code status} uses this to
 * say the devnet has stopped instead of only "rpc unreachable".
 *
 * @param processStart when the process started, so a later process that got the same pid is not
 *     mistaken for it; null where the platform does not tell
 * @param startedBy what started it, in words (e.g. "`bridgescope demo`", "the desktop app")
 */
public record DevnetOwner(long pid, @Nullable Instant processStart, String startedBy) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "devnet-owner.json";

  /** This process, started by {@code startedBy}. */
  public static DevnetOwner current(String startedBy) {
    ProcessHandle me = ProcessHandle.current();
    return new DevnetOwner(me.pid(), me.info().startInstant().orElse(null), startedBy);
  }

  static Path file(DataDir dir, String network) {
    return dir.database(network).resolveSibling(FILE);
  }

  public void save(DataDir dir, String network) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("pid", pid);
    if (processStart != null) {
      o.put("processStart", processStart.toString());
    }
    o.put("startedBy", startedBy);
    Path f = file(dir, network);
    Files.createDirectories(f.getParent());
    Files.writeString(f, JSON.writeValueAsString(o));
  }

  /** The recorded owner, or empty when there is none or the file is not one of ours. */
  public static Optional<DevnetOwner> read(DataDir dir, String network) {
    Path f = file(dir, network);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode o = JSON.readTree(f.toFile());
      if (o == null || !o.path("pid").canConvertToLong() || o.path("pid").asLong() <= 0) {
        return Optional.empty();
      }
      Instant start =
          o.hasNonNull("processStart") ? Instant.parse(o.get("processStart").asText()) : null;
      return Optional.of(
          new DevnetOwner(o.get("pid").asLong(), start, o.path("startedBy").asText("a demo")));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Forgets the owner (the devnet was stopped cleanly). */
  public static void clear(DataDir dir, String network) throws IOException {
    Files.deleteIfExists(file(dir, network));
  }

  /** Whether the process still runs (and is the same process, not a later one with its pid). */
  public boolean running() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                processStart == null
                    || h.info().startInstant().map(processStart::equals).orElse(true))
        .isPresent();
  }

  /** What to tell a user whose devnet is gone. */
  public String stoppedMessage() {
    return "the devnet (started by "
        + startedBy
        + ", pid "
        + pid
        + ") has stopped; start it again with ./bridgescope demo";
  }
}
