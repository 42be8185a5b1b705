package io.vitrine.api.console.stats;

import io.vitrine.oversight.stats.StatsFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A bar chart drawn on the server as SVG (no script, no chart library to load): one bar per group of a report, its
 * height in proportion to the group's GMV, the value in the bar's title (a tooltip) and the label under it for the
 * first, the last and every n-th bar so that labels never overlap.
 *
 * @param width  of the drawing area in SVG units
 * @param height of the drawing area
 * @param bars   in report order
 * @param max    the largest value (the top of the scale)
 */
public record StatsChart(int width, int height, List<Bar> bars, String max) {

    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    static final int MAX_BARS = 400;

    /** One bar: where it is drawn, its label (maybe hidden) and its value as text. */
    public record Bar(double x, double y, double width, double height, String label, boolean labelled, String value,
                      double labelX) {
    }

    static <T> StatsChart of(List<T> groups, Function<T, String> label, Function<T, StatsFigures> figures,
                             ToLongFunction<StatsFigures> metric, Function<Long, String> valueText) {
        List<T> shown = groups.size() > MAX_BARS ? groups.subList(0, MAX_BARS) : groups;
        long max = 0;
        for (T group : shown) {
            max = Math.max(max, metric.applyAsLong(figures.apply(group)));
        }
        double slot = shown.isEmpty() ? WIDTH : (double) WIDTH / shown.size();
        double barWidth = Math.max(1, slot * 0.8);
        int every = Math.max(1, (int) Math.ceil(shown.size() / 12.0));
        List<Bar> bars = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            T group = shown.get(i);
            long value = metric.applyAsLong(figures.apply(group));
            double h = max == 0 ? 0 : (double) value / max * (HEIGHT - 10);
            double x = i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(round(x), round(HEIGHT - h), round(barWidth), round(h), label.apply(group),
                    i == 0 || i == shown.size() - 1 || i % every == 0, valueText.apply(value), round(x + barWidth / 2)));
        }
        return new StatsChart(WIDTH, HEIGHT, bars, valueText.apply(max));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
