package io.bridgescope.desktop.notify;

/** Where a desktop notification pops up (ControlsFX in the app; a recorder in tests). */
public interface NotificationSink {

  /** Called on the FX thread, at most a few times a second (notices are coalesced). */
  void show(String title, String text);
}
