package io.heed.acknowledgement;

import io.heed.campaign.CampaignStatus;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Reads a recipient's {@link AnswerSheet} by primary keys (recipient, campaign, and step_answer's key prefix): the
 * hot path of every page view and answer, one round trip each.
 */
@ApplicationScoped
class AnswerSheetQueries {

    private static final String RECIPIENT_COLUMNS = """
            r.id, r.campaign_id, r.link_nonce, r.locale, r.time_zone, r.deadline_at, r.sent_at, r.completed_at,
            c.name as campaign_name, c.status as campaign_status, c.playbook_version_id""";

    private static final String ANSWER_COLUMNS =
            "a.step_key, a.status, a.answered_via, a.first_answered_at, a.changed_at";

    // A page view: recipient, campaign and answers in one query.
    private static final NamedSql READ = NamedSql.of("select " + RECIPIENT_COLUMNS + ", " + ANSWER_COLUMNS
            + " from recipient r join campaign c on c.id = r.campaign_id"
            + " left join step_answer a on a.recipient_id = r.id"
            + " where r.id = :recipient");

    // An answer: the recipient row is locked first, so one person's answers apply one after the other, and the
    // answers are read by a second statement. Under READ COMMITTED a statement that waited for a lock re-reads
    // the locked row but sees every other table as it was when the statement began: reading the answers in the
    // locking statement would miss those the previous holder of the lock just committed. The two statements go
    // to the server in one round trip (the driver sends them together; the server runs them in order, the second
    // with a fresh snapshot). Two results: raw JDBC, with the statement's one parameter bound by name.
    private static final NamedSql LOCK_THEN_READ = NamedSql.of("select " + RECIPIENT_COLUMNS
            + " from recipient r join campaign c on c.id = r.campaign_id"
            + " where r.id = :recipient for no key update of r;\n"
            + "select " + ANSWER_COLUMNS + " from step_answer a where a.recipient_id = :recipient");

    @Inject
    Database database;

    /** The sheet of recipient {@code recipientId}, if it exists and belongs to a launched campaign. */
    Optional<AnswerSheet> read(long recipientId) {
        return database.run("read the answer sheet of a recipient", sql -> {
            Assembler sheet = new Assembler();
            sql.stream(READ, Params.of("recipient", recipientId), 0, sheet::row);
            return Optional.ofNullable(sheet.sheet);
        });
    }

    /**
     * Like {@link #read}, with the recipient row locked until the caller's transaction ends (call it inside one):
     * what an answer reads before it writes.
     */
    Optional<AnswerSheet> lockAndRead(long recipientId) {
        return database.run("lock and read the answer sheet of a recipient", sql -> {
            Connection connection = sql.connection();
            try (PreparedStatement select = connection.prepareStatement(LOCK_THEN_READ.jdbc())) {
                List<String> positions = LOCK_THEN_READ.positions();
                for (int i = 0; i < positions.size(); i++) {
                    select.setLong(i + 1, recipientId); // every parameter is :recipient
                }
                select.execute();
                Optional<AnswerSheet> sheet;
                try (ResultSet row = select.getResultSet()) {
                    sheet = row.next() ? sheet(row) : Optional.empty();
                }
                select.getMoreResults();
                try (ResultSet rows = select.getResultSet()) {
                    while (sheet.isPresent() && rows.next()) {
                        add(sheet.get(), rows);
                    }
                }
                return sheet;
            }
        });
    }

    /** Folds the rows of {@link #READ}: the sheet from the first, one answer from each row that has one. */
    private static final class Assembler {
        private boolean first = true;
        private AnswerSheet sheet;

        void row(Row row) throws SQLException {
            ResultSet rs = row.resultSet();
            if (first) {
                first = false;
                sheet = sheet(rs).orElse(null);
            }
            if (sheet != null && rs.getString("step_key") != null) {
                add(sheet, rs);
            }
        }
    }

    /** The recipient and campaign columns; empty for a campaign without a pinned version (not launched). */
    private static Optional<AnswerSheet> sheet(ResultSet row) throws SQLException {
        long versionId = row.getLong("playbook_version_id");
        if (row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new AnswerSheet(
                row.getLong("id"),
                row.getLong("campaign_id"),
                row.getBytes("link_nonce"),
                row.getString("campaign_name"),
                CampaignStatus.valueOf(row.getString("campaign_status")),
                versionId,
                row.getString("locale"),
                row.getString("time_zone"),
                instant(row.getTimestamp("deadline_at")),
                instant(row.getTimestamp("sent_at")),
                instant(row.getTimestamp("completed_at")),
                new LinkedHashMap<>()));
    }

    private static void add(AnswerSheet sheet, ResultSet row) throws SQLException {
        String stepKey = row.getString("step_key");
        sheet.answers()
                .put(
                        stepKey,
                        new Answer(
                                stepKey,
                                StepStatus.parse(row.getString("status")).orElseThrow(),
                                "playbook".equals(row.getString("answered_via")),
                                instant(row.getTimestamp("first_answered_at")),
                                instant(row.getTimestamp("changed_at"))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
