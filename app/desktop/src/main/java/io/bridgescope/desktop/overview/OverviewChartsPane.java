package io.bridgescope.desktop.overview;

import io.bridgescope.core.stats.BridgeActivity;
import io.bridgescope.core.stats.Latency;
import io.bridgescope.desktop.ports.OverviewCharts;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.FlowPane;

/**
 * The Overview's three charts: deposits/exits per bucket (bars), the wait from StateSynced to its
 * commitment and from an exit to its checkpoint (lines, seconds). Filled from {@link
 * OverviewCharts}; the series are replaced in place, so reloads allocate no new charts.
 */
public final class OverviewChartsPane extends FlowPane {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneId.systemDefault());

  private final BarChart<String, Number> activity =
      new BarChart<>(new CategoryAxis(), new NumberAxis());
  private final LineChart<String, Number> commitLatency =
      new LineChart<>(new CategoryAxis(), new NumberAxis());
  private final LineChart<String, Number> checkpointLatency =
      new LineChart<>(new CategoryAxis(), new NumberAxis());
  private final XYChart.Series<String, Number> deposits = new XYChart.Series<>();
  private final XYChart.Series<String, Number> exits = new XYChart.Series<>();
  private final XYChart.Series<String, Number> commitMean = new XYChart.Series<>();
  private final XYChart.Series<String, Number> commitMax = new XYChart.Series<>();
  private final XYChart.Series<String, Number> checkpointMean = new XYChart.Series<>();
  private final XYChart.Series<String, Number> checkpointMax = new XYChart.Series<>();

  public OverviewChartsPane() {
    super(12, 12);
    getStyleClass().add("chart-pane");
    deposits.setName("Deposits");
    exits.setName("Exits");
    commitMean.setName("mean wait (s)");
    commitMax.setName("longest wait (s)");
    checkpointMean.setName("mean wait (s)");
    checkpointMax.setName("longest wait (s)");
    setUp(activity, "Deposits and exits", "messages");
    activity.setId("activity-chart");
    activity.setBarGap(1);
    activity.setCategoryGap(4);
    activity.getData().setAll(List.of(deposits, exits));
    setUp(commitLatency, "Deposit → commitment wait", "seconds");
    commitLatency.setId("commit-latency-chart");
    commitLatency.getData().setAll(List.of(commitMean, commitMax));
    setUp(checkpointLatency, "Exit → checkpoint wait", "seconds");
    checkpointLatency.setId("checkpoint-latency-chart");
    checkpointLatency.getData().setAll(List.of(checkpointMean, checkpointMax));
    getChildren().addAll(activity, commitLatency, checkpointLatency);
  }

  private static void setUp(XYChart<String, Number> chart, String title, String unit) {
    chart.setTitle(title);
    chart.setAnimated(false);
    chart.setPrefSize(340, 250);
    chart.setMinSize(300, 200);
    chart.getYAxis().setLabel(unit);
    chart.getStyleClass().add("overview-chart");
  }

  public void show(OverviewCharts c) {
    BridgeActivity a = c.activity();
    activity.setTitle("Deposits and exits per " + width(a.bucket()));
    DateTimeFormatter f = a.bucket().compareTo(Duration.ofDays(1)) >= 0 ? DAY : MINUTE;
    List<String> x = a.buckets().stream().map(b -> f.format(b.start())).toList();
    update(deposits, x, a.buckets().stream().map(b -> (Number) b.deposits()).toList());
    update(exits, x, a.buckets().stream().map(b -> (Number) b.exits()).toList());
    fill(commitMean, commitMax, c.commitmentLatency());
    fill(checkpointMean, checkpointMax, c.checkpointLatency());
  }

  private static void fill(
      XYChart.Series<String, Number> mean, XYChart.Series<String, Number> max, List<Latency> l) {
    List<String> x = l.stream().map(Latency::label).toList();
    update(mean, x, l.stream().map(p -> (Number) p.meanSeconds()).toList());
    update(max, x, l.stream().map(p -> (Number) p.maxSeconds()).toList());
  }

  /**
   * Sets the points in place: existing {@link XYChart.Data} items get new values, only the surplus
   * is removed or added. Replacing every item on each reload leaks: JavaFX 21 binds each point's
   * node to the series and axes (accessible text), and those bindings outlive removed points.
   */
  static void update(XYChart.Series<String, Number> series, List<String> x, List<Number> y) {
    var data = series.getData();
    if (data.size() > x.size()) {
      data.remove(x.size(), data.size());
    }
    for (int i = 0; i < x.size(); i++) {
      if (i < data.size()) {
        XYChart.Data<String, Number> d = data.get(i);
        if (!d.getXValue().equals(x.get(i))) {
          d.setXValue(x.get(i));
        }
        if (!d.getYValue().equals(y.get(i))) {
          d.setYValue(y.get(i));
        }
      } else {
        data.add(new XYChart.Data<>(x.get(i), y.get(i)));
      }
    }
  }

  static String width(Duration d) {
    long s = d.toSeconds();
    if (s < 3600) {
      return s / 60 == 1 ? "minute" : s / 60 + " minutes";
    }
    if (s < 86400) {
      return s / 3600 == 1 ? "hour" : s / 3600 + " hours";
    }
    return "day";
  }

  public BarChart<String, Number> activityChart() {
    return activity;
  }

  public LineChart<String, Number> commitLatencyChart() {
    return commitLatency;
  }

  public LineChart<String, Number> checkpointLatencyChart() {
    return checkpointLatency;
  }
}
