package io.heed.campaign;

import io.heed.platform.api.Page;
import io.heed.platform.api.QueryParameters;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.error.Refusal;
import io.heed.security.RegionScope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Campaigns as their readers see them ({@link CampaignView}): each with its pinned playbook version and its
 * recipients counted within the reader's region scope ({@link RecipientCounts}). The JSON API and the console
 * show the same views.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignQueries {

    @Inject
    EntityManager entityManager;

    @Inject
    RecipientCounts recipientCounts;

    @Inject
    Database database;

    /** A test send of a campaign's invitation and how its delivery went (PENDING, SENDING, SENT, FAILED…). */
    public record TestSendView(String to, String locale, String status, String smtpReply, Instant createdAt) {}

    private static final NamedSql BY_STATUS =
            NamedSql.of("select status, count(*) as campaigns from campaign group by status");

    private static final NamedSql TEST_SENDS = NamedSql.of("""
            select t.to_address, t.locale, coalesce(m.status, 'PENDING') as status, m.last_smtp_reply, t.created_at
              from campaign_test_send t
              left join outbox_message m on m.kind = :kind and m.reference = :prefix || t.id
             where t.campaign_id = :campaign
             order by t.id desc
             limit :limit""");

    public CampaignView get(long id, RegionScope scope) {
        return view(Campaign.require(id), scope);
    }

    /**
     * A page of campaigns, newest first.
     *
     * @param status a {@link CampaignStatus} name (any case) to list only those; null or blank: all
     */
    public Page<CampaignView> list(String status, int page, int size, RegionScope scope) {
        Optional<CampaignStatus> only = status(status);
        Page.check(page, size);
        var query = only.isPresent()
                ? Campaign.<Campaign>find("status", Sort.descending("id"), only.get())
                : Campaign.<Campaign>findAll(Sort.descending("id"));
        query.page(page, size);
        Page<Campaign> campaigns = new Page<>(query.list(), page, size, query.count());
        return views(campaigns, scope);
    }

    /** How many campaigns there are in each status (every status present, zero when none). */
    public Map<CampaignStatus, Long> countByStatus() {
        Map<CampaignStatus, Long> counts = new EnumMap<>(CampaignStatus.class);
        for (CampaignStatus status : CampaignStatus.values()) {
            counts.put(status, 0L);
        }
        database.list(BY_STATUS, Params.NONE, row -> {
            counts.put(CampaignStatus.valueOf(row.string("status")), row.getLong("campaigns"));
            return null;
        });
        return counts;
    }

    /** The latest {@code limit} test sends of a campaign's invitation, newest first, with their delivery state. */
    public List<TestSendView> testSends(long campaignId, int limit) {
        return database.list(
                TEST_SENDS,
                Params.of("campaign", campaignId)
                        .and("kind", CampaignMessage.TEST)
                        .and("prefix", CampaignMessage.TestSend.PREFIX)
                        .and("limit", limit),
                row -> new TestSendView(
                        row.string("to_address"),
                        row.string("locale"),
                        row.string("status"),
                        row.string("last_smtp_reply"),
                        row.instant("created_at")));
    }

    /** The view of a campaign as a use case left it. */
    public CampaignView view(Campaign campaign, RegionScope scope) {
        return views(new Page<>(List.of(campaign), 0, 1, 1), scope).items().get(0);
    }

    private Page<CampaignView> views(Page<Campaign> campaigns, RegionScope scope) {
        var counts =
                recipientCounts.of(campaigns.items().stream().map(c -> c.id).toList(), scope);
        var pinned = pinnedVersions(campaigns.items());
        return campaigns.map(c -> CampaignView.of(
                c, pinned.get(c.playbookVersionId), counts.getOrDefault(c.id, RecipientCounts.Counts.NONE)));
    }

    /**
     * The version numbers of the playbook versions {@code campaigns} are pinned to, by version id, in one query
     * that reads only the numbers (a version row also holds its whole definition and templates).
     */
    private Map<Long, Integer> pinnedVersions(Collection<Campaign> campaigns) {
        List<Long> ids = campaigns.stream()
                .map(c -> c.playbookVersionId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<Long, Integer> versions = new HashMap<>(); // not Map.of(): callers look up null ids (not yet pinned)
        if (ids.isEmpty()) {
            return versions;
        }
        entityManager
                .createQuery("select v.id, v.version from PlaybookVersion v where v.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> versions.put((Long) row[0], (Integer) row[1]));
        return versions;
    }

    private static Optional<CampaignStatus> status(String value) {
        return QueryParameters.optional(value).map(v -> {
            try {
                return CampaignStatus.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("status: one of DRAFT, SCHEDULED, SENDING, ACTIVE, PAUSED, CLOSED, CANCELLED.");
            }
        });
    }
}
