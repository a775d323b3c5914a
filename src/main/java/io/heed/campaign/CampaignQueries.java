package io.heed.campaign;

import io.heed.platform.api.Page;
import io.heed.platform.api.QueryParameters;
import io.heed.platform.error.Refusal;
import io.heed.security.RegionScope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
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

    public CampaignView get(long id, RegionScope scope) {
        return view(Campaign.require(id), scope);
    }

    /**
     * A page of campaigns, newest first.
     *
     * @param status a {@link CampaignStatus} name (any case) to list only those; null or blank: all
     */
    Page<CampaignView> list(String status, int page, int size, RegionScope scope) {
        Optional<CampaignStatus> only = status(status);
        Page.check(page, size);
        var query = only.isPresent()
                ? Campaign.<Campaign>find("status", Sort.descending("id"), only.get())
                : Campaign.<Campaign>findAll(Sort.descending("id"));
        query.page(page, size);
        Page<Campaign> campaigns = new Page<>(query.list(), page, size, query.count());
        return views(campaigns, scope);
    }

    /** The view of a campaign as a use case left it. */
    CampaignView view(Campaign campaign, RegionScope scope) {
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
