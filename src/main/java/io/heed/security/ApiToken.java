package io.heed.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A named, revocable bearer token for a machine client (a GRC tool polling dashboards, an HR sync job).
 * Only the SHA-256 of the token is stored: a 256-bit random secret needs no slow hash, so verifying it
 * costs one indexed lookup instead of a bcrypt round per request.
 */
@Entity
class ApiToken extends PanacheEntityBase {

    /** Every token's secret starts with it, so a leaked one is easy to recognise (and to scan for). */
    static final String PREFIX = "heed_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String tokenHash;

    public String tokenPrefix;

    @Enumerated(EnumType.STRING)
    public Role role;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] regions = new String[0];

    public String createdBy;

    public Instant createdAt;

    public Instant lastUsedAt;

    public Instant revokedAt;

    static Optional<ApiToken> findUsableByHash(String hash) {
        return find("tokenHash = ?1 and revokedAt is null", hash).firstResultOptional();
    }
}
