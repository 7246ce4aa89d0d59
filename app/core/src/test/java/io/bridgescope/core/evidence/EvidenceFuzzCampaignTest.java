package io.bridgescope.core.evidence;

import net.jqwik.api.Tag;

/**
 * The slow suite's fuzz campaign: the properties of {@link EvidenceFuzzTest} with forty times their
 * tries (see {@code FuzzTries}; docs/fuzzing.md).
 */
@Tag("fuzz")
class EvidenceFuzzCampaignTest extends EvidenceFuzzTest {}
