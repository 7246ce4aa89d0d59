package io.bridgescope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Owns standard output for one run of the CLI (README.md, "CLI JSON").
 *
 * <p>Without {@code --json} the verbs print text to {@code System.out} as usual. With {@code
 * --json}, stdout carries exactly one JSON document, the verb's result or {@code {"error": …}}, or
 * for {@code index --follow} JSON Lines (one compact object per line). Everything meant for people
 * (progress, reviews, prompts, log lines) goes to stderr. So that this holds for every line any
 * code prints, {@code System.out} itself points at stderr for the run, and only this class writes
 * to the real stdout.
 */
public final class Output {

  private static volatile Output current = new Output(false, System.out);

  private final boolean json;

  /** The real stdout, restored as {@code System.out} at the end of the run. */
  private final PrintStream stdout;

  private final StringWriter help = new StringWriter();
  private final ObjectNode context = Json.object();
  private boolean written;
  private boolean lines;

  private Output(boolean json, PrintStream stdout) {
    this.json = json;
    this.stdout = stdout;
  }

  /** Starts a run: in JSON mode {@code System.out} points at stderr until {@link #end()}. */
  static synchronized Output begin(boolean json) {
    current = new Output(json, System.out);
    if (json) {
      System.setOut(System.err);
    }
    return current;
  }

  static synchronized Output current() {
    return current;
  }

  /** Restores {@code System.out}. */
  synchronized void end() {
    System.out.flush();
    System.setOut(stdout);
  }

  /** Whether this run prints JSON. */
  public static boolean json() {
    return current.json;
  }

  /** Where picocli prints usage help: captured in JSON mode, to become a document. */
  PrintWriter helpWriter() {
    return json
        ? new PrintWriter(help, true)
        : new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
  }

  /**
   * The run's one JSON document (pretty printed). A second one is a bug and is refused, so the
   * contract cannot be broken quietly.
   */
  public static void document(JsonNode doc) {
    current.write(doc);
  }

  /** One JSON Lines record (compact, flushed at once), for verbs that follow. */
  public static void line(JsonNode record) {
    current.writeLine(record);
  }

  /**
   * Remembers part of the result shown so far (e.g. the review of a transaction), so that an error
   * document that follows carries it in {@code details}.
   */
  public static void context(String key, JsonNode value) {
    synchronized (current) {
      current.context.set(key, value);
    }
  }

  private synchronized void write(JsonNode doc) {
    if (written) {
      throw new IllegalStateException("a second JSON document in one run");
    }
    written = true;
    stdout.println(Json.write(doc));
    stdout.flush();
  }

  private synchronized void writeLine(JsonNode record) {
    if (written && !lines) {
      throw new IllegalStateException("a JSON line after a JSON document");
    }
    written = true;
    lines = true;
    stdout.println(Json.compact(record));
    stdout.flush();
  }

  /**
   * Writes an error: in JSON mode as the run's document (or as the last line of JSON Lines), with
   * the remembered context in {@code details}; otherwise as text on stderr.
   */
  synchronized void error(Errors.Failure f) {
    if (!json) {
      System.err.println("bridgescope: " + f.message());
      if (f.hint() != null) {
        System.err.println("bridgescope: " + f.hint());
      }
      return;
    }
    ObjectNode details = f.details() == null ? Json.object() : f.details().deepCopy();
    context.fields().forEachRemaining(e -> details.set(e.getKey(), e.getValue()));
    ObjectNode doc = Json.object();
    ObjectNode err = doc.putObject("error");
    err.put("code", f.code());
    err.put("message", f.message());
    if (f.hint() != null) {
      err.put("hint", f.hint());
    }
    if (!details.isEmpty()) {
      err.set("details", details);
    }
    if (lines) {
      writeLine(doc);
    } else if (!written) {
      write(doc);
    } else {
      // the document is out already; the error can only go to people
      System.err.println("bridgescope: " + f.message());
    }
  }

  /**
   * Ends a JSON run that printed no document: usage help becomes {@code {"help": text}}; anything
   * else is a verb that forgot its document, reported as an error instead of an empty stdout.
   */
  synchronized int finish(int exitCode, String verb) {
    if (!json || written) {
      return exitCode;
    }
    String text = help.toString();
    if (!text.isEmpty()) {
      ObjectNode doc = Json.object();
      doc.put("help", text);
      write(doc);
      return exitCode;
    }
    error(
        new Errors.Failure(
            "no_json_output",
            "`" + verb + "` finished without a JSON document (exit " + exitCode + ")",
            "this is a bug in Bridgescope; the verb's text went to stderr",
            null,
            exitCode == 0 ? Errors.EXIT_INTERNAL : exitCode));
    return exitCode == 0 ? Errors.EXIT_INTERNAL : exitCode;
  }
}
