package io.bridgescope.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BlsSchemeName;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bls.BlsKeyPair;
import io.bridgescope.crypto.bls.BlsPublicKey;
import io.bridgescope.crypto.bls.BlsScheme;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The key cache changes how fast a finding is made, never the finding: another set gets its own
 * keys, an equal set the same ones, and a bad key fails exactly as the scheme fails on it.
 */
class KeyCacheTest {

  private static final SchemeSupport SUPPORT = SchemeSupport.of(BlsSchemeName.BN254_EDGE);
  private static final Bn254EdgeScheme BLS = new Bn254EdgeScheme();
  private static final SecureRandom RANDOM = new SecureRandom(new byte[] {3});
  private static final byte[] DOMAIN = {1, 2, 3};

  private final List<BlsKeyPair> pairs = new ArrayList<>();

  KeyCacheTest() {
    for (int i = 0; i < 5; i++) {
      pairs.add(BLS.generateKeyPair(RANDOM));
    }
  }

  private ValidatorSetRef set(String label, List<byte[]> evmKeys) {
    List<ValidatorEntry> v = new ArrayList<>();
    for (int i = 0; i < evmKeys.size(); i++) {
      v.add(
          new ValidatorEntry(
              i,
              Address.ofLow(0x100 + i),
              VerifierTest.onChainOrder(evmKeys.get(i)),
              BigInteger.TEN));
    }
    return new ValidatorSetRef(label, v, Optional.empty());
  }

  private List<byte[]> keys(int... which) {
    return Arrays.stream(which).mapToObj(i -> pairs.get(i).publicKey()).toList();
  }

  @Test
  void aChangedSetGetsItsOwnKeysAndAnEqualOneSharesThem() {
    KeyCache cache = new KeyCache(SUPPORT, true);
    BlsScheme s = SUPPORT.scheme();
    ValidatorSetRef a = set("genesis", keys(0, 1, 2));
    ValidatorSetRef again = set("checkpoint of epoch 1", keys(0, 1, 2));
    ValidatorSetRef b = set("checkpoint of epoch 2", keys(0, 1, 3)); // validator 2 replaced
    SetKeys ka = cache.of(a);
    assertThat(cache.of(again)).as("same content, same entry").isSameAs(ka);
    SetKeys kb = cache.of(b);
    assertThat(kb).isNotSameAs(ka);
    Bytes key2 = Bytes.of(pairs.get(2).publicKey());
    Bytes key3 = Bytes.of(pairs.get(3).publicKey());
    assertThat(ka.indexOf(key2)).contains(2);
    assertThat(ka.indexOf(key3)).isEmpty();
    assertThat(kb.indexOf(key2)).isEmpty();
    assertThat(kb.indexOf(key3)).contains(2);
    // the aggregate of the new set's signers is theirs: it verifies their signature, A's does not
    byte[] msg = {9, 9};
    byte[] sig =
        BLS.aggregateSignatures(
            List.of(0, 1, 3).stream()
                .map(i -> BLS.sign(pairs.get(i).secretKey(), msg, DOMAIN))
                .toList());
    List<Bytes> signers = keys(0, 1, 3).stream().map(Bytes::of).toList();
    BlsPublicKey sumB = kb.aggregate(s, signers).orElseThrow();
    assertThat(s.verifyAggregate(sumB, msg, sig, DOMAIN)).isTrue();
    assertThat(ka.aggregate(s, signers)).as("key 3 is a stranger to set A").isEmpty();
    // a group of all but one is the total minus that one: still the same aggregate as summing
    List<Bytes> two = keys(0, 3).stream().map(Bytes::of).toList();
    byte[] sig2 =
        BLS.aggregateSignatures(
            List.of(0, 3).stream()
                .map(i -> BLS.sign(pairs.get(i).secretKey(), msg, DOMAIN))
                .toList());
    assertThat(s.verifyAggregate(kb.aggregate(s, two).orElseThrow(), msg, sig2, DOMAIN)).isTrue();
    assertThat(s.verifyAggregate(kb.aggregate(s, signers).orElseThrow(), msg, sig2, DOMAIN))
        .isFalse();
    // a repeated signer is not a group of distinct keys: left to the one-by-one path
    assertThat(kb.aggregate(s, List.of(signers.get(0), signers.get(0)))).isEmpty();
  }

  @Test
  void theCacheIsBoundedAndADisabledCacheBuildsAFreshEntryEachTime() {
    KeyCache cache = new KeyCache(SUPPORT, true);
    ValidatorSetRef first = set("first", keys(0));
    SetKeys k = cache.of(first);
    for (int i = 1; i <= 8; i++) {
      cache.of(set("rotated " + i, keys(i % 5, (i + 1) % 5, (i + 2) % 5).subList(0, 1 + i % 3)));
    }
    cache.of(set("another", keys(4, 3, 2, 1)));
    assertThat(cache.of(set("first again", keys(0)))).as("evicted, rebuilt").isNotSameAs(k);
    KeyCache off = new KeyCache(SUPPORT, false);
    assertThat(off.of(first)).isNotSameAs(off.of(first));
  }

  @Test
  void aKeyThatDoesNotDecodeIsReportedAsTheSchemeReportsIt() {
    byte[] bad = new byte[128];
    Arrays.fill(bad, (byte) 0x11);
    List<byte[]> setKeys = new ArrayList<>(keys(0, 1));
    setKeys.add(bad);
    SetKeys k = new KeyCache(SUPPORT, true).of(set("genesis", setKeys));
    BlsScheme s = SUPPORT.scheme();
    byte[] msg = {4};
    byte[] sig = BLS.sign(pairs.get(0).secretKey(), msg, DOMAIN);
    // what the scheme says when handed the raw keys, as the verifier did before the cache
    InvalidEncodingException plain =
        catchEncoding(() -> s.aggregateVerify(setKeys, msg, sig, DOMAIN));
    assertThat(plain.getMessage()).contains("publicKeys[2]");
    InvalidEncodingException cached = catchEncoding(() -> k.key(s, Bytes.of(bad), 2));
    assertThat(cached.getMessage()).isEqualTo(plain.getMessage());
    assertThat(k.indexOf(Bytes.of(bad))).as("still a validator of the set").contains(2);
    assertThat(k.aggregate(s, setKeys.stream().map(Bytes::of).toList())).isEmpty();
    // the good keys of the same set still decode from the cache
    assertThat(k.key(s, Bytes.of(pairs.get(0).publicKey()), 0)).isNotNull();
    assertThatThrownBy(() -> SetKeys.decodeOne(s, Bytes.of(bad), 7))
        .isInstanceOf(InvalidEncodingException.class)
        .hasMessageContaining("publicKeys[7]");
  }

  private static InvalidEncodingException catchEncoding(Runnable r) {
    try {
      r.run();
    } catch (InvalidEncodingException e) {
      return e;
    }
    throw new AssertionError("no InvalidEncodingException");
  }
}
