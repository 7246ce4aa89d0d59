package io.bridgescope.desktop.ports;

import java.time.Instant;

/**
 * A watched item's lifecycle step changed (or a watched address got a new item).
 *
 * @param title e.g. "Deposit 42: Executed"
 * @param text e.g. "was Committed" or "new deposit of 0xab…"
 */
public record Notice(Instant at, String title, String text) {}
