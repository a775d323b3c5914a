package io.heed.console.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulePreviewTest {

    private static final Instant TUESDAY_7_UTC = Instant.parse("2026-02-03T07:00:00Z");

    private static final List<SchedulePreview.Zone> AUDIENCE = List.of(
            new SchedulePreview.Zone("EMEA", "Europe/Berlin", 6_000),
            new SchedulePreview.Zone("EMEA", "Europe/London", 2_400),
            new SchedulePreview.Zone("APAC", "Asia/Tokyo", 4_000));

    @Test
    void eachPersonsLocalTimeNamesEveryRegionsMainZoneInItsOwnTimeAndUtcWithTheDay() {
        var preview = SchedulePreview.of(
                AUDIENCE,
                new SchedulePreview.Schedule("local", TUESDAY_7_UTC, LocalTime.of(9, 0), null, 70),
                TUESDAY_7_UTC);
        assertEquals(
                List.of(
                        "APAC: 09:00 Asia/Tokyo = 00:00 UTC, Wed 4 Feb",
                        "EMEA: 09:00 Europe/Berlin = 08:00 UTC, Tue 3 Feb (and 1 other zone)"),
                preview.regions().stream().map(SchedulePreview.RegionLine::text).toList());
        assertEquals(12_400, preview.messages());
        // 12,400 at 70/min is 177.1 minutes: 2 h 58 min; the waves: London 09:00 Tue to Tokyo 09:00 Wed.
        assertEquals(
                "12,400 messages over 2 h 58 min at 70/min, in waves over 16 h as each zone reaches 09:00",
                preview.total());
    }

    @Test
    void aFixedTimeIsTheSameInstantForEveryoneShownInEachRegionsZone() {
        var preview = SchedulePreview.of(
                AUDIENCE,
                new SchedulePreview.Schedule(
                        "at", Instant.parse("2026-02-03T08:00:00Z"), null, Duration.ofHours(3), null),
                TUESDAY_7_UTC);
        assertEquals(
                "APAC: 17:00 Asia/Tokyo = 08:00 UTC, Tue 3 Feb",
                preview.regions().get(0).text());
        assertEquals(
                "EMEA: 09:00 Europe/Berlin = 08:00 UTC, Tue 3 Feb (and 1 other zone)",
                preview.regions().get(1).text());
        assertEquals("12,400 messages over 3 h", preview.total());
    }

    @Test
    void theRateCapLengthensASpreadThatIsTooShortAndSendNowStartsNow() {
        var preview = SchedulePreview.of(
                List.of(new SchedulePreview.Zone("AMER", "America/New_York", 600)),
                new SchedulePreview.Schedule(
                        "now", Instant.parse("2026-03-01T00:00:00Z"), null, Duration.ofMinutes(5), 60),
                TUESDAY_7_UTC);
        assertEquals(
                "AMER: 02:00 America/New_York = 07:00 UTC, Tue 3 Feb",
                preview.regions().get(0).text());
        assertEquals("600 messages over 10 min at 60/min", preview.total());
    }

    @Test
    void aLocalTimeAlreadyPastTodayIsTomorrowAndAnEmptyAudienceSaysSo() {
        assertEquals(
                Instant.parse("2026-02-04T06:30:00Z"),
                SchedulePreview.nextLocal(TUESDAY_7_UTC, LocalTime.of(6, 30), java.time.ZoneOffset.UTC));
        var empty = SchedulePreview.of(
                List.of(), new SchedulePreview.Schedule("now", null, null, null, null), TUESDAY_7_UTC);
        assertEquals("No messages: the audience is empty", empty.total());
        assertEquals(
                "12 messages at once (no rate cap)",
                SchedulePreview.of(
                                List.of(new SchedulePreview.Zone("X", "UTC", 12)),
                                new SchedulePreview.Schedule("now", null, null, null, null),
                                TUESDAY_7_UTC)
                        .total());
    }
}
