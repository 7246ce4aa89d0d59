package io.bridgescope.devnet;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import java.util.List;

/** anvil's unlocked development accounts (the same on both chains). */
final class DevAccounts {

  private DevAccounts() {}

  static List<Address> of(ChainClient c) {
    Object r = c.rpc("eth_accounts", List.of());
    if (!(r instanceof List<?> l) || l.size() < 10) {
      throw new DevnetException(c.label() + " chain did not list its 10 development accounts");
    }
    return l.stream().map(o -> Address.of(o.toString())).toList();
  }
}
