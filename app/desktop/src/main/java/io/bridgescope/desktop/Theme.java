package io.bridgescope.desktop;

import java.util.List;

/** Light and dark look; both share base.css and override its colour variables. */
public enum Theme {
  LIGHT("light.css"),
  DARK("dark.css");

  private static final String DIR = "/io/bridgescope/desktop/theme/";

  private final String css;

  Theme(String css) {
    this.css = css;
  }

  /** Stylesheet resources in the order they must be applied. */
  public List<String> stylesheets() {
    return List.of(DIR + "base.css", DIR + css);
  }

  /** Style class put on the scene root, so code-drawn controls (canvas) can follow the theme. */
  public String rootStyleClass() {
    return "theme-" + name().toLowerCase(java.util.Locale.ROOT);
  }

  public Theme other() {
    return this == LIGHT ? DARK : LIGHT;
  }
}
