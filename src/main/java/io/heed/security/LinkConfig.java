package io.heed.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Employees' personal links. */
@ConfigMapping(prefix = "heed.links")
interface LinkConfig {

    /**
     * The address employees reach Heed at, as put in e-mails ({@code <base-url>/ack/<token>}). Always taken
     * from here, never from a request's Host header.
     */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /**
     * Signing keys as {@code id:base64secret} pairs, comma-separated, newest first: new links are signed with
     * the first, links signed with any of them stay valid (rotation). Each secret at least 32 bytes. Unset:
     * Heed generates one key at first start and keeps it in the database (shared by replicas); set it in
     * production so that a copy of the database alone cannot forge links.
     */
    Optional<String> keys();
}
