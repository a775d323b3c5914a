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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a recipient's {@link AnswerSheet}: recipient, campaign and current answers in one indexed query (primary
 * keys of recipient and campaign, the primary key prefix of step_answer). Plain JDBC: this is the hot path of
 * every page view and answer.
 */
@ApplicationScoped
class AnswerSheets {

    private static final String LOAD = """
            select r.id, r.campaign_id, r.link_nonce, r.locale, r.time_zone, r.deadline_at, r.sent_at,
                   r.completed_at, r.first_visit_at, r.first_human_visit_at,
                   c.name, c.status, c.playbook_version_id,
                   a.step_key, a.status, a.answered_via, a.first_answered_at, a.changed_at
              from recipient r
              join campaign c on c.id = r.campaign_id
              left join step_answer a on a.recipient_id = r.id
             where r.id = ?""";

    // Answers of one recipient are written one request at a time: a second POST waits here for the first to
    // commit, then sees its answers (read committed re-reads the locked row's current version).
    private static final String LOAD_FOR_UPDATE = LOAD + " for no key update of r";

    @Inject
    AgroalDataSource dataSource;

    /**
     * The sheet of recipient {@code recipientId}, if it exists and belongs to a launched campaign. Inside a
     * transaction with {@code forUpdate}, the recipient row stays locked until it ends.
     */
    Optional<AnswerSheet> load(long recipientId, boolean forUpdate) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(forUpdate ? LOAD_FOR_UPDATE : LOAD)) {
            select.setLong(1, recipientId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long versionId = rows.getLong(13);
                if (rows.wasNull()) {
                    return Optional.empty();
                }
                Map<String, Answer> answers = new LinkedHashMap<>();
                AnswerSheet sheet = new AnswerSheet(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getBytes(3),
                        rows.getString(11),
                        CampaignStatus.valueOf(rows.getString(12)),
                        versionId,
                        rows.getString(4),
                        rows.getString(5),
                        instant(rows.getTimestamp(6)),
                        instant(rows.getTimestamp(7)),
                        instant(rows.getTimestamp(8)),
                        instant(rows.getTimestamp(9)),
                        instant(rows.getTimestamp(10)),
                        answers);
                do {
                    String stepKey = rows.getString(14);
                    if (stepKey != null) {
                        answers.put(
                                stepKey,
                                new Answer(
                                        stepKey,
                                        StepStatus.parse(rows.getString(15)).orElseThrow(),
                                        "playbook".equals(rows.getString(16)),
                                        instant(rows.getTimestamp(17)),
                                        instant(rows.getTimestamp(18))));
                    }
                } while (rows.next());
                return Optional.of(sheet);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the answers of a recipient", e);
        }
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
