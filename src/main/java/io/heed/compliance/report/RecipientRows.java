package io.heed.compliance.report;

import io.heed.compliance.CampaignFacts;
import io.heed.compliance.ComplianceFilter;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.Sql;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a campaign's recipients with their answers, in recipient order (launch order), through server-side
 * cursors: {@code fetchSize} rows of each are held at a time, whatever the campaign's size. Runs in a
 * transaction (a cursor lives in one), a {@code Database.snapshot}, whose snapshot both cursors share.
 *
 * <p>Two ordered reads merged here rather than one join aggregated in SQL: recipients by id, and the campaign's
 * answers by recipient id, each an index-ordered scan. Pivoting the answers into columns in SQL (a GROUP BY with
 * a FILTER per step) cost three times as much database time for a million recipients; one {@code UNION ALL} of
 * both ordered by recipient is sorted as a whole before its first row (no merge of the two index scans).
 */
final class RecipientRows {

    /** Takes each row as it is read. */
    @FunctionalInterface
    interface Sink {
        void accept(RecipientRow row) throws IOException;
    }

    /** ISO-8601 in UTC with microseconds, formatted once by PostgreSQL rather than parsed and formatted here. */
    private static final String ISO = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

    private static final NamedSql RECIPIENTS = NamedSql.of("""
            /* heed:recipient-rows */
            select r.id, r.email, r.name, r.region, r.department, r.country, r.delivery_status,
                   to_char(r.sent_at at time zone 'UTC', %1$s) as sent_at,
                   to_char(r.deadline_at at time zone 'UTC', %1$s) as deadline_at,
                   to_char(r.completed_at at time zone 'UTC', %1$s) as completed_at
              from recipient r
             where r.campaign_id = :campaign and %2$s
             order by r.id""".formatted(ISO, ComplianceFilter.sql("r")));

    // Every answer of the campaign, also those of recipients the filter leaves out (skipped while merging):
    // simpler and, for a filtered export, no slower than a semi-join against the recipients.
    private static final NamedSql ANSWERS = NamedSql.of("""
            /* heed:recipient-rows answers */
            select a.recipient_id, a.step_key, a.status, to_char(a.changed_at at time zone 'UTC', %s) as changed_at
              from step_answer a
             where a.campaign_id = :campaign
             order by a.recipient_id""".formatted(ISO));

    private RecipientRows() {}

    /** Reads every row the filter allows into {@code sink}; returns how many. */
    static long stream(Sql sql, CampaignFacts facts, ComplianceFilter filter, int fetchSize, Sink sink)
            throws SQLException, IOException {
        if (filter.nothingVisible()) {
            return 0;
        }
        List<String> steps = facts.stepKeys();
        Map<String, Integer> stepIndex = new HashMap<>();
        for (int s = 0; s < steps.size(); s++) {
            stepIndex.put(steps.get(s), s);
        }
        try (Sql.Cursor cursor = sql.cursor(ANSWERS, Params.of("campaign", facts.id()), fetchSize)) {
            Answers answers = new Answers(cursor, stepIndex);
            return sql.stream(RECIPIENTS, filter.params().and("campaign", facts.id()), fetchSize, r -> {
                String[] status = new String[steps.size()];
                String[] at = new String[steps.size()];
                answers.of(r.getLong("id"), status, at);
                sink.accept(new RecipientRow(
                        r.string("email"),
                        r.string("name"),
                        r.string("region"),
                        r.string("department"),
                        r.string("country"),
                        r.string("delivery_status"),
                        r.string("sent_at"),
                        r.string("deadline_at"),
                        status,
                        at,
                        r.string("completed_at")));
            });
        }
    }

    /** The answers' cursor, read along the recipients: it stands on the first answer not yet taken. */
    private static final class Answers {

        private final Sql.Cursor cursor;
        private final Map<String, Integer> stepIndex;
        private boolean more;

        Answers(Sql.Cursor cursor, Map<String, Integer> stepIndex) throws SQLException {
            this.cursor = cursor;
            this.stepIndex = stepIndex;
            this.more = cursor.next();
        }

        /** Fills in the current answers of recipient {@code id}, skipping those of recipients before it. */
        void of(long id, String[] status, String[] at) throws SQLException {
            // answers of recipients before this one belong to recipients the filter left out
            while (more && cursor.row().getLong("recipient_id") < id) {
                more = cursor.next();
            }
            while (more && cursor.row().getLong("recipient_id") == id) {
                Integer s = stepIndex.get(cursor.row().string("step_key"));
                if (s != null) {
                    status[s] = cursor.row().string("status");
                    at[s] = cursor.row().string("changed_at");
                }
                more = cursor.next();
            }
        }
    }
}
