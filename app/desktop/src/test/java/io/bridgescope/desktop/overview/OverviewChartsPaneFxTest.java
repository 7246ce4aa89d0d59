package io.bridgescope.desktop.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.stats.BridgeActivity;
import io.bridgescope.core.stats.Latency;
import io.bridgescope.desktop.ports.OverviewCharts;
import io.bridgescope.desktop.testing.Fx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Reloading the charts moves the existing points instead of creating new ones (no leak). */
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class OverviewChartsPaneFxTest {

  private OverviewChartsPane pane;

  @Start
  void start(Stage stage) {
    pane = new OverviewChartsPane(); // controls only after the toolkit started
    stage.setScene(new Scene(pane, 1100, 320));
    stage.show();
  }

  static OverviewCharts charts(long firstMinute, int buckets, long perBucket) {
    List<BridgeActivity.Bucket> b =
        LongStream.range(firstMinute, firstMinute + buckets)
            .mapToObj(
                m -> new BridgeActivity.Bucket(Instant.ofEpochSecond(m * 60), perBucket, m % 3))
            .toList();
    List<Latency> l =
        List.of(
            new Latency(Instant.EPOCH, "#1", 2.0, 3, 4),
            new Latency(Instant.EPOCH, "#2", 1.5, 2, 5));
    return new OverviewCharts(new BridgeActivity(Duration.ofMinutes(1), b), l, l);
  }

  @Test
  void aReloadUpdatesThePointsInPlaceAndATimeShiftMovesTheCategories() {
    Fx.run(() -> pane.show(charts(1000, 5, 7)));
    XYChart.Series<String, Number> deposits = pane.activityChart().getData().get(0);
    List<XYChart.Data<String, Number>> before = Fx.call(() -> List.copyOf(deposits.getData()));
    List<String> labels = Fx.call(() -> before.stream().map(XYChart.Data::getXValue).toList());
    Fx.run(() -> pane.show(charts(1001, 5, 9)));
    List<XYChart.Data<String, Number>> after = Fx.call(() -> List.copyOf(deposits.getData()));
    assertThat(after).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(after.get(i)).isSameAs(before.get(i));
    }
    assertThat(after).allMatch(d -> d.getYValue().longValue() == 9);
    assertThat(Fx.call(() -> after.get(0).getXValue())).isEqualTo(labels.get(1));
    Fx.run(() -> pane.show(charts(1001, 3, 9)));
    assertThat(Fx.call(() -> deposits.getData().size())).isEqualTo(3);
    assertThat(Fx.call(() -> pane.activityChart().getTitle()))
        .isEqualTo("Deposits and exits per minute");
  }
}
