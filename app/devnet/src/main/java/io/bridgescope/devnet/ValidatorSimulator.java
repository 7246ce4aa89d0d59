package io.bridgescope.devnet;

import io.bridgescope.core.bridge.Validator;
import io.bridgescope.core.model.Address;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.bls.BlsKeyPair;
import io.bridgescope.crypto.bls.BlsScheme;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * N validators with BN254 BLS keys and voting powers. Keys come from a fixed seed so a devnet is
 * the same on every start (they guard nothing but a local test chain).
 */
public final class ValidatorSimulator {

  private final BlsScheme scheme;
  private final List<BlsKeyPair> keys;
  private final List<Validator> set;
  private final int online;
  private final BlsKeyPair outsider;

  public ValidatorSimulator(BlsScheme scheme, int count, int offline, long seed) {
    this.scheme = scheme;
    this.keys = new ArrayList<>(count);
    this.set = new ArrayList<>(count);
    this.online = count - offline;
    SecureRandom rnd = seeded(seed);
    for (int i = 0; i < count; i++) {
      BlsKeyPair kp = scheme.generateKeyPair(rnd);
      keys.add(kp);
      byte[] pk = kp.publicKey();
      Address addr = new Address(Arrays.copyOfRange(Keccak.keccak256(pk), 12, 32));
      // Unequal powers make the quorum panel show more than a head count.
      BigInteger power = BigInteger.valueOf(100L + 25L * (i % 4));
      set.add(new Validator(addr, onChainKey(pk), power));
    }
    // Drawn after the validators' keys, so adding it changed none of them.
    this.outsider = scheme.generateKeyPair(rnd);
  }

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
    }
  }

  /**
   * EVM-order key {@code x.imag‖x.real‖y.imag‖y.real} to on-chain {@code [x.re, x.im, y.re, y.im]}.
   */
  static List<BigInteger> onChainKey(byte[] evmOrder) {
    BigInteger[] w = new BigInteger[4];
    for (int i = 0; i < 4; i++) {
      w[i] = new BigInteger(1, Arrays.copyOfRange(evmOrder, 32 * i, 32 * i + 32));
    }
    return List.of(w[1], w[0], w[3], w[2]);
  }

  public List<Validator> validatorSet() {
    return List.copyOf(set);
  }

  public int size() {
    return set.size();
  }

  public byte[] publicKey(int index) {
    return keys.get(index).publicKey().clone();
  }

  /** Indices of validators that are up and sign. */
  public List<Integer> onlineSigners() {
    List<Integer> s = new ArrayList<>();
    for (int i = 0; i < online; i++) {
      s.add(i);
    }
    return s;
  }

  /** The smallest prefix of online signers whose power does NOT exceed floor(2*total/3). */
  public List<Integer> belowQuorumSigners() {
    BigInteger total =
        set.stream().map(Validator::votingPower).reduce(BigInteger.ZERO, BigInteger::add);
    BigInteger threshold = total.shiftLeft(1).divide(BigInteger.valueOf(3));
    List<Integer> s = new ArrayList<>();
    BigInteger power = BigInteger.ZERO;
    for (int i = 0; i < set.size(); i++) {
      BigInteger next = power.add(set.get(i).votingPower());
      if (next.compareTo(threshold) > 0) {
        break;
      }
      power = next;
      s.add(i);
    }
    if (s.isEmpty()) {
      s.add(0);
    }
    return s;
  }

  /** An aggregate signature of {@code message} under {@code domain} by {@code signers}. */
  public Signed sign(byte[] message, byte[] domain, List<Integer> signers) {
    List<byte[]> sigs = new ArrayList<>();
    List<byte[]> pks = new ArrayList<>();
    for (int i : signers) {
      sigs.add(scheme.sign(keys.get(i).secretKey(), message, domain));
      pks.add(keys.get(i).publicKey());
    }
    return new Signed(scheme.aggregateSignatures(sigs), ValidatorBitmap.encode(signers), pks);
  }

  /** The 128-byte public key of a BLS key pair that belongs to no validator (fault knob). */
  public byte[] outsiderPublicKey() {
    return outsider.publicKey().clone();
  }

  /**
   * Like {@link #sign}, but a key outside the validator set signs too: its signature is in the
   * aggregate and its key is appended to the public keys, while the bitmap names only {@code
   * signers}. The child's 0x2030 check accepts this (it verifies against the given keys only).
   */
  public Signed signWithOutsider(byte[] message, byte[] domain, List<Integer> signers) {
    Signed s = sign(message, domain, signers);
    List<byte[]> pks = new ArrayList<>(s.publicKeys());
    pks.add(outsider.publicKey());
    byte[] sig =
        scheme.aggregateSignatures(
            List.of(s.signature(), scheme.sign(outsider.secretKey(), message, domain)));
    return new Signed(sig, s.bitmap(), pks);
  }

  /** Aggregate signature (64 bytes x‖y), bitmap, and the signers' 128-byte public keys. */
  public record Signed(byte[] signature, byte[] bitmap, List<byte[]> publicKeys) {

    public BigInteger[] signatureWords() {
      return new BigInteger[] {
        new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
        new BigInteger(1, Arrays.copyOfRange(signature, 32, 64))
      };
    }
  }
}
