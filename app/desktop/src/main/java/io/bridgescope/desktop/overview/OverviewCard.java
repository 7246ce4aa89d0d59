package io.bridgescope.desktop.overview;

/** One tile of the Overview: a title, the headline value and a line of context. */
public record OverviewCard(String title, String value, String detail, boolean warning) {}
