package io.bridgescope.core.asset;

import net.jqwik.api.Tag;

/**
 * The slow suite's fuzz campaign: the properties of {@link AssetPayloadFuzzTest} with forty times
 * their tries (see {@code FuzzTries}; docs/fuzzing.md).
 */
@Tag("fuzz")
class AssetPayloadFuzzCampaignTest extends AssetPayloadFuzzTest {}
