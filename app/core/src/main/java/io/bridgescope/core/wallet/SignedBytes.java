package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.Inspection.Problem;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.TransactionType;

/**
 * What signed transaction bytes say, read from the bytes alone with the signer recovered from the
 * signature. Only the two shapes the wallet signs are accepted: EIP-1559 without an access list,
 * and legacy with an EIP-155 chain id (a legacy signature without one is valid on every chain).
 */
final class SignedBytes {

  private SignedBytes() {}

  /** The signed fields; {@code from} is recovered from the signature. */
  record Fields(
      long chainId,
      Address from,
      long nonce,
      Address to,
      Bytes data,
      BigInteger value,
      long gasLimit,
      Fees fees) {

    Fields {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    /** The fields as an unsigned transaction with placeholder labels (a policy derives them). */
    UnsignedTx unsigned(ChainRole chain) {
      return new UnsignedTx(
          chain,
          chainId,
          from,
          nonce,
          to,
          data,
          value,
          gasLimit,
          fees,
          TxPurpose.OTHER,
          Optional.empty(),
          "");
    }
  }

  static Fields decode(byte[] raw) {
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
    // from the transaction a node would mine, so only the canonical encoding is accepted.
    if (!Arrays.equals(TransactionEncoder.encode(s, s.getSignatureData()), raw)) {
      throw bad("the signed bytes are not the canonical encoding of a transaction");
    }
    Address signer;
    try {
      signer = Address.of(s.getFrom());
    } catch (SignatureException | RuntimeException e) {
      throw bad("the signature does not verify");
    }
    long chainId;
    Fees fees;
    TransactionType type = s.getType();
    if (type == TransactionType.EIP1559 && s.getTransaction() instanceof Transaction1559 t) {
      if (t.getAccessList() != null && !t.getAccessList().isEmpty()) {
        throw bad("the signed transaction carries an access list, which the wallet never signs");
      }
      chainId = t.getChainId();
      fees = new Fees(true, t.getMaxFeePerGas(), t.getMaxPriorityFeePerGas());
    } else if (type == TransactionType.LEGACY) {
      Long id = s.getChainId();
      if (id == null) {
        throw bad(
            "the signed legacy transaction has no EIP-155 chain id: it is valid on any chain");
      }
      chainId = id;
      fees = Fees.legacy(s.getGasPrice());
    } else {
      throw bad("the signed transaction is of type " + type + ", which the wallet never signs");
    }
    if (s.getTo() == null || s.getTo().isEmpty() || "0x".equals(s.getTo())) {
      throw bad("the signed transaction creates a contract, which the wallet never signs");
    }
    if (s.getGasLimit().signum() <= 0) {
      throw bad("the signed transaction has no gas limit");
    }
    try {
      return new Fields(
          chainId,
          signer,
          s.getNonce().longValueExact(),
          Address.of(s.getTo()),
          Bytes.ofHex(s.getData() == null || s.getData().isEmpty() ? "0x" : s.getData()),
          s.getValue(),
          s.getGasLimit().longValueExact(),
          fees);
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw bad("a field of the signed transaction is out of range (" + e.getMessage() + ")");
    }
  }

  /**
   * Every signed field of {@code actual} (from the bytes) that differs from {@code expected},
   * named; {@code what} says where the expected one comes from ("reviewed", "described in the
   * file").
   */
  static List<Problem> differences(UnsignedTx expected, UnsignedTx actual, String what) {
    List<Problem> out = new ArrayList<>();
    Diff diff =
        (field, e, a) -> {
          if (!e.equals(a)) {
            out.add(new Problem(field, "the signed bytes say " + a + ", " + what + " " + e, false));
          }
        };
    diff.add("chainId", expected.chainId(), actual.chainId());
    diff.add("from", expected.from(), actual.from());
    diff.add("nonce", expected.nonce(), actual.nonce());
    diff.add("to", expected.to(), actual.to());
    diff.add("value", expected.value(), actual.value());
    diff.add("gasLimit", expected.gasLimit(), actual.gasLimit());
    diff.add(
        "type",
        expected.fees().eip1559() ? "eip1559" : "legacy",
        actual.fees().eip1559() ? "eip1559" : "legacy");
    diff.add("maxFeePerGas", expected.fees().maxFeePerGas(), actual.fees().maxFeePerGas());
    diff.add(
        "maxPriorityFeePerGas",
        expected.fees().maxPriorityFeePerGas(),
        actual.fees().maxPriorityFeePerGas());
    if (!expected.data().equals(actual.data())) {
      out.add(
          new Problem(
              "data",
              "the call in the signed bytes ("
                  + actual.data().length()
                  + " bytes) is not the one "
                  + what
                  + " ("
                  + expected.data().length()
                  + " bytes)",
              false));
    }
    return out;
  }

  private interface Diff {
    void add(String field, Object expected, Object actual);
  }

  private static WalletException bad(String msg) {
    return new WalletException(Kind.BAD_FILE, msg);
  }
}
