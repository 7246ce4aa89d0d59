package io.bridgescope.core.index;

import net.jqwik.api.Tag;

/**
 * The slow suite's fuzz campaign: the properties of {@link CalldataFuzzTest} with forty times their
 * tries (see {@code FuzzTries}; docs/fuzzing.md).
 */
@Tag("fuzz")
class CalldataFuzzCampaignTest extends CalldataFuzzTest {}
