package io.bridgescope.desktop.activity;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.KeyInfo;
import java.util.List;

/**
 * What My activity needs: the key store's keys, the addresses the user follows (a file in the data
 * directory) and every deposit and exit of one address. Every method may block (disk, SQL): the
 * ViewModel calls it only on a worker thread.
 */
public interface ActivityPort {

  /** Whether a network is open (keys and followed addresses work without one). */
  boolean isConnected();

  /** Called (any thread) after the open network changed. */
  AutoCloseable onSessionChange(Runnable listener);

  /** Called (any thread, often) when the open network's index moved. */
  AutoCloseable onDataChange(Runnable listener);

  List<KeyInfo> keys();

  /**
   * The followed addresses, in the order added.
   *
   * @throws TrackedAddressesException when the file is damaged (it names the file and the line)
   */
  List<Address> trackedAddresses();

  /** Follows {@code a} too (kept in the file); returns the new list. */
  List<Address> track(Address a);

  /** Stops following {@code a}; returns the new list. */
  List<Address> untrack(Address a);

  /**
   * Every deposit and exit where {@code account} is sender, receiver, depositor/withdrawer or the
   * receiver of a payload item, newest first.
   */
  List<ActivityItem> activity(Address account);

  /** A window without a wallet: nothing followed, nothing listed. */
  ActivityPort NONE =
      new ActivityPort() {
        @Override
        public boolean isConnected() {
          return false;
        }

        @Override
        public AutoCloseable onSessionChange(Runnable listener) {
          return () -> {};
        }

        @Override
        public AutoCloseable onDataChange(Runnable listener) {
          return () -> {};
        }

        @Override
        public List<KeyInfo> keys() {
          return List.of();
        }

        @Override
        public List<Address> trackedAddresses() {
          return List.of();
        }

        @Override
        public List<Address> track(Address a) {
          throw new TrackedAddressesException(
              null, "this window has no data directory: addresses cannot be followed here");
        }

        @Override
        public List<Address> untrack(Address a) {
          return List.of();
        }

        @Override
        public List<ActivityItem> activity(Address account) {
          return List.of();
        }
      };
}
