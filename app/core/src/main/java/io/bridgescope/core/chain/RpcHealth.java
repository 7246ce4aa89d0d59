package io.bridgescope.core.chain;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What we last saw of one RPC endpoint, for the status bar and {@code status}. */
public record RpcHealth(
    URI url,
    boolean ok,
    @Nullable String lastError,
    @Nullable Instant lastOk,
    @Nullable Instant lastFailure) {}
