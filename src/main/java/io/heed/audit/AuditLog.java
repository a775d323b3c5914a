package io.heed.audit;

import io.heed.platform.Hashing;
import io.heed.platform.Json;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only, hash-chained audit log. {@link #record} joins the caller's transaction, so an action and
 * its audit entry commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    /** The chain's anchor: the previous hash of the very first event. */
    static final String GENESIS = "0".repeat(64);

    // One writer at a time: the chain is only a chain if each event sees its predecessor.
    private static final NamedSql CHAIN_LOCK =
            NamedSql.of("select pg_advisory_xact_lock(hashtext('heed.audit_event'))");

    @Inject
    EntityManager entityManager;

    @Inject
    Database database;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, Map<String, ?> details) {
        // The action's own pending changes are written first: the chain lock, which every admin action waits for,
        // is then held only for the few statements below and the commit.
        entityManager.flush();
        database.first(CHAIN_LOCK, Params.NONE, locked -> true);
        String prevHash = entityManager
                .createQuery("select e.hash from AuditEvent e order by e.id desc", String.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(GENESIS);
        AuditEvent event = new AuditEvent();
        // PostgreSQL keeps microseconds: hash what will be read back.
        event.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        event.actor = actor;
        event.action = action;
        event.subject = subject;
        event.details = canonicalJson(new TreeMap<>(details));
        event.prevHash = prevHash;
        event.hash = hashOf(event);
        event.persist();
    }

    static String hashOf(AuditEvent event) {
        // A JSON array leaves no ambiguity about where one field ends and the next begins.
        return Hashing.sha256Hex(canonicalJson(Arrays.asList(
                event.prevHash, event.occurredAt.toString(), event.actor, event.action, event.subject, event.details)));
    }

    /** Sorted keys: the same details always serialise, and hash, the same way. */
    static String canonicalJson(Object value) {
        return Json.write(value);
    }

    /** The result of re-computing the chain: where it first breaks, if anywhere. */
    record ChainCheck(boolean intact, long events, Long firstBrokenEventId) {}

    /** Re-computes every hash in order; an edited, inserted or deleted row shows up as the first break. */
    @Transactional(Transactional.TxType.SUPPORTS)
    ChainCheck verify() {
        String expectedPrev = GENESIS;
        long count = 0;
        try (var events = AuditEvent.<AuditEvent>find("order by id").stream()) {
            for (AuditEvent event : (Iterable<AuditEvent>) events::iterator) {
                count++;
                if (!event.prevHash.equals(expectedPrev) || !event.hash.equals(hashOf(event))) {
                    return new ChainCheck(false, count, event.id);
                }
                expectedPrev = event.hash;
                entityManager.detach(event);
            }
        }
        return new ChainCheck(true, count, null);
    }
}
