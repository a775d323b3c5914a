package io.heed.compliance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a campaign's recipients with their answers, in recipient order (launch order), through server-side
 * cursors: {@code fetchSize} rows of each are held at a time, whatever the campaign's size. Needs a connection
 * with autocommit off (a cursor lives in a transaction), e.g. from {@link ReadSnapshots}, whose snapshot both
 * cursors share.
 *
 * <p>Two ordered reads merged here rather than one join aggregated in SQL: recipients by id, and the campaign's
 * answers by recipient id, each an index-ordered scan. Pivoting the answers into columns in SQL (a GROUP BY with
 * a FILTER per step) cost three times as much database time for a million recipients.
 */
final class RecipientRows {

    /** Takes each row as it is read. */
    @FunctionalInterface
    interface Sink {
        void accept(RecipientRow row) throws IOException;
    }

    /** ISO-8601 in UTC with microseconds, formatted once by PostgreSQL rather than parsed and formatted here. */
    private static final String ISO = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

    private static final String RECIPIENTS = """
            /* heed:recipient-rows */
            select r.id, r.email, r.name, r.region, r.department, r.country, r.delivery_status,
                   to_char(r.sent_at at time zone 'UTC', %1$s), to_char(r.deadline_at at time zone 'UTC', %1$s),
                   to_char(r.completed_at at time zone 'UTC', %1$s)
              from recipient r
             where r.campaign_id = ? and %2$s
             order by r.id""";

    // Every answer of the campaign, also those of recipients the filter leaves out (skipped while merging):
    // simpler and, for a filtered export, no slower than a semi-join against the recipients.
    private static final String ANSWERS = """
            /* heed:recipient-rows answers */
            select a.recipient_id, a.step_key, a.status, to_char(a.changed_at at time zone 'UTC', %s)
              from step_answer a
             where a.campaign_id = ?
             order by a.recipient_id""";

    private RecipientRows() {}

    /** Reads every row the filter allows into {@code sink}; returns how many. */
    static long stream(Connection connection, CampaignFacts facts, ComplianceFilter filter, int fetchSize, Sink sink)
            throws SQLException, IOException {
        if (filter.nothingVisible()) {
            return 0;
        }
        List<String> steps = facts.stepKeys();
        Map<String, Integer> stepIndex = new HashMap<>();
        for (int s = 0; s < steps.size(); s++) {
            stepIndex.put(steps.get(s), s);
        }
        long count = 0;
        try (PreparedStatement recipients =
                        connection.prepareStatement(RECIPIENTS.formatted(ISO, ComplianceFilter.sql("r")));
                PreparedStatement answers = connection.prepareStatement(ANSWERS.formatted(ISO))) {
            recipients.setFetchSize(fetchSize);
            recipients.setLong(1, facts.id());
            filter.bind(connection, recipients, 2);
            answers.setFetchSize(fetchSize);
            answers.setLong(1, facts.id());
            try (ResultSet r = recipients.executeQuery();
                    ResultSet a = answers.executeQuery()) {
                boolean answer = a.next();
                while (r.next()) {
                    long id = r.getLong(1);
                    String[] status = new String[steps.size()];
                    String[] at = new String[steps.size()];
                    // answers of recipients before this one belong to recipients the filter left out
                    while (answer && a.getLong(1) < id) {
                        answer = a.next();
                    }
                    while (answer && a.getLong(1) == id) {
                        Integer s = stepIndex.get(a.getString(2));
                        if (s != null) {
                            status[s] = a.getString(3);
                            at[s] = a.getString(4);
                        }
                        answer = a.next();
                    }
                    sink.accept(new RecipientRow(
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            r.getString(7),
                            r.getString(8),
                            r.getString(9),
                            status,
                            at,
                            r.getString(10)));
                    count++;
                }
            }
        }
        return count;
    }
}
