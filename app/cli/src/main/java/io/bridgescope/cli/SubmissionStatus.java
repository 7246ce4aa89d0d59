package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.index.NoSubmissionMethodException;
import io.bridgescope.core.index.SubmissionDiscovery;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The part of {@code status} that says how checkpoint submissions are found on the root chain
 * (Otterscan API, explorer API, storage bisection), and what to configure when no method works.
 */
final class SubmissionStatus {

  /** Status answers within its deadline: the methods get what is left of it. */
  private static final long DEADLINE_SECONDS = 3;

  private SubmissionStatus() {}

  /**
   * Adds {@code submissions} to {@code out}; returns the problem for {@code health} when no method
   * works, else null. Not checked in time counts as no problem found (the RPC part says more).
   */
  static @Nullable String check(NetworkProfile p, Database db, long head, ObjectNode out) {
    if (head < 0) {
      return null;
    }
    ObjectNode s = out.putObject("submissions");
    List<SubmissionDiscovery.Attempt> attempts;
    ChainReader reader =
        ChainReader.of(
            ChainRole.ROOT.key(), p.root().rpcUrls(), new ChainGuard(p, ChainRole.ROOT, db));
    CompletableFuture<List<SubmissionDiscovery.Attempt>> run =
        CompletableFuture.supplyAsync(
            () -> SubmissionDiscovery.of(p, reader).probe(head),
            r -> Threads.start("bridgescope-status-submissions", r));
    try {
      attempts = run.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      s.put("checked", false);
      s.put("error", "not checked within " + DEADLINE_SECONDS + " s");
      return null;
    } catch (ExecutionException e) {
      s.put("checked", false);
      s.put(
          "error",
          String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      reader.close();
    }
    s.put("checked", true);
    Optional<SubmissionDiscovery.Attempt> works =
        attempts.stream().filter(a -> a.problem().isEmpty()).findFirst();
    works.ifPresent(a -> s.put("method", a.method()));
    var list = s.putArray("methods");
    for (SubmissionDiscovery.Attempt a : attempts) {
      ObjectNode m = list.addObject();
      m.put("method", a.method());
      m.put("works", a.problem().isEmpty());
      a.problem().ifPresent(pr -> m.put("problem", pr));
    }
    return works.isPresent() ? null : NoSubmissionMethodException.message(attempts);
  }
}
