package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.crypto.Keccak;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Objects;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction2930;

/**
 * A signed transaction with the plan it was signed from. The raw bytes are public once sent and
 * hold no secret; {@link #of} checks that they really encode {@code tx}, signed by {@code tx.from}.
 */
public record SignedTx(UnsignedTx tx, Bytes raw, Hash32 hash) {

  public SignedTx {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(hash, "hash");
  }

  /** Wraps signed bytes after checking they encode {@code tx}, signed by its sender. */
  public static SignedTx of(UnsignedTx tx, byte[] raw) {
    RawTransaction decoded;
    try {
      decoded = TransactionDecoder.decode(Hex.encode(raw));
    } catch (RuntimeException e) {
      throw bad("the signed bytes are not a transaction (" + e.getClass().getSimpleName() + ")");
    }
    if (!(decoded instanceof SignedRawTransaction s)) {
      throw bad("the transaction is not signed");
    }
    // The decoder ignores trailing bytes and accepts non-minimal RLP; such bytes hash differently
    // from the transaction a node would mine (and a node refuses them), so only the canonical
    // encoding of what was decoded is accepted.
    if (!Arrays.equals(TransactionEncoder.encode(s, s.getSignatureData()), raw)) {
      throw bad("the signed bytes are not the canonical encoding of a transaction");
    }
    Address signer;
    try {
      signer = Address.of(s.getFrom());
    } catch (SignatureException | RuntimeException e) {
      throw bad("the signature does not verify");
    }
    long chainId =
        s.getTransaction() instanceof Transaction2930 t
            ? t.getChainId()
            : s.getChainId() == null ? -1 : s.getChainId();
    check(signer.equals(tx.from()), "it is signed by " + signer + ", not " + tx.from());
    check(chainId == tx.chainId(), "its chain id is " + chainId + ", not " + tx.chainId());
    check(s.getNonce().equals(BigInteger.valueOf(tx.nonce())), "its nonce differs");
    check(tx.to().equals(Address.of(s.getTo())), "its recipient differs");
    check(s.getValue().equals(tx.value()), "its value differs");
    check(s.getGasLimit().equals(BigInteger.valueOf(tx.gasLimit())), "its gas limit differs");
    check(
        tx.data().equals(Bytes.ofHex(s.getData() == null ? "0x" : s.getData())),
        "its data differs");
    return new SignedTx(tx, Bytes.of(raw), new Hash32(Keccak.keccak256(raw)));
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw bad("the signed transaction does not match its description: " + what);
    }
  }

  private static WalletException bad(String msg) {
    return new WalletException(WalletException.Kind.BAD_FILE, msg);
  }
}
