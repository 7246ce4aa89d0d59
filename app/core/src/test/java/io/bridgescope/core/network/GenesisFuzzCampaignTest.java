package io.bridgescope.core.network;

import net.jqwik.api.Tag;

/**
 * The slow suite's fuzz campaign: the properties of {@link GenesisFuzzTest} with forty times their
 * tries (see {@code FuzzTries}; docs/fuzzing.md).
 */
@Tag("fuzz")
class GenesisFuzzCampaignTest extends GenesisFuzzTest {}
