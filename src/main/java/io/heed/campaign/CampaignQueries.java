package io.heed.campaign;

import io.heed.platform.api.ApiException;
import io.heed.platform.api.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reading campaigns (their recipient counts: {@link RecipientCounts}). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignQueries {

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
}
