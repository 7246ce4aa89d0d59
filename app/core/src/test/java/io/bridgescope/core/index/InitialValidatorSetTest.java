package io.bridgescope.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.bridge.BridgeMessages;
import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The first checkpoint's validator set comes from the profile (genesis.json), else from the first
 * accepted submission's calldata when that set hashes to the hash it was signed under; never from a
 * historical eth_call, which a non-archive provider cannot answer.
 */
class InitialValidatorSetTest {

  private final List<ValidatorEntry> fromGenesis = genesisSet();

  @Test
  void theGenesisSetIsTheInitialSet() {
    Optional<ValidatorSetRow> row =
        new InitialValidatorSet(fromGenesis).before(submission(List.of(), Hash32.ZERO, 100));

    assertThat(row).isPresent();
    assertThat(row.get().source()).isEqualTo(ValidatorSetSource.GENESIS);
    assertThat(row.get().validators()).isEqualTo(fromGenesis);
    assertThat(row.get().blockNumber()).isEqualTo(99);
  }

  @Test
  void withoutAGenesisSetTheFirstSubmissionsUnchangedSetIsTheInitialSet() {
    Hash32 hash = BridgeMessages.validatorSetHash(validators(fromGenesis));
    Optional<ValidatorSetRow> row =
        new InitialValidatorSet(List.of()).before(submission(fromGenesis, hash, 100));

    assertThat(row).isPresent();
    assertThat(row.get().validators()).isEqualTo(fromGenesis);
  }

  @Test
  void aSubmissionThatChangesTheSetDoesNotTellTheInitialSet() {
    Hash32 other = BridgeMessages.validatorSetHash(validators(fromGenesis.subList(0, 1)));
    assertThat(new InitialValidatorSet(List.of()).before(submission(fromGenesis, other, 100)))
        .isEmpty();
  }

  private static List<ValidatorEntry> genesisSet() {
    try {
      Path genesis =
          Path.of(
              InitialValidatorSetTest.class.getResource("/genesis/chain-games-69421.json").toURI());
      return EdgeGenesisImport.read(genesis).initialValidators();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static CheckpointRow submission(List<ValidatorEntry> next, Hash32 signedUnder, long at) {
    return new CheckpointRow(
        Hash32.ZERO,
        Address.ofLow(0xab),
        true,
        1,
        10,
        Hash32.ZERO,
        Hash32.ZERO,
        BigInteger.ZERO,
        signedUnder,
        Bytes.of(new byte[64]),
        Bytes.of(new byte[] {1}),
        next,
        at,
        0,
        0);
  }

  private static List<Validator> validators(List<ValidatorEntry> entries) {
    List<Validator> out = new ArrayList<>();
    for (ValidatorEntry v : entries) {
      byte[] k = v.blsKey().value();
      List<BigInteger> words = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        words.add(new BigInteger(1, Arrays.copyOfRange(k, 32 * w, 32 * w + 32)));
      }
      out.add(new Validator(v.address(), words, v.votingPower()));
    }
    return out;
  }
}
