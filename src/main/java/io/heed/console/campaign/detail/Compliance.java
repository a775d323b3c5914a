package io.heed.console.campaign.detail;

import io.heed.compliance.CampaignFacts;
import io.heed.compliance.dashboard.Dashboard;
import java.util.ArrayList;
import java.util.List;

/**
 * The compliance tab, made from one dashboard: the groups with each step's done / not applicable, the heat map
 * (group × step, shade 0–10 by share done), completions per day as an SVG chart with its table, overdue groups.
 */
record Compliance(Dashboard dashboard, String groupBy, List<HeatRow> heat, Chart chart, List<Dashboard.Group> overdue) {

    record HeatCell(String step, long done, long notApplicable, long recipients, int shade, String percent) {}

    record HeatRow(String key, List<HeatCell> cells) {}

    record Bar(double x, double y, double width, double height, String label) {}

    record Tick(double y, long value) {}

    /** The chart's geometry in a 640 × 220 view box; {@code line}: the running total as polyline points. */
    record Chart(List<Bar> bars, String line, List<Tick> ticks, String first, String last, long max, long total) {
        public boolean empty() {
            return bars.isEmpty();
        }
    }

    static final double WIDTH = 640, HEIGHT = 220, LEFT = 40, BOTTOM = 24, TOP = 10;

    static Compliance of(Dashboard d, String groupBy) {
        List<HeatRow> heat = new ArrayList<>();
        for (Dashboard.Group g : d.groups()) {
            List<HeatCell> cells = new ArrayList<>();
            for (CampaignFacts.Step step : d.steps()) {
                Dashboard.StepCount c = g.steps().get(step.key());
                long done = c == null ? 0 : c.done();
                long na = c == null ? 0 : c.notApplicable();
                double share = g.recipients() == 0 ? 0 : (double) (done + na) / g.recipients();
                cells.add(new HeatCell(
                        step.title(),
                        done,
                        na,
                        g.recipients(),
                        (int) Math.round(share * 10),
                        io.heed.console.ConsoleFormat.percent(share)));
            }
            heat.add(new HeatRow(g.key() == null ? "(none)" : g.key(), cells));
        }
        List<Dashboard.Group> overdue =
                d.groups().stream().filter(g -> g.overdue() > 0).toList();
        return new Compliance(d, groupBy, heat, chart(d.timeline()), overdue);
    }

    static Chart chart(List<Dashboard.Day> days) {
        if (days.isEmpty()) {
            return new Chart(List.of(), "", List.of(), "", "", 0, 0);
        }
        long max = 1;
        for (Dashboard.Day day : days) {
            max = Math.max(max, Math.max(day.completed(), day.cumulative()));
        }
        double plotW = WIDTH - LEFT - 10, plotH = HEIGHT - BOTTOM - TOP;
        double slot = plotW / days.size();
        double barW = Math.max(1, slot * 0.7);
        List<Bar> bars = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            Dashboard.Day day = days.get(i);
            double h = plotH * day.completed() / max;
            double x = LEFT + i * slot + (slot - barW) / 2;
            bars.add(new Bar(
                    round(x), round(TOP + plotH - h), round(barW), round(h), day.date() + ": " + day.completed()));
            double cy = TOP + plotH - plotH * day.cumulative() / max;
            line.append(i == 0 ? "" : " ")
                    .append(round(x + barW / 2))
                    .append(',')
                    .append(round(cy));
        }
        List<Tick> ticks =
                List.of(new Tick(round(TOP + plotH), 0), new Tick(round(TOP + plotH / 2), max / 2), new Tick(TOP, max));
        Dashboard.Day last = days.get(days.size() - 1);
        return new Chart(
                bars,
                line.toString(),
                ticks,
                io.heed.console.ConsoleFormat.day(days.get(0).date()),
                io.heed.console.ConsoleFormat.day(last.date()),
                max,
                last.cumulative());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
