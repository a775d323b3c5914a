package io.heed.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

/** A person who signs in to the console or the API. */
@Entity
class AdminAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    @Column(unique = true)
    public String emailKey;

    public String name;

    public String passwordHash;

    @Enumerated(EnumType.STRING)
    public Role role;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] regions = new String[0];

    public boolean active = true;

    public Instant createdAt;

    public Instant lastLoginAt;

    static String key(String email) {
        return io.heed.platform.EmailAddresses.key(email);
    }

    static Optional<AdminAccount> findActiveByEmail(String email) {
        return find("emailKey = ?1 and active = true", key(email)).firstResultOptional();
    }
}
