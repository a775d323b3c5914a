package io.heed.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL helper against the real PostgreSQL: binding by name, types, snapshots, and the one translation. */
@QuarkusTest
class DatabaseTest {

    @Inject
    Database database;

    @Test
    void aValueUsedTwiceIsBoundOnceAndTypesRoundTrip() {
        Instant at = Instant.parse("2026-12-02T10:15:30.123456Z");
        var row = database.first(
                        NamedSql.of("select :n + :n as twice, :at::timestamptz as at, :none::text as none,"
                                + " cardinality(:ids::bigint[]) as ids, :names::text[] as names,"
                                + " :status as status"),
                        Params.of("n", 21)
                                .and("at", at)
                                .and("none", null)
                                .and("ids", List.of(1L, 2L, 3L))
                                .and("names", List.of("Zoë", "O'Brien"))
                                .and("status", ChronoUnit.DAYS),
                        r -> List.of(
                                r.getLong("twice"),
                                r.instant("at"),
                                String.valueOf(r.string("none")),
                                r.getInt("ids"),
                                r.strings("names"),
                                r.string("status")))
                .orElseThrow();
        assertEquals(List.of(42L, at, "null", 3, List.of("Zoë", "O'Brien"), "DAYS"), row);
    }

    @Test
    void aMissingParameterIsAProgrammingErrorNamedInTheMessage() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> database.number(NamedSql.of("select :a + :b"), Params.of("a", 1)));
        assertTrue(e.getMessage().contains(":b"), e.getMessage());
    }

    @Test
    void aFailedStatementComesOutAsOneDatabaseExceptionThatIsNotUnavailability() {
        DatabaseException e = assertThrows(
                DatabaseException.class, () -> database.number(NamedSql.of("select 1 / :zero"), Params.of("zero", 0)));
        assertFalse(e.unavailable());
        assertEquals("22012", e.sqlState());
    }

    @Test
    void aSnapshotIsReadOnlyAndRepeatable() {
        String isolation = database.snapshot(
                        "read the isolation",
                        sql -> sql.list(
                                NamedSql.of("select current_setting('transaction_isolation') as i,"
                                        + " current_setting('transaction_read_only') as ro"),
                                Params.NONE,
                                r -> r.string("i") + "/" + r.string("ro")))
                .get(0);
        assertEquals("repeatable read/on", isolation);
        DatabaseException write = assertThrows(
                DatabaseException.class,
                () -> database.snapshot(
                        "write in a snapshot",
                        sql -> sql.update(NamedSql.of("create temporary table t (x int)"), Params.NONE)));
        assertEquals("25006", write.sqlState());
        assertNull(database.first(NamedSql.of("select null::text as x"), Params.NONE, r -> r.string("x"))
                .orElse(null));
    }

    @Test
    void twoCursorsOnOneSnapshotAreReadSideBySide() {
        NamedSql numbers = NamedSql.of("select n from generate_series(1, :last) n order by n");
        List<Long> merged = database.snapshot("merge two cursors", sql -> {
            List<Long> out = new java.util.ArrayList<>();
            try (Sql.Cursor upToFive = sql.cursor(numbers, Params.of("last", 5), 2);
                    Sql.Cursor upToThree = sql.cursor(numbers, Params.of("last", 3), 2)) {
                while (upToFive.next() && upToThree.next()) {
                    out.add(upToFive.row().getLong("n") * 10 + upToThree.row().getLong("n"));
                }
            }
            return out;
        });
        assertEquals(List.of(11L, 22L, 33L), merged);
    }
}
