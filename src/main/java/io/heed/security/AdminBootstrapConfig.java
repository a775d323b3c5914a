package io.heed.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The first admin account, created at start-up when there is no account at all. */
@ConfigMapping(prefix = "heed.admin")
interface AdminBootstrapConfig {

    /** E-mail of the first admin ({@code HEED_ADMIN_EMAIL}). */
    @WithDefault("admin@heed.local")
    String email();

    /**
     * Password of the first admin ({@code HEED_ADMIN_PASSWORD}), at least 12 characters. Unset: a random one
     * is generated and printed once in the log.
     */
    Optional<String> password();
}
