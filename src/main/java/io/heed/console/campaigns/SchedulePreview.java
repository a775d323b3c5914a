package io.heed.console.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a schedule means for the audience, in words, before anything is sent: for each region, when its people get
 * the invitation in their own zone and in UTC ("EMEA: 09:00 Europe/London = 08:00 UTC, Tue 3 Feb"), and how long
 * sending takes ("12,400 messages over 3 h at 70/min"). A region's line names the zone most of its people are in,
 * and how many other zones it has. Pure: the audience's zones and the clock come in.
 */
final class SchedulePreview {

    /** How many of the audience are in one region and zone. */
    record Zone(String region, String timeZone, long people) {}

    /**
     * @param mode {@code now}, {@code at} (everyone at {@code sendAt}) or {@code local} (each person at
     *     {@code localTime} in their own zone, on or after {@code sendAt}, or now)
     */
    record Schedule(String mode, Instant sendAt, LocalTime localTime, Duration spreadOver, Integer ratePerMinute) {}

    /** One region's line and its parts. */
    record RegionLine(
            String region, String localTime, String zone, String utcTime, String day, int otherZones, long people) {
        String text() {
            return region + ": " + localTime + " " + zone + " = " + utcTime + " UTC, " + day
                    + (otherZones > 0
                            ? " (and " + otherZones + " other zone" + (otherZones == 1 ? "" : "s") + ")"
                            : "");
        }
    }

    /** The whole preview: a line per region, then the total. */
    record Preview(
            List<RegionLine> regions,
            long messages,
            Duration sending,
            Duration window,
            Integer ratePerMinute,
            String total) {
        String text() {
            List<String> lines =
                    new ArrayList<>(regions.stream().map(RegionLine::text).toList());
            lines.add(total);
            return String.join("; ", lines);
        }
    }

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private SchedulePreview() {}

    static Preview of(List<Zone> audience, Schedule schedule, Instant now) {
        Instant start = schedule.sendAt() != null && schedule.sendAt().isAfter(now) ? schedule.sendAt() : now;
        if ("now".equals(schedule.mode())) {
            start = now;
        }
        Map<String, List<Zone>> byRegion = new LinkedHashMap<>();
        audience.stream()
                .sorted(Comparator.comparing(Zone::region))
                .forEach(z -> byRegion.computeIfAbsent(z.region(), r -> new ArrayList<>())
                        .add(z));
        List<RegionLine> lines = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        long messages = 0;
        boolean local = "local".equals(schedule.mode()) && schedule.localTime() != null;
        for (Map.Entry<String, List<Zone>> region : byRegion.entrySet()) {
            Zone main = region.getValue().stream()
                    .max(Comparator.comparingLong(Zone::people)
                            .thenComparing(Zone::timeZone, Comparator.reverseOrder()))
                    .orElseThrow();
            long people = region.getValue().stream().mapToLong(Zone::people).sum();
            messages += people;
            for (Zone z : region.getValue()) {
                Instant at = local ? nextLocal(start, schedule.localTime(), zone(z.timeZone())) : start;
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
            }
            ZoneId zone = zone(main.timeZone());
            Instant at = local ? nextLocal(start, schedule.localTime(), zone) : start;
            ZonedDateTime there = at.atZone(zone);
            ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
            lines.add(new RegionLine(
                    region.getKey(),
                    HM.format(there),
                    zone.getId(),
                    HM.format(utc),
                    DAY.format(utc),
                    region.getValue().size() - 1,
                    people));
        }
        Duration window = first == null ? Duration.ZERO : Duration.between(first, last);
        Duration sending = sending(messages, schedule.spreadOver(), schedule.ratePerMinute());
        String total = total(messages, sending, schedule);
        if (!window.isZero() && messages > 0) {
            total += ", in waves over " + span(window) + " as each zone reaches " + HM.format(schedule.localTime());
        }
        return new Preview(lines, messages, sending, window, schedule.ratePerMinute(), total);
    }

    /** How long sending {@code messages} takes: the spread, or longer when the rate cap needs more. */
    static Duration sending(long messages, Duration spread, Integer rate) {
        Duration byRate = rate == null || rate <= 0
                ? Duration.ZERO
                : Duration.ofSeconds((long) Math.ceil(messages * 60.0 / rate));
        Duration spreadOver = spread == null ? Duration.ZERO : spread;
        return byRate.compareTo(spreadOver) > 0 ? byRate : spreadOver;
    }

    /** The next {@code time} in {@code zone} at or after {@code start}, as the launch snapshot computes it. */
    static Instant nextLocal(Instant start, LocalTime time, ZoneId zone) {
        ZonedDateTime there = start.atZone(zone);
        LocalDate day = there.toLocalDate();
        ZonedDateTime candidate = ZonedDateTime.of(day, time, zone);
        if (candidate.toInstant().isBefore(start)) {
            candidate = ZonedDateTime.of(day.plusDays(1), time, zone);
        }
        return candidate.toInstant();
    }

    private static String total(long messages, Duration duration, Schedule schedule) {
        String count = String.format(Locale.ENGLISH, "%,d message%s", messages, messages == 1 ? "" : "s");
        if (messages == 0) {
            return "No messages: the audience is empty";
        }
        String rate = schedule.ratePerMinute() == null ? "" : " at " + schedule.ratePerMinute() + "/min";
        if (duration.isZero()) {
            return count + " at once" + (rate.isEmpty() ? " (no rate cap)" : rate);
        }
        return count + " over " + span(duration) + rate;
    }

    /** {@code 3 h}, {@code 2 h 15 min}, {@code 45 min}, {@code 1 d 4 h}, {@code under a minute}. */
    static String span(Duration d) {
        long minutes = (d.toSeconds() + 59) / 60;
        if (minutes < 1) {
            return "under a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long mins = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + " d");
        }
        if (hours > 0) {
            parts.add(hours + " h");
        }
        if (mins > 0 && days == 0) {
            parts.add(mins + " min");
        }
        return String.join(" ", parts);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
