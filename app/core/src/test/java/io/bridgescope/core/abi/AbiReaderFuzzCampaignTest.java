package io.bridgescope.core.abi;

import net.jqwik.api.Tag;

/**
 * The slow suite's fuzz campaign: the properties of {@link AbiReaderFuzzTest} with forty times
 * their tries (see {@code FuzzTries}; docs/fuzzing.md).
 */
@Tag("fuzz")
class AbiReaderFuzzCampaignTest extends AbiReaderFuzzTest {}
