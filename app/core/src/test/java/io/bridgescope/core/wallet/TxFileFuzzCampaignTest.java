package io.bridgescope.core.wallet;

import net.jqwik.api.Tag;

/**
 * The slow suite's fuzz campaign: the properties of {@link TxFileFuzzTest} with forty times their
 * tries (see {@code FuzzTries}; docs/fuzzing.md).
 */
@Tag("fuzz")
class TxFileFuzzCampaignTest extends TxFileFuzzTest {}
