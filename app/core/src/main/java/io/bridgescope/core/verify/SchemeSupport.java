package io.bridgescope.core.verify;

import io.bridgescope.core.network.BlsSchemeName;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.crypto.bls.Bls12381Scheme;
import io.bridgescope.crypto.bls.BlsScheme;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A network's BLS scheme plus the one thing the scheme interface cannot know: how the validator set
 * stores a key. The verifier only talks to {@link BlsScheme}, so a bls12-381 profile plugs in here.
 */
public final class SchemeSupport {

  private static final int WORD = 32;

  private final String name;
  private final Supplier<BlsScheme> scheme;
  private final boolean evmWordOrder;
  private volatile @Nullable BlsScheme loaded;

  private SchemeSupport(String name, Supplier<BlsScheme> scheme, boolean evmWordOrder) {
    this.name = name;
    this.scheme = scheme;
    this.evmWordOrder = evmWordOrder;
  }

  /** The scheme a profile names; bls12-381 is loaded lazily because it needs a native library. */
  public static SchemeSupport of(BlsSchemeName name) {
    Objects.requireNonNull(name, "name");
    return switch (name) {
      case BN254_EDGE -> new SchemeSupport(name.key(), Bn254EdgeScheme::new, true);
      case BLS12_381 -> new SchemeSupport(name.key(), Bls12381Scheme::new, false);
    };
  }

  /** For tests and other curves: a scheme whose validator-set keys are already in its encoding. */
  public static SchemeSupport ofScheme(BlsScheme scheme) {
    return new SchemeSupport(scheme.name(), () -> scheme, false);
  }

  public String name() {
    return name;
  }

  /**
   * The scheme; throws {@link io.bridgescope.crypto.bls.BlsUnavailableException} if it can't load.
   */
  public BlsScheme scheme() {
    BlsScheme s = loaded;
    if (s == null) {
      s = scheme.get();
      loaded = s;
    }
    return s;
  }

  /**
   * A validator-set key as the scheme takes it. BN254 sets store {@code uint256[4] = [x.re, x.im,
   * y.re, y.im]} while the scheme (and the commit input) use {@code x.im ‖ x.re ‖ y.im ‖ y.re}
   * (docs/protocol.md, BLS encodings), so the word pairs are swapped.
   */
  public byte[] schemeKey(Bytes setKey) {
    byte[] k = setKey.value();
    if (!evmWordOrder || k.length != 4 * WORD) {
      return k;
    }
    byte[] out = new byte[k.length];
    System.arraycopy(k, WORD, out, 0, WORD);
    System.arraycopy(k, 0, out, WORD, WORD);
    System.arraycopy(k, 3 * WORD, out, 2 * WORD, WORD);
    System.arraycopy(k, 2 * WORD, out, 3 * WORD, WORD);
    return out;
  }
}
