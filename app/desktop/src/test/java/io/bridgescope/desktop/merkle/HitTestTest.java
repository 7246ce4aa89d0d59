package io.bridgescope.desktop.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import org.junit.jupiter.api.Test;

class HitTestTest {

  @Test
  void clickOnANodeFindsItAndBetweenRowsFindsNothing() {
    FullTreeLayout layout = FullTreeLayout.forLeaves(8);
    Viewport vp = new Viewport();
    vp.setSize(1000, 400);
    vp.setLevelCount(layout.levelCount());
    vp.fit(layout.minX(), layout.maxX());
    assertThat(MerkleTreeInput.hitTest(layout, vp, vp.screenX(5) + 3, vp.screenY(0) - 2))
        .isEqualTo(new MerkleNodeRef(0, 5));
    assertThat(MerkleTreeInput.hitTest(layout, vp, vp.screenX(layout.x(2, 1)), vp.screenY(2)))
        .isEqualTo(new MerkleNodeRef(2, 1));
    double between = (vp.screenY(0) + vp.screenY(1)) / 2;
    assertThat(MerkleTreeInput.hitTest(layout, vp, vp.screenX(5), between)).isNull();
  }
}
