package io.bridgescope.desktop.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {

  private Viewport viewport(int levels) {
    Viewport vp = new Viewport();
    vp.setSize(1000, 600);
    vp.setLevelCount(levels);
    return vp;
  }

  @Test
  void fitShowsEveryLeafRightOfTheGutter() {
    Viewport vp = viewport(13);
    vp.fit(0, 4095);
    assertThat(vp.screenX(0)).isGreaterThanOrEqualTo(Viewport.GUTTER);
    assertThat(vp.screenX(4095)).isLessThanOrEqualTo(1000);
    assertThat(vp.screenY(12)).isLessThan(vp.screenY(0)); // root above leaves
  }

  @Test
  void zoomKeepsThePointUnderTheCursor() {
    Viewport vp = viewport(13);
    vp.fit(0, 4095);
    double before = vp.worldX(400);
    vp.zoomAt(8, 400);
    assertThat(vp.worldX(400)).isCloseTo(before, within(1e-9));
    assertThat(vp.scale()).isGreaterThan(1);
  }

  @Test
  void zoomOutStopsAtHalfTheFitScale() {
    Viewport vp = viewport(13);
    vp.fit(0, 4095);
    double fit = vp.scale();
    vp.zoomAt(0.001, 500);
    assertThat(vp.scale()).isCloseTo(fit / 2, within(1e-12));
  }

  @Test
  void nearestLevelInvertsScreenY() {
    Viewport vp = viewport(13);
    for (int level = 0; level < 13; level++) {
      assertThat(vp.nearestLevel(vp.screenY(level) + 3)).isEqualTo(level);
    }
  }

  @Test
  void verticalPanIsLimitedToTheContent() {
    Viewport vp = viewport(21); // 1M leaves: rows no longer fit 600 px
    double top = vp.screenY(20);
    vp.pan(0, 10_000);
    assertThat(vp.screenY(20)).isEqualTo(top);
    vp.pan(0, -10_000);
    assertThat(vp.screenY(0)).isLessThanOrEqualTo(600);
  }
}
