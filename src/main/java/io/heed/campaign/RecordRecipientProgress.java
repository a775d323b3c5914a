package io.heed.campaign;

import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a recipient did on their personal page, noted on their {@code recipient} row (campaign's table) for the
 * follow-ups and the dashboards: when they completed the playbook, and when they first opened their page (at
 * all, and first looking human). The employee pages ({@code acknowledgement}) call it inside the transaction that
 * records the answer or the visits, so the row and the evidence commit together. Each time is set once and never
 * moved: a later call never overwrites an earlier time.
 */
@ApplicationScoped
public class RecordRecipientProgress {

    /** One visit of a recipient's page; {@code possiblyAutomated} when it looked like a mail scanner's. */
    public record Visit(long recipientId, Instant at, boolean possiblyAutomated) {}

    private static final NamedSql COMPLETED = NamedSql.of("""
            update recipient set completed_at = :at where id = :recipient and completed_at is null""");

    // Notes on each recipient seen for the first time (or first looking human) the earliest such visit of the
    // batch. Rows are locked in id order, so two replicas flushing overlapping batches wait for each other instead
    // of deadlocking.
    private static final NamedSql FIRST_VISITS = NamedSql.of("""
            with visit as (
                select * from unnest(:recipients::bigint[], :at::timestamptz[], :automated::boolean[])
                           as t(recipient_id, visited_at, possibly_automated)
            ), earliest as (
                select recipient_id, min(visited_at) as visit_at,
                       min(visited_at) filter (where not possibly_automated) as human_visit_at
                  from visit group by recipient_id
            ), firsts as (
                select r.id, e.visit_at, e.human_visit_at
                  from recipient r join earliest e on e.recipient_id = r.id
                 where r.first_visit_at is null or (r.first_human_visit_at is null and e.human_visit_at is not null)
                 order by r.id
                   for no key update of r
            )
            update recipient r
               set first_visit_at = coalesce(r.first_visit_at, f.visit_at),
                   first_human_visit_at = coalesce(r.first_human_visit_at, f.human_visit_at)
              from firsts f
             where r.id = f.id""");

    @Inject
    Database database;

    /**
     * The recipient answered every step at {@code at}: their completion time, unless they already have one.
     *
     * @return whether this call set it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean completed(long recipientId, Instant at) {
        return database.update(COMPLETED, Params.of("recipient", recipientId).and("at", at)) == 1;
    }

    /**
     * Notes the first visits among a batch of page visits (in any order, any number per recipient), in one
     * statement for the whole batch.
     *
     * @return how many recipients got a first-visit time
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int firstVisits(List<Visit> visits) {
        if (visits.isEmpty()) {
            return 0;
        }
        List<Long> recipients = new ArrayList<>(visits.size());
        List<Instant> at = new ArrayList<>(visits.size());
        List<Boolean> automated = new ArrayList<>(visits.size());
        for (Visit visit : visits) {
            recipients.add(visit.recipientId());
            at.add(visit.at());
            automated.add(visit.possiblyAutomated());
        }
        return database.update(
                FIRST_VISITS,
                Params.of("recipients", SqlArray.of("bigint", recipients))
                        .and("at", SqlArray.of("timestamptz", at))
                        .and("automated", SqlArray.of("boolean", automated)));
    }
}
