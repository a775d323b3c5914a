package io.heed.compliance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Streams a campaign's recipients with their answers, in recipient order (launch order), through a server-side
 * cursor: {@code fetchSize} rows are held at a time, whatever the campaign's size. Runs on a connection with
 * autocommit off (a cursor needs a transaction), e.g. from {@link ReadSnapshots}.
 */
final class RecipientRows {

    /** Takes each row as it is read. */
    @FunctionalInterface
    interface Sink {
        void accept(RecipientRow row) throws IOException;
    }

    // One row per recipient: the answers pivoted into one column pair per step (generated per playbook, step
    // keys bound as parameters). Grouping by the primary key keeps the plan a streaming merge of recipient and
    // step_answer in recipient order: the first rows leave before the last are read.
    private static final String ROWS = """
            /* heed:recipient-rows */
            select r.email, r.name, r.region, r.department, r.country, r.delivery_status, r.sent_at,
                   r.deadline_at, r.completed_at%s
              from recipient r
              left join step_answer a on a.recipient_id = r.id
             where r.campaign_id = ? and %s
             group by r.id
             order by r.id""";

    private static final String STEP_COLUMNS =
            ", max(a.status) filter (where a.step_key = ?), max(a.changed_at) filter (where a.step_key = ?)";

    private RecipientRows() {}

    /** Reads every row the filter allows into {@code sink}; returns how many. */
    static long stream(Connection connection, CampaignFacts facts, ComplianceFilter filter, int fetchSize, Sink sink)
            throws SQLException, IOException {
        if (filter.nothingVisible()) {
            return 0;
        }
        List<String> steps = facts.stepKeys();
        String sql = ROWS.formatted(STEP_COLUMNS.repeat(steps.size()), ComplianceFilter.sql("r"));
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(fetchSize);
            int i = 1;
            for (String step : steps) {
                statement.setString(i++, step);
                statement.setString(i++, step);
            }
            statement.setLong(i++, facts.id());
            filter.bind(connection, statement, i);
            try (ResultSet r = statement.executeQuery()) {
                int n = steps.size();
                while (r.next()) {
                    String[] status = new String[n];
                    Instant[] at = new Instant[n];
                    for (int s = 0; s < n; s++) {
                        status[s] = r.getString(10 + 2 * s);
                        at[s] = instant(r.getTimestamp(11 + 2 * s));
                    }
                    sink.accept(new RecipientRow(
                            r.getString(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            instant(r.getTimestamp(7)),
                            instant(r.getTimestamp(8)),
                            status,
                            at,
                            instant(r.getTimestamp(9))));
                    count++;
                }
            }
        }
        return count;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
