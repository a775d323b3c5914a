package io.heed.console;

import io.quarkus.qute.TemplateExtension;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes numbers, dates and times, in one place, for templates ({@code {campaign.launchedAt.utc}},
 * {@code {count.grouped}}, {@code {rate.percent}}) and controllers. Every time carries its zone: a time without
 * one is never shown (the browser's zone is never guessed).
 */
@TemplateExtension
public final class ConsoleFormat {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private ConsoleFormat() {}

    /** {@code Tue 3 Feb 2026, 08:00 UTC}; empty for none. */
    public static String utc(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** {@code Tue 3 Feb 2026, 09:00 Europe/London}. */
    public static String in(Instant instant, String zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.of(zone))) + " " + zone;
    }

    /** {@code 09:00 Asia/Tokyo}. */
    public static String timeIn(Instant instant, String zone) {
        return instant == null ? "" : TIME.format(instant.atZone(ZoneId.of(zone))) + " " + zone;
    }

    /** {@code Tue 3 Feb 2026}. */
    public static String day(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** ISO form, for {@code <time datetime>}. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** {@code 12,400}. */
    public static String grouped(long number) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(number);
    }

    public static String grouped(int number) {
        return grouped((long) number);
    }

    /** A rate from 0 to 1 as {@code 42.5 %} (one decimal, none for whole numbers). */
    public static String percent(double rate) {
        double value = Math.round(rate * 1000) / 10.0;
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " %";
    }

    /** {@code a.times(b)}: a product in templates (the pager's); Qute itself only adds and subtracts. */
    public static long times(Number a, Number b) {
        return a.longValue() * b.longValue();
    }

    /** {@code 3 h 20 min}, {@code 45 s}. */
    public static String span(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " days" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }
}
