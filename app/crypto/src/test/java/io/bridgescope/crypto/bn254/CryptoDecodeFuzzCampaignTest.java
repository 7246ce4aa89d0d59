package io.bridgescope.crypto.bn254;

import net.jqwik.api.Tag;

/**
 * The slow suite's fuzz campaign: the properties of {@link CryptoDecodeFuzzTest} with forty times
 * their tries (see {@code FuzzTries}; docs/fuzzing.md).
 */
@Tag("fuzz")
class CryptoDecodeFuzzCampaignTest extends CryptoDecodeFuzzTest {}
