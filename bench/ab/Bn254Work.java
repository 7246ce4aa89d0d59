package io.bridgescope.crypto.bn254;

import java.security.SecureRandom;
import java.util.*;

/**
 * The BN254 workloads of bench/bn254-ab.sh, compiled once against each version of the package and
 * loaded by its own class loader, so two versions run side by side in one JVM. Not part of the
 * Maven build: it reaches package-private classes (G2Prepared, Pairing's two halves).
 */
public class Bn254Work {
  List<G2Point> keys = new ArrayList<>();
  G1Point agg;
  G2Point pk;
  G1Point h;
  G2Prepared neg, pkp;
  Fp12 ml;
  byte[] dom = new byte[32], msg = new byte[32];

  public Bn254Work() {
    SecureRandom r = new SecureRandom(new byte[] {1});
    r.nextBytes(dom);
    r.nextBytes(msg);
    List<G1Point> sigs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Bn254KeyPair k = Bn254Bls.generateKeyPair(r);
      keys.add(k.publicKey());
      sigs.add(Bn254Bls.sign(k.secretKey(), msg, dom));
    }
    agg = Bn254Bls.aggregateSignatures(sigs);
    pk = Bn254Bls.aggregatePublicKeys(keys);
    h = HashToG1.hash(msg, dom);
    neg = new G2Prepared(G2Point.generator().negate());
    pkp = new G2Prepared(pk);
    ml = Pairing.millerLoopPrepared(List.of(agg, h), List.of(neg, pkp));
    if (!Bn254Bls.aggregateVerify(keys, msg, agg, dom)) throw new AssertionError();
  }

  /** Names of the workloads, in the order {@link #run} numbers them. */
  public static String[] names() {
    return new String[] {
      "aggregateVerify", "sum100", "hash", "preparePk", "miller2", "finalExp", "pairingCheck2"
    };
  }

  public Object run(int op) {
    switch (op) {
      case 0:
        return Bn254Bls.aggregateVerify(keys, msg, agg, dom);
      case 1:
        return Bn254Bls.aggregatePublicKeys(keys);
      case 2:
        return HashToG1.hash(msg, dom);
      case 3:
        return new G2Prepared(pk);
      case 4:
        return Pairing.millerLoopPrepared(List.of(agg, h), List.of(neg, pkp));
      case 5:
        return Pairing.finalExponentiation(ml);
      default:
        return Pairing.pairingCheck(List.of(agg, h), List.of(G2Point.generator().negate(), pk));
    }
  }
}
