package io.heed.campaign;

import io.agroal.api.AgroalDataSource;
import io.heed.delivery.DeliveryListener;
import io.heed.delivery.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each recipient's delivery state (QUEUED → SENT or FAILED) from the dispatcher's outcomes, and moves a
 * campaign from SENDING to ACTIVE once none of its invitations is queued any more. One statement per kind of
 * change per batch, inside the dispatcher's transaction.
 */
@ApplicationScoped
public class RecipientDeliveryState implements DeliveryListener {

    private static final String SENT = "update recipient set delivery_status = 'SENT', sent_at = t.at"
            + " from unnest(?::bigint[], ?::timestamptz[]) as t(id, at)"
            + " where recipient.id = t.id and recipient.delivery_status = 'QUEUED'";

    private static final String FAILED =
            "update recipient set delivery_status = 'FAILED', failed_at = t.at, failure_reason = t.reply"
                    + " from unnest(?::bigint[], ?::timestamptz[], ?::text[]) as t(id, at, reply)"
                    + " where recipient.id = t.id and recipient.delivery_status = 'QUEUED'";

    private static final String ALL_SENT = "update campaign c set all_sent_at = ?,"
            + " status = case when c.status = 'SENDING' then 'ACTIVE' else c.status end,"
            + " paused_from = case when c.status = 'PAUSED' and c.paused_from = 'SENDING' then 'ACTIVE' else c.paused_from end"
            + " where c.id in (select distinct campaign_id from recipient where id = any(?::bigint[]))"
            + " and c.all_sent_at is null and (c.status = 'SENDING' or (c.status = 'PAUSED' and c.paused_from = 'SENDING'))"
            + " and not exists (select 1 from recipient r where r.campaign_id = c.id and r.delivery_status = 'QUEUED')";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Override
    public void onOutcomes(List<DeliveryOutcome> outcomes) {
        List<Long> sentIds = new ArrayList<>();
        List<Timestamp> sentAt = new ArrayList<>();
        List<Long> failedIds = new ArrayList<>();
        List<Timestamp> failedAt = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        for (DeliveryOutcome outcome : outcomes) {
            if (outcome.test() || !CampaignMessage.INVITATION.equals(outcome.kind())) {
                continue;
            }
            long recipientId = ((CampaignMessage.Invitation) CampaignMessage.parse(outcome.kind(), outcome.reference()))
                    .recipientId();
            if (outcome.status() == DeliveryOutcome.Status.SENT) {
                sentIds.add(recipientId);
                sentAt.add(Timestamp.from(outcome.at()));
            } else if (outcome.status() == DeliveryOutcome.Status.FAILED) {
                failedIds.add(recipientId);
                failedAt.add(Timestamp.from(outcome.at()));
                replies.add(outcome.smtpReply());
            }
        }
        if (sentIds.isEmpty() && failedIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!sentIds.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(SENT)) {
                    update.setArray(1, connection.createArrayOf("bigint", sentIds.toArray()));
                    update.setArray(2, connection.createArrayOf("timestamptz", sentAt.toArray()));
                    update.executeUpdate();
                }
            }
            if (!failedIds.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(FAILED)) {
                    update.setArray(1, connection.createArrayOf("bigint", failedIds.toArray()));
                    update.setArray(2, connection.createArrayOf("timestamptz", failedAt.toArray()));
                    update.setArray(3, connection.createArrayOf("text", replies.toArray()));
                    update.executeUpdate();
                }
            }
            List<Long> touched = new ArrayList<>(sentIds);
            touched.addAll(failedIds);
            try (PreparedStatement update = connection.prepareStatement(ALL_SENT)) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setArray(2, connection.createArrayOf("bigint", touched.toArray()));
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record delivery outcomes", e);
        }
    }
}
