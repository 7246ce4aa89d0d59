package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the CLI in this JVM with stdout and stderr captured apart, and checks the JSON contract. */
final class CliRun {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private CliRun() {}

  record Result(int exit, String out, String err) {

    /** stdout as exactly one JSON document: nothing before it, nothing after it. */
    JsonNode json() {
      try (JsonParser p = MAPPER.getFactory().createParser(out)) {
        JsonNode doc = MAPPER.readTree(p);
        assertThat(doc).as("a JSON document on stdout:%n%s%nstderr:%n%s", out, err).isNotNull();
        assertThat(p.nextToken()).as("nothing after the document on stdout:%n%s", out).isNull();
        return doc;
      } catch (IOException e) {
        throw new AssertionError("stdout is not one JSON document: " + e + "\n" + out, e);
      }
    }

    /** The error document: {@code {"error": {code, message, …}}} and a non-zero exit. */
    JsonNode error() {
      JsonNode doc = json();
      assertThat(exit).as("exit code of an error").isNotZero();
      assertThat(doc.size()).as("only the error in %s", doc).isEqualTo(1);
      JsonNode e = doc.path("error");
      assertThat(e.path("code").asText()).as("error code in %s", doc).matches("[a-z][a-z0-9_]*");
      assertThat(e.path("message").asText()).as("error message in %s", doc).isNotBlank();
      return e;
    }

    /** No Java stack trace, on either stream. */
    Result noStackTrace() {
      assertThat(out + err).doesNotContainPattern("\\n\\s+at [a-z]+\\.[\\w.$]+\\(");
      return this;
    }
  }

  static Result run(String... args) {
    return run(cl -> {}, args);
  }

  static Result run(Consumer<CommandLine> adjust, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(adjust, args);
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Every verb that has a {@code --json} option, as its words ("status", "keys list"). */
  static List<String> jsonVerbs() {
    List<String> out = new ArrayList<>();
    collect(Main.commandLine(), out);
    return out;
  }

  private static void collect(CommandLine cl, List<String> out) {
    if (cl.getCommandSpec().findOption("--json") != null) {
      out.add(cl.getCommandSpec().qualifiedName(" ").replaceFirst("^bridgescope ", ""));
    }
    cl.getSubcommands().values().stream().distinct().forEach(c -> collect(c, out));
  }
}
