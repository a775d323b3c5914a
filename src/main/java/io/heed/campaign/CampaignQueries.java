package io.heed.campaign;

import io.heed.platform.api.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reading campaigns (their recipient counts: {@link RecipientCounts}). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignQueries {

    @Inject
    EntityManager entityManager;

    public Campaign get(long id) {
        return Campaign.require(id);
    }

    public Page<Campaign> list(Optional<CampaignStatus> status, int page, int size) {
        Page.check(page, size);
        var query = status.isPresent()
                ? Campaign.<Campaign>find("status", Sort.descending("id"), status.get())
                : Campaign.<Campaign>findAll(Sort.descending("id"));
        query.page(page, size);
        return new Page<>(query.list(), page, size, query.count());
    }

    /**
     * The version numbers of the playbook versions {@code campaigns} are pinned to, by version id, in one query
     * that reads only the numbers (a version row also holds its whole definition and templates).
     */
    public Map<Long, Integer> pinnedVersions(Collection<Campaign> campaigns) {
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
}
