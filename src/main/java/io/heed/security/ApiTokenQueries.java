package io.heed.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the API tokens. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ApiTokenQueries {

    /** Every token, revoked ones included, oldest first. */
    List<TokenView> list() {
        return ApiToken.<ApiToken>listAll(Sort.by("id")).stream()
                .map(TokenView::of)
                .toList();
    }
}
