package io.heed.campaign;

import io.heed.platform.api.Page;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import io.heed.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * A campaign's mail that failed for good, with the SMTP reply that ended it, newest first and paged, within the
 * reader's regions (a failure is its recipient's: the reference names the recipient). For the console's delivery
 * panel; the counts themselves are the campaign view's ({@link RecipientCounts}).
 */
@ApplicationScoped
public class CampaignDeliveryQueries {

    /** One failed message: to whom, what kind, after how many attempts, and the relay's last words. */
    public record DeliveryFailure(
            long id, String toAddress, String kind, String region, int attempts, String smtpReply, Instant failedAt) {}

    // Invitations and reminders reference their recipient as recipient:<id>[:reminder:<n>]; the recipient row gives
    // the region the reader's scope is judged on. Escalations (to managers) have no recipient region: shown only
    // to unrestricted readers.
    private static final String FROM = """
              from outbox_message o
              left join recipient r
                on r.campaign_id = :campaign
               and o.reference like :prefix || '%'
               and r.id = nullif(split_part(substr(o.reference, length(:prefix) + 1), ':', 1), '')::bigint
             where o.stream = :stream and o.status = 'FAILED'
               and (:unrestricted or r.region = any(:regions))""";

    private static final NamedSql PAGE = NamedSql.of("""
            select o.id, o.to_address, o.kind, r.region, o.attempts, o.last_smtp_reply, o.failed_at
            """ + FROM + """

             order by o.failed_at desc nulls last, o.id desc
             limit :size offset :offset""");

    private static final NamedSql COUNT = NamedSql.of("select count(*)\n" + FROM);

    @Inject
    Database database;

    public Page<DeliveryFailure> failures(long campaignId, int page, int size, RegionScope scope) {
        Page.check(page, size);
        Campaign.require(campaignId);
        Params params = Params.of("campaign", campaignId)
                .and("prefix", CampaignMessage.Invitation.PREFIX)
                .and("stream", CampaignStreams.of(campaignId))
                .and("unrestricted", scope.unrestricted())
                .and("regions", SqlArray.of("text", List.copyOf(scope.regions())));
        long total = database.number(COUNT, params);
        List<DeliveryFailure> items = database.list(
                PAGE,
                params.and("size", size).and("offset", (long) page * size),
                row -> new DeliveryFailure(
                        row.getLong("id"),
                        row.string("to_address"),
                        row.string("kind"),
                        row.string("region"),
                        row.getInt("attempts"),
                        row.string("last_smtp_reply"),
                        row.instant("failed_at")));
        return new Page<>(items, page, size, total);
    }
}
