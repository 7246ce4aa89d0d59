package io.bridgescope.desktop.activity;

import io.bridgescope.core.model.Address;
import java.util.Optional;

/**
 * A followed account: a key of the local key store ({@code key} its name) or an address the user
 * added; {@link #ALL} stands for every one of them at once.
 */
public record ActivityAccount(String label, Optional<Address> address, Optional<String> key) {

  public static final ActivityAccount ALL =
      new ActivityAccount("All followed accounts", Optional.empty(), Optional.empty());

  static ActivityAccount ofKey(String name, Address a) {
    return new ActivityAccount(name, Optional.of(a), Optional.of(name));
  }

  static ActivityAccount ofAddress(Address a) {
    return new ActivityAccount(a.toString(), Optional.of(a), Optional.empty());
  }

  /** True for an address the user added (it can be removed); false for keys and {@link #ALL}. */
  public boolean removable() {
    return address.isPresent() && key.isEmpty();
  }
}
