package io.heed.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * {@code heed_next_local_time}, which plans each recipient's invitation at the campaign's local send time in
 * their own zone, on or after the send time. Employees in three zones; the send time is the eve of Europe's
 * spring-forward night of 2027, when 02:30 does not exist in Berlin.
 */
@QuarkusTest
class LocalSendTimeTest {

    @Inject
    EntityManager entityManager;

    private Instant next(String after, String localTime, String zone) {
        Object result = entityManager
                .createNativeQuery("select heed_next_local_time(cast(?1 as timestamptz), cast(?2 as time), ?3)")
                .setParameter(1, after)
                .setParameter(2, localTime)
                .setParameter(3, zone)
                .getSingleResult();
        return result instanceof OffsetDateTime odt ? odt.toInstant() : ((Instant) result);
    }

    @Test
    void threeZonesAroundEuropesSpringForward() {
        String sendAt = "2027-03-27T12:00:00Z";
        // Berlin: 02:30 on 28 March is skipped (clocks jump 02:00 → 03:00); read as standard time: 03:30 CEST.
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"), next(sendAt, "02:30", "Europe/Berlin"));
        // New York has been on summer time since 14 March: 02:30 EDT the next morning.
        assertEquals(Instant.parse("2027-03-28T06:30:00Z"), next(sendAt, "02:30", "America/New_York"));
        // Tokyo (no daylight saving) is already at 21:00 on the 27th: 02:30 on the 28th.
        assertEquals(Instant.parse("2027-03-27T17:30:00Z"), next(sendAt, "02:30", "Asia/Tokyo"));
    }

    @Test
    void sameDayWhenTheLocalTimeIsStillAhead() {
        // 12:00Z is 13:00 in Berlin (CET): 15:00 the same day.
        assertEquals(Instant.parse("2027-03-27T14:00:00Z"), next("2027-03-27T12:00:00Z", "15:00", "Europe/Berlin"));
        // Exactly at the local time counts as "on or after".
        assertEquals(Instant.parse("2027-03-27T12:00:00Z"), next("2027-03-27T12:00:00Z", "13:00", "Europe/Berlin"));
    }

    @Test
    void autumnFallBackUsesTheRightOffsetAfterTheChange() {
        // Berlin leaves summer time on 31 October 2027 at 03:00 → 02:00; 09:00 that day is CET (UTC+1).
        assertEquals(Instant.parse("2027-10-31T08:00:00Z"), next("2027-10-30T20:00:00Z", "09:00", "Europe/Berlin"));
    }
}
