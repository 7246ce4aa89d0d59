package io.bridgescope.core.chain;

import java.net.URI;
import java.time.Instant;

/** What we last saw of one RPC endpoint, for the status bar and {@code status}. */
public record RpcHealth(
    URI url, boolean ok, String lastError, Instant lastOk, Instant lastFailure) {}
