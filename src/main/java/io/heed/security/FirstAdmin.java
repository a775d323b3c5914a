package io.heed.security;

import io.heed.platform.Hashing;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Makes sure a fresh installation can be signed in to. */
@ApplicationScoped
class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @Inject
    AdminBootstrapConfig config;

    @Inject
    CreateAccount createAccount;

    /** The account created at start-up, with the password it got. */
    record Created(String email, String password, boolean generated) {}

    void onStart(@Observes StartupEvent event) {
        ensure(config.email(), config.password()).ifPresent(created -> {
            if (created.generated()) {
                // The one time this secret is written anywhere: the operator needs it to sign in.
                LOG.warnf(
                        "Created the first admin account %s with the generated password: %s"
                                + " (shown once; set HEED_ADMIN_PASSWORD to choose it)",
                        created.email(), created.password());
            } else {
                LOG.infof(
                        "Created the first admin account %s from HEED_ADMIN_EMAIL/HEED_ADMIN_PASSWORD",
                        created.email());
            }
        });
    }

    /** Creates the first admin if there is no account at all; a missing password is generated. */
    Optional<Created> ensure(String email, Optional<String> configuredPassword) {
        String password = configuredPassword.orElseGet(() -> Hashing.randomUrlSafe(18));
        return createAccount
                .firstAdmin(email, password)
                .map(account -> new Created(account.email, password, configuredPassword.isEmpty()));
    }
}
