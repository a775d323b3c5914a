package io.heed.campaign;

import io.heed.delivery.DeliveryListener;
import io.heed.delivery.DeliveryOutcome;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each recipient's delivery state (QUEUED → SENT or FAILED) from the dispatcher's outcomes, and tells a
 * campaign when none of its invitations is queued any more ({@link Campaign#allSent}). One statement per kind of
 * change per batch, inside the dispatcher's transaction; hearing of an outcome twice changes nothing.
 */
@ApplicationScoped
public class RecipientDeliveryState implements DeliveryListener {

    private static final NamedSql SENT = NamedSql.of("""
            update recipient set delivery_status = :sent, sent_at = t.at
              from unnest(:ids::bigint[], :at::timestamptz[]) as t(id, at)
             where recipient.id = t.id and recipient.delivery_status = :queued""");

    private static final NamedSql FAILED = NamedSql.of("""
            update recipient set delivery_status = :failed, failed_at = t.at, failure_reason = t.reply
              from unnest(:ids::bigint[], :at::timestamptz[], :replies::text[]) as t(id, at, reply)
             where recipient.id = t.id and recipient.delivery_status = :queued""");

    // The campaigns of these recipients that have not finished sending and have no invitation queued any more.
    private static final NamedSql ALL_SENT = NamedSql.of("""
            select c.id
              from campaign c
             where c.id in (select r.campaign_id from recipient r where r.id = any(:recipients))
               and c.all_sent_at is null
               and not exists (select 1 from recipient r where r.campaign_id = c.id and r.delivery_status = :queued)
             order by c.id""");

    @Inject
    Database database;

    @Inject
    Clock clock;

    /** Joins the dispatcher's transaction (its own when called outside one, as tests do). */
    @Override
    @Transactional
    public void onOutcomes(List<DeliveryOutcome> outcomes) {
        List<Long> sentIds = new ArrayList<>();
        List<Instant> sentAt = new ArrayList<>();
        List<Long> failedIds = new ArrayList<>();
        List<Instant> failedAt = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        for (DeliveryOutcome outcome : outcomes) {
            if (outcome.test() || !CampaignMessage.INVITATION.equals(outcome.kind())) {
                continue;
            }
            long recipientId = ((CampaignMessage.Invitation) CampaignMessage.parse(outcome.kind(), outcome.reference()))
                    .recipientId();
            if (outcome.status() == DeliveryOutcome.Status.SENT) {
                sentIds.add(recipientId);
                sentAt.add(outcome.at());
            } else if (outcome.status() == DeliveryOutcome.Status.FAILED) {
                failedIds.add(recipientId);
                failedAt.add(outcome.at());
                replies.add(outcome.smtpReply());
            }
        }
        if (sentIds.isEmpty() && failedIds.isEmpty()) {
            return;
        }
        Params queued = Params.of("queued", Recipient.DeliveryStatus.QUEUED);
        if (!sentIds.isEmpty()) {
            database.update(
                    SENT,
                    queued.and("sent", Recipient.DeliveryStatus.SENT)
                            .and("ids", SqlArray.of("bigint", sentIds))
                            .and("at", SqlArray.of("timestamptz", sentAt)));
        }
        if (!failedIds.isEmpty()) {
            database.update(
                    FAILED,
                    queued.and("failed", Recipient.DeliveryStatus.FAILED)
                            .and("ids", SqlArray.of("bigint", failedIds))
                            .and("at", SqlArray.of("timestamptz", failedAt))
                            .and("replies", SqlArray.of("text", replies)));
        }
        List<Long> touched = new ArrayList<>(sentIds);
        touched.addAll(failedIds);
        Instant now = clock.instant();
        for (long campaignId : database.list(
                ALL_SENT, queued.and("recipients", SqlArray.of("bigint", touched)), row -> row.getLong("id"))) {
            // Locked in id order, as every change of a campaign locks it: no version conflict can fail the batch.
            Campaign campaign = Campaign.locked(campaignId);
            if (campaign.sending()) {
                campaign.allSent(now);
            }
        }
    }
}
