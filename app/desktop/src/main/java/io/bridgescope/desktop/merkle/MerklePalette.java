package io.bridgescope.desktop.merkle;

import javafx.scene.paint.Color;

/**
 * Colours of the tree canvas. Highlight colours come from the Okabe-Ito set, which stays
 * distinguishable for the common colour-vision deficiencies.
 */
public record MerklePalette(
    Color background,
    Color gutter,
    Color node,
    Color nodeStroke,
    Color edge,
    Color band,
    Color text,
    Color levelText,
    Color selectedLeaf,
    Color path,
    Color sibling,
    Color root,
    Color highlightText) {

  public static final MerklePalette LIGHT =
      new MerklePalette(
          Color.web("#ffffff"),
          Color.web("#f2f4f7"),
          Color.web("#e6ebf1"),
          Color.web("#8a96a6"),
          Color.web("#b8c2cf"),
          Color.web("#9aa8ba"),
          Color.web("#1d2633"),
          Color.web("#4a5668"),
          Color.web("#d55e00"),
          Color.web("#0072b2"),
          Color.web("#009e73"),
          Color.web("#a0407a"),
          Color.web("#ffffff"));

  public static final MerklePalette DARK =
      new MerklePalette(
          Color.web("#1b2028"),
          Color.web("#222833"),
          Color.web("#2e3643"),
          Color.web("#5d6a7c"),
          Color.web("#4a5566"),
          Color.web("#5d6a7c"),
          Color.web("#dfe6ee"),
          Color.web("#a7b2c1"),
          Color.web("#f08a3c"),
          Color.web("#3d9be0"),
          Color.web("#2bbf8f"),
          Color.web("#d47fb3"),
          Color.web("#10141a"));

  public Color fill(NodeRole role) {
    return switch (role) {
      case NONE -> node;
      case SELECTED_LEAF -> selectedLeaf;
      case PATH -> path;
      case SIBLING -> sibling;
      case ROOT -> root;
    };
  }
}
