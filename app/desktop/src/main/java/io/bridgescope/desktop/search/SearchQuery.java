package io.bridgescope.desktop.search;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.List;

/** A parsed search key with the kinds of thing it may name, most likely first. */
public sealed interface SearchQuery {

  String input();

  /** Empty only for {@link Invalid}. */
  List<SearchKind> candidates();

  /** 0x + 64 hex digits. */
  record TxHash(String input, Hash32 hash) implements SearchQuery {
    @Override
    public List<SearchKind> candidates() {
      return List.of(SearchKind.TX_HASH);
    }
  }

  /** 0x + 40 hex digits. */
  record AccountAddress(String input, Address address) implements SearchQuery {
    @Override
    public List<SearchKind> candidates() {
      return List.of(SearchKind.ADDRESS);
    }
  }

  /** A non-negative integer, optionally narrowed by a keyword such as "exit 12". */
  record Number(String input, BigInteger value, List<SearchKind> candidates)
      implements SearchQuery {
    public Number {
      candidates = List.copyOf(candidates);
    }
  }

  /** Not a key we understand; {@code problem} says why in user words. */
  record Invalid(String input, String problem) implements SearchQuery {
    @Override
    public List<SearchKind> candidates() {
      return List.of();
    }
  }
}
