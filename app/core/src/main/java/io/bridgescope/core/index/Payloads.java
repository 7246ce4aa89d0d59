package io.bridgescope.core.index;

import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.crypto.Keccak;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the ERC-20 bridge payloads (docs/protocol.md, ERC-20 payloads); public because the signer
 * shows the transfer inside an exit or deposit it is about to sign.
 */
public final class Payloads {

  static final Hash32 DEPOSIT_SIG = tag("DEPOSIT");
  static final Hash32 WITHDRAW_SIG = tag("WITHDRAW");
  static final Hash32 MAP_TOKEN_SIG = tag("MAP_TOKEN");

  private Payloads() {}

  private static Hash32 tag(String s) {
    return new Hash32(Keccak.keccak256(s.getBytes(StandardCharsets.US_ASCII)));
  }

  /** What a message's data is, with the transfer fields when it is a deposit or withdrawal. */
  public record Decoded(PayloadKind kind, Optional<Erc20Transfer> transfer) {}

  public static Decoded decode(byte[] data, boolean towardsChild) {
    if (data.length < 32) {
      return new Decoded(PayloadKind.MESSAGE, Optional.empty());
    }
    AbiReader r = new AbiReader(data);
    Hash32 sig = r.bytes32("payload.tag", 0);
    try {
      if (towardsChild && sig.equals(MAP_TOKEN_SIG)) {
        return new Decoded(PayloadKind.MAP_TOKEN, Optional.empty());
      }
      Hash32 expect = towardsChild ? DEPOSIT_SIG : WITHDRAW_SIG;
      if (sig.equals(expect) && data.length == 5 * 32) {
        Erc20Transfer t =
            new Erc20Transfer(
                r.address("payload.rootToken", 1),
                r.address("payload.from", 2),
                r.address("payload.to", 3),
                r.uint("payload.amount", 4));
        return new Decoded(
            towardsChild ? PayloadKind.DEPOSIT : PayloadKind.WITHDRAWAL, Optional.of(t));
      }
    } catch (IllegalArgumentException e) {
      // A tag with a malformed body is an arbitrary message, not a transfer we can show.
    }
    return new Decoded(PayloadKind.MESSAGE, Optional.empty());
  }
}
