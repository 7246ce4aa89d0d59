package io.bridgescope.core.chain;

import net.jqwik.api.Tag;

/**
 * The slow suite's fuzz campaign: the properties of {@link RevertReasonFuzzTest} with forty times
 * their tries (see {@code FuzzTries}; docs/fuzzing.md).
 */
@Tag("fuzz")
class RevertReasonFuzzCampaignTest extends RevertReasonFuzzTest {}
