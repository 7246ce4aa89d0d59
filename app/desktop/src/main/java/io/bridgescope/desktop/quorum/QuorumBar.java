package io.bridgescope.desktop.quorum;

import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/** A horizontal bar: signed power filled from the left, with a marker at the 2/3 threshold. */
public final class QuorumBar extends Region {

  private final Rectangle track = new Rectangle();
  private final Rectangle signed = new Rectangle();
  private final Line threshold = new Line();
  private double signedFraction;
  private double thresholdFraction = 2.0 / 3;

  public QuorumBar() {
    getStyleClass().add("quorum-bar");
    track.getStyleClass().add("quorum-track");
    signed.getStyleClass().add("quorum-signed");
    threshold.getStyleClass().add("quorum-threshold");
    getChildren().addAll(track, signed, threshold);
    setMinHeight(18);
    setPrefHeight(18);
  }

  /** {@code reached} picks the fill colour (style class quorum-reached or quorum-missing). */
  public void show(double signedFraction, double thresholdFraction, boolean reached) {
    this.signedFraction = clamp(signedFraction);
    this.thresholdFraction = clamp(thresholdFraction);
    signed.getStyleClass().removeAll("quorum-reached", "quorum-missing");
    signed.getStyleClass().add(reached ? "quorum-reached" : "quorum-missing");
    requestLayout();
  }

  public double signedFraction() {
    return signedFraction;
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    track.setWidth(w);
    track.setHeight(h);
    signed.setWidth(w * signedFraction);
    signed.setHeight(h);
    double x = Math.round(w * thresholdFraction) + 0.5;
    threshold.setStartX(x);
    threshold.setEndX(x);
    threshold.setStartY(-3);
    threshold.setEndY(h + 3);
  }

  @Override
  protected double computePrefWidth(double height) {
    return 300;
  }
}
