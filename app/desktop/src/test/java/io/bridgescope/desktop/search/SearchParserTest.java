package io.bridgescope.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SearchParserTest {

  private final SearchParser parser = new SearchParser();
  private static final String TX = "0x" + "ab".repeat(32);
  private static final String ADDRESS = "0x" + "0123456789abcdef0123".repeat(2);

  @Test
  void txHashOf64HexDigitsIsATransaction() {
    SearchQuery q = parser.parse("  " + TX.toUpperCase().replace("0X", "0x") + " ");
    assertThat(q).isInstanceOf(SearchQuery.TxHash.class);
    assertThat(((SearchQuery.TxHash) q).hash()).isEqualTo(Hash32.of(TX));
    assertThat(q.candidates()).containsExactly(SearchKind.TX_HASH);
  }

  @Test
  void fortyHexDigitsIsAnAddress() {
    SearchQuery q = parser.parse(ADDRESS);
    assertThat(q).isInstanceOf(SearchQuery.AccountAddress.class);
    assertThat(((SearchQuery.AccountAddress) q).address()).isEqualTo(Address.of(ADDRESS));
    assertThat(q.candidates()).containsExactly(SearchKind.ADDRESS);
  }

  @Test
  void bareNumberMayBeAnyNumberedThing() {
    SearchQuery q = parser.parse("42");
    assertThat(q).isInstanceOf(SearchQuery.Number.class);
    assertThat(((SearchQuery.Number) q).value()).isEqualTo(BigInteger.valueOf(42));
    assertThat(q.candidates())
        .containsExactly(
            SearchKind.STATE_SYNC_ID, SearchKind.EXIT_ID, SearchKind.COMMITMENT, SearchKind.EPOCH);
  }

  @Test
  void keywordsNarrowANumberToOneKind() {
    assertThat(parser.parse("exit 7").candidates()).containsExactly(SearchKind.EXIT_ID);
    assertThat(parser.parse("deposit #12").candidates()).containsExactly(SearchKind.STATE_SYNC_ID);
    assertThat(parser.parse("epoch:3").candidates()).containsExactly(SearchKind.EPOCH);
    assertThat(parser.parse("Commitment 5").candidates()).containsExactly(SearchKind.COMMITMENT);
    assertThat(parser.parse("checkpoint 9").candidates()).containsExactly(SearchKind.EPOCH);
  }

  @Test
  void zeroCannotBeAStateSyncOrExitIdBecauseThoseStartAtOne() {
    assertThat(parser.parse("0").candidates())
        .containsExactly(SearchKind.COMMITMENT, SearchKind.EPOCH);
    assertThat(parser.parse("exit 0")).isInstanceOf(SearchQuery.Invalid.class);
  }

  @Test
  void groupedDigitsAreAccepted() {
    assertThat(((SearchQuery.Number) parser.parse("1,000,000")).value())
        .isEqualTo(BigInteger.valueOf(1_000_000));
  }

  @Test
  void wrongHexLengthSaysWhatTheLengthsAre() {
    SearchQuery q = parser.parse("0x" + "a".repeat(63));
    assertThat(q).isInstanceOf(SearchQuery.Invalid.class);
    assertThat(((SearchQuery.Invalid) q).problem()).contains("63 hex digits", "64", "40");
  }

  @Test
  void unknownKeywordAndGarbageAreInvalidWithAReason() {
    assertThat(((SearchQuery.Invalid) parser.parse("block 5")).problem()).contains("block");
    assertThat(parser.parse("hello")).isInstanceOf(SearchQuery.Invalid.class);
    assertThat(parser.parse("0xZZ")).isInstanceOf(SearchQuery.Invalid.class);
    assertThat(parser.parse("   ")).isInstanceOf(SearchQuery.Invalid.class);
    assertThat(parser.parse("1" + "0".repeat(80))).isInstanceOf(SearchQuery.Invalid.class);
  }
}
