package io.heed.acknowledgement;

import io.agroal.api.AgroalDataSource;
import io.heed.campaign.CampaignStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Reads a recipient's {@link AnswerSheet} by primary keys (recipient, campaign, and step_answer's key prefix).
 * Plain JDBC: this is the hot path of every page view and answer.
 */
@ApplicationScoped
class AnswerSheets {

    private static final String RECIPIENT_COLUMNS = """
            r.id, r.campaign_id, r.link_nonce, r.locale, r.time_zone, r.deadline_at, r.sent_at, r.completed_at,
            c.name, c.status, c.playbook_version_id""";

    private static final int ANSWER_OFFSET = 12;

    // A page view: recipient, campaign and answers in one query.
    private static final String READ = "select " + RECIPIENT_COLUMNS + ","
            + " a.step_key, a.status, a.answered_via, a.first_answered_at, a.changed_at"
            + " from recipient r join campaign c on c.id = r.campaign_id"
            + " left join step_answer a on a.recipient_id = r.id"
            + " where r.id = ?";

    // An answer: the recipient row is locked first, so one person's answers apply one after the other, and the
    // answers are read by a second statement. Under READ COMMITTED a statement that waited for a lock re-reads
    // the locked row but sees every other table as it was when the statement began: reading the answers in the
    // locking statement would miss those the previous holder of the lock just committed.
    private static final String LOCK = "select " + RECIPIENT_COLUMNS
            + " from recipient r join campaign c on c.id = r.campaign_id"
            + " where r.id = ? for no key update of r";

    private static final String ANSWERS = "select a.step_key, a.status, a.answered_via, a.first_answered_at,"
            + " a.changed_at from step_answer a where a.recipient_id = ?";

    @Inject
    AgroalDataSource dataSource;

    /**
     * The sheet of recipient {@code recipientId}, if it exists and belongs to a launched campaign. With
     * {@code forUpdate} (inside a transaction), the recipient row stays locked until the transaction ends.
     */
    Optional<AnswerSheet> load(long recipientId, boolean forUpdate) {
        try (Connection connection = dataSource.getConnection()) {
            return forUpdate ? lockAndRead(connection, recipientId) : read(connection, recipientId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the answers of a recipient", e);
        }
    }

    private static Optional<AnswerSheet> read(Connection connection, long recipientId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(READ)) {
            select.setLong(1, recipientId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Optional<AnswerSheet> sheet = sheet(rows);
                if (sheet.isPresent()) {
                    do {
                        if (rows.getString(ANSWER_OFFSET) != null) {
                            add(sheet.get(), rows, ANSWER_OFFSET);
                        }
                    } while (rows.next());
                }
                return sheet;
            }
        }
    }

    private static Optional<AnswerSheet> lockAndRead(Connection connection, long recipientId) throws SQLException {
        Optional<AnswerSheet> sheet;
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, recipientId);
            try (ResultSet row = lock.executeQuery()) {
                sheet = row.next() ? sheet(row) : Optional.empty();
            }
        }
        if (sheet.isPresent()) {
            try (PreparedStatement answers = connection.prepareStatement(ANSWERS)) {
                answers.setLong(1, recipientId);
                try (ResultSet rows = answers.executeQuery()) {
                    while (rows.next()) {
                        add(sheet.get(), rows, 1);
                    }
                }
            }
        }
        return sheet;
    }

    /** The recipient and campaign columns; empty for a campaign without a pinned version (not launched). */
    private static Optional<AnswerSheet> sheet(ResultSet row) throws SQLException {
        long versionId = row.getLong(11);
        if (row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new AnswerSheet(
                row.getLong(1),
                row.getLong(2),
                row.getBytes(3),
                row.getString(9),
                CampaignStatus.valueOf(row.getString(10)),
                versionId,
                row.getString(4),
                row.getString(5),
                instant(row.getTimestamp(6)),
                instant(row.getTimestamp(7)),
                instant(row.getTimestamp(8)),
                new LinkedHashMap<>()));
    }

    private static void add(AnswerSheet sheet, ResultSet row, int offset) throws SQLException {
        String stepKey = row.getString(offset);
        sheet.answers()
                .put(
                        stepKey,
                        new Answer(
                                stepKey,
                                StepStatus.parse(row.getString(offset + 1)).orElseThrow(),
                                "playbook".equals(row.getString(offset + 2)),
                                instant(row.getTimestamp(offset + 3)),
                                instant(row.getTimestamp(offset + 4))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
