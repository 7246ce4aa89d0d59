package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;

/**
 * Reads the exit ids out of {@code ExitHelper.exit} / {@code batchExit} calldata, so the journal
 * can tell which exits a pending batch will process (the leaf starts with the id: {@code
 * abi.encode(id, sender, receiver, data)}).
 */
final class ExitCalls {

  private static final byte[] EXIT = Abi.selector(BridgeAbi.EXIT);
  private static final byte[] BATCH_EXIT = Abi.selector(BridgeAbi.BATCH_EXIT);

  private ExitCalls() {}

  static List<BigInteger> idsInRawTx(Bytes raw) {
    try {
      RawTransaction t = TransactionDecoder.decode(Hex.encode(raw.value()));
      return ids(Hex.decode("data", t.getData() == null ? "0x" : t.getData()));
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** The exit ids in the calldata; empty for other calls or undecodable data. */
  static List<BigInteger> ids(byte[] calldata) {
    if (calldata.length < 4) {
      return List.of();
    }
    byte[] sel = Arrays.copyOf(calldata, 4);
    try {
      AbiReader r = AbiReader.ofCalldata(calldata);
      if (Arrays.equals(sel, EXIT)) {
        return List.of(idOfLeaf(r.bytes("unhashedLeaf", 2)));
      }
      if (Arrays.equals(sel, BATCH_EXIT)) {
        AbiReader arr = r.tail("inputs", 0);
        int n = arr.arrayLength("inputs");
        AbiReader body = arr.arrayBody();
        // each element needs at least its offset word: a longer claim is a lie, not an allocation
        if ((long) n * 32 > calldata.length) {
          return List.of();
        }
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          out.add(idOfLeaf(body.tail("inputs[" + i + "]", i).bytes("unhashedLeaf", 2)));
        }
        return out;
      }
    } catch (AbiDecodingException e) {
      return List.of();
    }
    return List.of();
  }

  private static BigInteger idOfLeaf(byte[] leaf) {
    return new AbiReader(leaf).uint("id", 0);
  }
}
