package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.evidence.EvidenceException;
import io.bridgescope.core.network.ConfigProblem;
import io.bridgescope.core.network.NetworkConfigException;
import io.bridgescope.core.proof.ProofException;
import io.bridgescope.core.store.StoreException;
import io.bridgescope.core.wallet.KeystoreException;
import io.bridgescope.core.wallet.WalletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns any failure of a verb into a {@link Failure}: a stable snake_case code, the message, an
 * optional hint and details, and the exit code. Never prints a stack trace on the console; it is
 * logged at debug level ({@code BRIDGESCOPE_LOG_LEVEL=DEBUG}).
 */
final class Errors {

  /** Any error. */
  static final int EXIT_ERROR = 1;

  /** Bad arguments; also a confirmation not given. */
  static final int EXIT_USAGE = 2;

  /** A bug: a verb ended without its JSON document (sysexits EX_SOFTWARE). */
  static final int EXIT_INTERNAL = 70;

  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  /** One failure as the CLI reports it. */
  record Failure(
      String code,
      @Nullable String message,
      @Nullable String hint,
      @Nullable ObjectNode details,
      int exitCode) {}

  /** The execution-exception handler: reports {@code ex} and returns the exit code. */
  static int report(Throwable ex) {
    LOG.debug("the verb failed", ex);
    Failure f = classify(ex);
    Output.current().error(f);
    return f.exitCode();
  }

  /** The parameter-exception handler in JSON mode. */
  static int reportUsage(CommandLine.ParameterException ex) {
    ObjectNode d = Json.object();
    d.put("command", ex.getCommandLine().getCommandSpec().qualifiedName());
    Output.current()
        .error(
            new Failure(
                "usage",
                ex.getMessage(),
                "see `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help`",
                d,
                EXIT_USAGE));
    return EXIT_USAGE;
  }

  static Failure classify(Throwable t) {
    Throwable e = unwrap(t);
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof CliException c) {
      return new Failure(c.code(), msg, c.hint(), c.details(), c.exitCode());
    }
    if (e instanceof NetworkConfigException n) {
      ObjectNode d = Json.object();
      ArrayNode problems = d.putArray("problems");
      for (ConfigProblem p : n.problems()) {
        problems.addObject().put("field", p.field()).put("message", p.message());
      }
      return failure("network_config", msg, d);
    }
    if (e instanceof StoreException s) {
      return failure("store_" + key(s.reason()), msg, null);
    }
    if (e instanceof ChainException c) {
      if (c.revertReason() != null) {
        ObjectNode d = Json.object();
        d.put("revertReason", c.revertReason());
        return failure("call_reverted", msg, d);
      }
      return failure("chain_error", msg, null);
    }
    if (e instanceof WalletException w) {
      return failure("wallet_" + key(w.kind()), msg, null);
    }
    if (e instanceof KeystoreException k) {
      return failure("keystore_" + key(k.kind()), msg, null);
    }
    if (e instanceof ProofException p) {
      return failure("proof_" + key(p.reason()), msg, null);
    }
    if (e instanceof EvidenceException ev) {
      return failure("evidence_" + key(ev.reason()), msg, null);
    }
    if (e instanceof AbiDecodingException) {
      return failure("abi_decoding", msg, null);
    }
    if (e instanceof IOException io) {
      return failure("io_error", ioMessage(io), null);
    }
    if (e.getClass().getName().startsWith("io.bridgescope.") && e instanceof RuntimeException) {
      // a typed error of ours not listed above: its message is written for users
      return failure(snake(e.getClass().getSimpleName().replaceAll("Exception$", "")), msg, null);
    }
    if (e instanceof IllegalArgumentException) {
      return failure("invalid_argument", msg, null);
    }
    return new Failure(
        "internal",
        "internal error: " + e,
        "this is a bug in Bridgescope; run again with BRIDGESCOPE_LOG_LEVEL=DEBUG to see where",
        null,
        EXIT_ERROR);
  }

  private static Failure failure(
      String code, @Nullable String message, @Nullable ObjectNode details) {
    return new Failure(code, message, null, details, EXIT_ERROR);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException
            || e instanceof ExecutionException
            || e instanceof UncheckedIOException
            || e instanceof CommandLine.ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String ioMessage(IOException e) {
    String m = e.getMessage();
    if (e instanceof NoSuchFileException) {
      return "no such file: " + m;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists: " + m;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + m;
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static String key(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
