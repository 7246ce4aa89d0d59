package io.bridgescope.core.evidence;

import io.bridgescope.core.evidence.EvidenceBundle.Exporter;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.crypto.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Who exported a bundle: an EIP-191 personal message signed by a keystore key. The message is short
 * text a wallet can show ("Bridgescope evidence … keccak256: 0x…") naming the keccak-256 of the
 * bundle's signed body ({@link EvidenceJson#signedBody}), so any change to any field breaks it.
 */
public final class ExporterSignature {

  private ExporterSignature() {}

  /** The text that is signed (then prefixed per EIP-191 by the signer). */
  public static byte[] message(EvidenceBundle b) {
    String text =
        "Bridgescope evidence bundle\n"
            + b.kind().key()
            + " "
            + b.transaction()
            + " on "
            + b.network()
            + "\nkeccak256: "
            + Hex.encode(Keccak.keccak256(EvidenceJson.signedBody(b)));
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The bundle with its exporter set from a 65-byte {@code r ‖ s ‖ v} signature by {@code by}. */
  public static EvidenceBundle attach(EvidenceBundle b, Address by, byte[] signature) {
    return b.withExporter(Optional.of(new Exporter(by, Bytes.of(signature))));
  }

  /** The address that signed the bundle, or empty if the signature recovers to no key. */
  public static Optional<Address> recover(EvidenceBundle b) {
    if (b.exporter().isEmpty()) {
      return Optional.empty();
    }
    byte[] sig = b.exporter().get().signature().value();
    if (sig.length != 65) {
      return Optional.empty();
    }
    byte v = sig[64];
    if (v < 27) {
      v += 27; // some signers give v as 0/1
    }
    Sign.SignatureData data =
        new Sign.SignatureData(v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
    try {
      BigInteger key =
          Sign.signedPrefixedMessageToKey(message(b.withExporter(Optional.empty())), data);
      return Optional.of(Address.of("0x" + Keys.getAddress(key)));
    } catch (SignatureException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
