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
 * campaign when none of its invitations is queued any more ({@link Campaign#allSent}), checked under the
 * campaign's row lock. One statement per kind of change per batch, inside the dispatcher's transaction; hearing
 * of an outcome twice changes nothing.
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

    // The campaigns of these recipients that have not finished sending, in id order (the order they are locked in).
    private static final NamedSql UNFINISHED = NamedSql.of("""
            select distinct r.campaign_id as id
              from recipient r join campaign c on c.id = r.campaign_id
             where r.id = any(:recipients) and c.all_sent_at is null
             order by 1""");

    // Read after the campaign is locked: an invitation another dispatcher marked before it took the lock counts.
    private static final NamedSql ANY_QUEUED = NamedSql.of("""
            select exists (select 1 from recipient where campaign_id = :campaign and delivery_status = :queued)
                   as queued""");

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
                UNFINISHED, Params.of("recipients", SqlArray.of("bigint", touched)), row -> row.getLong("id"))) {
            // Every change of a campaign locks it, so no version conflict can fail the dispatcher's batch. Two
            // dispatchers recording the last invitations of one campaign at once take turns here: the second sees
            // the first's committed, so one of them always finds none queued.
            Campaign campaign = Campaign.locked(campaignId);
            if (campaign.sending() && !anyQueued(campaignId)) {
                campaign.allSent(now);
            }
        }
    }

    private boolean anyQueued(long campaignId) {
        return database.first(
                        ANY_QUEUED,
                        Params.of("campaign", campaignId).and("queued", Recipient.DeliveryStatus.QUEUED),
                        row -> row.bool("queued"))
                .orElseThrow();
    }
}
