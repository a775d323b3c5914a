package io.heed.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.campaign.RecordRecipientProgress.Visit;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recipient's progress as the employee pages report it: each time set once, never moved. */
@QuarkusTest
class RecordRecipientProgressTest {

    @Inject
    DataSource dataSource;

    @Inject
    RecordRecipientProgress progress;

    long ben;
    long anna;

    @BeforeEach
    void launch() {
        Database.reset(dataSource);
        long campaign = Scenario.launchedTomorrow(Scenario.request("Progress"));
        ben = Scenario.recipientId(campaign, "ben@example.com");
        anna = Scenario.recipientId(campaign, "anna@example.com");
    }

    @Test
    void theCompletionTimeIsSetOnceAndNeverOverwritten() {
        Instant first = Instant.parse("2026-12-01T10:00:00Z");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> progress.completed(ben, first)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> progress.completed(ben, first.plusSeconds(60))));
        assertEquals(first.getEpochSecond(), epoch("completed_at", ben));
        assertEquals(
                0,
                Database.count(
                        dataSource,
                        "select count(*) from recipient where completed_at is not null" + " and id <> " + ben));
    }

    @Test
    void theFirstVisitsOfABatchAreTheEarliestAndTheEarliestHumanOne() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        List<Visit> batch = List.of(
                new Visit(ben, t.plusSeconds(30), false),
                new Visit(ben, t, true), // a mail scanner first
                new Visit(ben, t.plusSeconds(10), false),
                new Visit(anna, t.plusSeconds(5), true));
        assertEquals(2, (int) QuarkusTransaction.requiringNew().call(() -> progress.firstVisits(batch)));
        assertEquals(t.getEpochSecond(), epoch("first_visit_at", ben));
        assertEquals(t.plusSeconds(10).getEpochSecond(), epoch("first_human_visit_at", ben));
        assertEquals(t.plusSeconds(5).getEpochSecond(), epoch("first_visit_at", anna));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from recipient where id = " + anna + " and first_human_visit_at is null"));

        // Later visits never move a time; Anna's first human visit is still noted.
        Instant later = t.plus(1, ChronoUnit.DAYS);
        List<Visit> next = List.of(new Visit(ben, later, false), new Visit(anna, later, false));
        assertEquals(1, (int) QuarkusTransaction.requiringNew().call(() -> progress.firstVisits(next)));
        assertEquals(t.getEpochSecond(), epoch("first_visit_at", ben));
        assertEquals(t.plusSeconds(10).getEpochSecond(), epoch("first_human_visit_at", ben));
        assertEquals(t.plusSeconds(5).getEpochSecond(), epoch("first_visit_at", anna));
        assertEquals(later.getEpochSecond(), epoch("first_human_visit_at", anna));
        assertEquals(0, (int) QuarkusTransaction.requiringNew().call(() -> progress.firstVisits(List.of())));
    }

    @Test
    void progressIsOnlyRecordedInsideTheCallersTransaction() {
        assertThrows(TransactionalException.class, () -> progress.completed(ben, Instant.now()));
        assertThrows(
                TransactionalException.class,
                () -> progress.firstVisits(List.of(new Visit(ben, Instant.now(), false))));
    }

    private long epoch(String column, long recipientId) {
        return Database.count(
                dataSource,
                "select extract(epoch from " + column + ")::bigint from recipient where id = " + recipientId);
    }
}
