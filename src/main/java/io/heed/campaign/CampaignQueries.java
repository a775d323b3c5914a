package io.heed.campaign;

import io.heed.platform.api.ApiException;
import io.heed.platform.api.Page;
import io.heed.security.RegionScope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading campaigns and their recipient counts, counts always within the caller's regions. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignQueries {

    /** Recipients by delivery state, and how many completed every step. */
    public record Counts(long recipients, long queued, long sent, long failed, long completed) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    @Inject
    EntityManager entityManager;

    public Campaign get(long id) {
        return Campaign.<Campaign>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No campaign " + id + "."));
    }

    public Page<Campaign> list(Optional<CampaignStatus> status, int page, int size) {
        Page.check(page, size);
        var query = status.isPresent()
                ? Campaign.<Campaign>find("status", Sort.descending("id"), status.get())
                : Campaign.<Campaign>findAll(Sort.descending("id"));
        query.page(page, size);
        return new Page<>(query.list(), page, size, query.count());
    }

    public Map<Long, Counts> counts(List<Long> campaignIds, RegionScope scope) {
        Map<Long, Counts> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        Optional<Set<String>> regions = scope.narrow(Optional.empty());
        String sql = "select campaign_id, count(*),"
                + " count(*) filter (where delivery_status = 'QUEUED'),"
                + " count(*) filter (where delivery_status = 'SENT'),"
                + " count(*) filter (where delivery_status = 'FAILED'),"
                + " count(completed_at)"
                + " from recipient where campaign_id in (:ids)"
                + (regions.isPresent() ? " and region in (:regions)" : "")
                + " group by campaign_id";
        if (regions.isPresent() && regions.get().isEmpty()) {
            return counts;
        }
        var query = entityManager.createNativeQuery(sql).setParameter("ids", campaignIds);
        regions.ifPresent(r -> query.setParameter("regions", r));
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), new Counts(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5])));
        }
        return counts;
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
