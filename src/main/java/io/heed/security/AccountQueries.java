package io.heed.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the accounts of the people who run Heed. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class AccountQueries {

    /** Every account, active or not, by e-mail. */
    List<AccountView> list() {
        return AdminAccount.<AdminAccount>listAll(Sort.by("emailKey")).stream()
                .map(AccountView::of)
                .toList();
    }
}
