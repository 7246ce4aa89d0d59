package io.bridgescope.core.asset;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.TokenDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Token name, symbol and decimals, read once from the contract and cached in the database. A part
 * the token does not answer (revert, no code, not the value) is stored as absent with the reason
 * and never asked again; a node that fails to answer at all throws its {@link ChainException} and
 * nothing is stored, so the next lookup asks again. Call it off the FX thread.
 */
public final class TokenMetadataReader {

  private static final byte[] NAME = Abi.call("name()");
  private static final byte[] SYMBOL = Abi.call("symbol()");
  private static final byte[] DECIMALS = Abi.call("decimals()");

  private final Map<ChainRole, ChainReader> readers;
  private final Database db;
  private final StoreWriter writer;
  private final Clock clock;

  public TokenMetadataReader(
      Map<ChainRole, ChainReader> readers, Database db, StoreWriter writer, Clock clock) {
    this.readers = Map.copyOf(readers);
    this.db = db;
    this.writer = writer;
    this.clock = clock;
  }

  /** The cached metadata, read from the chain and stored first if there is none yet. */
  public TokenMetadata get(ChainRole chain, Address token) {
    Optional<TokenMetadata> cached = db.read(c -> new TokenDao(c).metadata(chain, token));
    if (cached.isPresent()) {
      return cached.get();
    }
    ChainReader r = readers.get(chain);
    if (r == null) {
      throw new IllegalStateException("no " + chain.key() + " chain reader for token metadata");
    }
    TokenMetadata m =
        read(chain, token, data -> r.read("token " + token, c -> c.call(token, data)));
    writer.submit(Batch.of(c -> new TokenDao(c).putMetadata(m, clock.millis()))).join();
    return m;
  }

  /** Asks the three calls through {@code call}; public for tests with recorded answers. */
  public static TokenMetadata read(ChainRole chain, Address token, Function<byte[], byte[]> call) {
    List<String> problems = new ArrayList<>();
    Optional<String> name =
        part("name()", NAME, call, problems).map(b -> text("name()", b, problems));
    Optional<String> symbol =
        part("symbol()", SYMBOL, call, problems).map(b -> text("symbol()", b, problems));
    OptionalInt decimals = OptionalInt.empty();
    Optional<byte[]> d = part("decimals()", DECIMALS, call, problems);
    if (d.isPresent()) {
      try {
        decimals = OptionalInt.of(TokenAnswers.decimals(d.get()));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return new TokenMetadata(
        chain,
        token,
        name.filter(s -> !s.isEmpty()),
        symbol.filter(s -> !s.isEmpty()),
        decimals,
        problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
  }

  private static Optional<byte[]> part(
      String what, byte[] data, Function<byte[], byte[]> call, List<String> problems) {
    try {
      byte[] ret = call.apply(data);
      if (ret.length == 0) {
        problems.add(what + " answered nothing (no contract there, or no such function)");
        return Optional.empty();
      }
      return Optional.of(ret);
    } catch (ChainException e) {
      if (e.kind() != RpcErrorKind.REVERT) {
        throw e; // the node did not answer: not a fact about the token
      }
      problems.add(what + " reverted");
      return Optional.empty();
    }
  }

  private static String text(String what, byte[] ret, List<String> problems) {
    try {
      return TokenAnswers.text(what, ret);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return "";
    }
  }
}
