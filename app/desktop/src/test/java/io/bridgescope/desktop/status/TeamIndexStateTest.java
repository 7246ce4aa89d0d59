package io.bridgescope.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TeamIndexStateTest {

  private static ChainStatus chain(long head, long indexed) {
    return new ChainStatus(
        "Root", OptionalLong.of(head), OptionalLong.of(indexed), RpcHealth.OK, "");
  }

  @Test
  void theLineNamesTheIndexTheWriterAndTheLargerLag() {
    TeamIndexState s =
        new TeamIndexState(
            "bridge on db.example",
            Optional.of("indexer-1"),
            chain(120, 117),
            chain(900, 890),
            Optional.empty());
    assertThat(s.lag()).hasValue(10);
    assertThat(s.line())
        .isEqualTo("team index: bridge on db.example, indexed by indexer-1, lag 10 blocks");
  }

  @Test
  void noLockHolderSaysNoIndexerRunningAndAnUnknownHeadSaysSo() {
    TeamIndexState s =
        new TeamIndexState(
            "bridge on db",
            Optional.empty(),
            chain(5, 4),
            ChainStatus.unknown("Child"),
            Optional.empty());
    assertThat(s.lag()).isEmpty();
    assertThat(s.line())
        .isEqualTo(
            "team index: bridge on db, no indexer running, lag unknown (a chain's head could not"
                + " be read)");
    assertThat(
            new TeamIndexState("b", Optional.empty(), chain(5, 4), chain(3, 3), Optional.empty())
                .line())
        .endsWith("lag 1 block");
  }

  @Test
  void aLostConnectionReplacesTheRestAndKeepsTheName() {
    TeamIndexState s =
        new TeamIndexState(
                "bridge on db", Optional.of("h"), chain(5, 4), chain(5, 5), Optional.empty())
            .lost("connection lost, retrying");
    assertThat(s.line()).isEqualTo("team index: bridge on db, connection lost, retrying");
    assertThat(TeamIndexState.connecting("x").line()).isEqualTo("team index: x, connecting");
  }
}
