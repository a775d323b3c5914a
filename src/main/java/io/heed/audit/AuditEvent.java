package io.heed.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One administrative action, chained to the one before it by {@link #prevHash}. Never updated. */
@Entity
class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant occurredAt;
    public String actor;
    public String action;
    public String subject;
    public String details;
    public String prevHash;
    public String hash;
}
