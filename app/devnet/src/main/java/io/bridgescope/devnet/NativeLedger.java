package io.bridgescope.devnet;

import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Plays the part of Edge's native-transfer precompile that no contract can: moving another
 * account's native balance. The devnet's NativeTransfer stand-in at {@code 0x…2020} checks each
 * move the child's NativeERC20 ({@code 0x…1010}) asks for and logs it as {@code NativeMove(from,
 * to, amount)}; each tick this applies the logged moves of the newly mined blocks with {@code
 * anvil_setBalance}, debiting {@code from} and crediting {@code to} (the zero address is the mint
 * or burn side). So a native balance follows a bridge move within a tick, not in the same
 * transaction (resources/devnet/README.md, Differences from Edge).
 */
final class NativeLedger {

  private static final Logger LOG = LoggerFactory.getLogger(NativeLedger.class);

  /** {@code NativeMove(address indexed from, address indexed to, uint256 amount)}. */
  static final Hash32 NATIVE_MOVE =
      new Hash32(io.bridgescope.core.abi.Abi.topic("NativeMove(address,address,uint256)"));

  private final ChainClient child;
  private long scanned;
  final AtomicLong applied = new AtomicLong();

  NativeLedger(ChainClient child) {
    this.child = child;
    this.scanned = child.blockNumber();
  }

  synchronized void tick() {
    long head = child.blockNumber();
    if (head <= scanned) {
      return;
    }
    for (Log l :
        child.logs(DevnetContracts.NATIVE_TRANSFER, List.of(NATIVE_MOVE), scanned + 1, head)) {
      Address from = topicAddress(l, 1);
      Address to = topicAddress(l, 2);
      BigInteger amount =
          new AbiReader(Hex.decode("NativeMove data", l.getData())).uint("amount", 0);
      if (!from.equals(Address.ZERO)) {
        add(from, amount.negate());
      }
      if (!to.equals(Address.ZERO)) {
        add(to, amount);
      }
      applied.incrementAndGet();
    }
    scanned = head;
  }

  private void add(Address who, BigInteger delta) {
    BigInteger now = child.balance(who).add(delta);
    if (now.signum() < 0) {
      // the stand-in checked the balance when the move was mined; gas spent since can leave less
      LOG.warn("native ledger: {} holds less than a logged debit; set to 0", who);
      now = BigInteger.ZERO;
    }
    child.rpc("anvil_setBalance", List.of(who.toString(), "0x" + now.toString(16)));
  }

  private static Address topicAddress(Log l, int i) {
    return Address.of("0x" + l.getTopics().get(i).substring(26));
  }
}
