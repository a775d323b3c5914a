package io.heed.campaign;

import io.heed.platform.api.Page;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import io.heed.platform.error.Refusal;
import io.heed.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A campaign's recipients one page at a time, filtered by what they have (not) done, searched by name or
 * e-mail, within the reader's regions: the console's "who has not acted". The same filter predicate
 * ({@link #where}) picks who {@link RemindRecipients} reminds, so the count a page shows is the count reminded
 * (less those already complete or with a reminder pending).
 *
 * <p>Paged by offset over {@code recipient_campaign_name} (campaign, name, id), V17: a page reads its 25 rows in
 * name order from the index, however many recipients the campaign has.
 */
@ApplicationScoped
public class RecipientQueries {

    /** Which recipients a list shows. */
    public enum Filter {
        ALL("all", "true"),
        NOT_VISITED("not-visited", "r.first_visit_at is null"),
        VISITED_NOT_DONE("visited", "r.first_human_visit_at is not null and r.completed_at is null"),
        STEP_OPEN(
                "step",
                "r.completed_at is null and not exists (select 1 from step_answer a"
                        + " where a.recipient_id = r.id and a.step_key = :step)"),
        OVERDUE("overdue", OVERDUE_SQL),
        SCANNER_ONLY("scanner", "r.first_visit_at is not null and r.first_human_visit_at is null"),
        FAILED("failed", "r.delivery_status = 'FAILED'"),
        COMPLETED("completed", "r.completed_at is not null");

        public final String key;
        final String sql;

        Filter(String key, String sql) {
            this.key = key;
            this.sql = sql;
        }

        /** The filter named {@code key}; {@link #ALL} for none. */
        public static Filter parse(String key) {
            if (key == null || key.isBlank()) {
                return ALL;
            }
            for (Filter f : values()) {
                if (f.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw Refusal.invalid("filter: '" + key + "' is not a recipient filter.");
        }

        /** Whether "remind these N" makes sense for it: not for failed deliveries or those already done. */
        public boolean remindable() {
            return this != FAILED && this != COMPLETED && this != ALL;
        }
    }

    /**
     * The overdue rule on a recipient row (alias {@code r}), as the compliance counters count it: not completed
     * and the end of their region's deadline day in their own zone ({@code deadline_at}) is at or before
     * {@code :asOf}. Java callers use {@link #overdue}.
     */
    public static final String OVERDUE_SQL = "r.completed_at is null and r.deadline_at <= :asOf";

    /** {@link #OVERDUE_SQL} on values. */
    public static boolean overdue(Instant deadlineAt, Instant completedAt, Instant asOf) {
        return completedAt == null && deadlineAt != null && !deadlineAt.isAfter(asOf);
    }

    /** What is asked of a list: the filter, its step (for {@link Filter#STEP_OPEN}) and a search. */
    public record Query(Filter filter, String step, String search) {

        public Query {
            filter = filter == null ? Filter.ALL : filter;
            step = step == null || step.isBlank() ? null : step.trim();
            search = search == null || search.isBlank() ? null : search.trim();
            if (filter == Filter.STEP_OPEN && step == null) {
                throw Refusal.invalid("step: choose the step that should still be open.");
            }
        }

        Params params(long campaignId, RegionScope scope, Instant asOf) {
            return Params.of("campaign", campaignId)
                    .and("unrestricted", scope.unrestricted())
                    .and("regions", SqlArray.of("text", List.copyOf(scope.regions())))
                    .and("step", step)
                    .and("search", search == null ? null : "%" + like(search.toLowerCase(Locale.ROOT)) + "%")
                    .and("asOf", asOf);
        }

        private static String like(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    /** One recipient as the list shows them. */
    public record RecipientRow(
            long id,
            long employeeId,
            String name,
            String email,
            String region,
            String department,
            String timeZone,
            Recipient.DeliveryStatus deliveryStatus,
            Instant firstVisitAt,
            Instant firstHumanVisitAt,
            int stepsAnswered,
            Instant deadlineAt,
            Instant completedAt,
            boolean overdue,
            boolean addedLate) {

        public boolean onlyScanner() {
            return firstVisitAt != null && firstHumanVisitAt == null;
        }
    }

    /**
     * The recipients of a campaign that {@code query} picks, within {@code scope}, on the alias {@code r}: what a
     * list shows and whom a reminder goes to. Parameters: {@code :campaign}, {@code :unrestricted},
     * {@code :regions}, {@code :step}, {@code :search}, {@code :asOf} ({@link Query#params}).
     */
    static String where(Filter filter) {
        return "\n" + """
                 r.campaign_id = :campaign
                   and (:unrestricted or r.region = any(:regions))
                   and (:search::text is null or lower(r.name) like :search or lower(r.email) like :search)
                   and (%s)""".formatted(filter.sql);
    }

    private static final Map<Filter, NamedSql> PAGES = new EnumMap<>(Filter.class);
    private static final Map<Filter, NamedSql> COUNTS = new EnumMap<>(Filter.class);

    static {
        for (Filter f : Filter.values()) {
            PAGES.put(f, NamedSql.of("""
                    select r.id, r.employee_id, r.name, r.email, r.region, r.department, r.time_zone,
                           r.delivery_status, r.first_visit_at, r.first_human_visit_at, r.deadline_at,
                           r.completed_at, r.added_late,
                           (select count(*) from step_answer a where a.recipient_id = r.id) as answered
                      from recipient r
                     where""" + where(f) + """

                     order by r.name, r.id
                     limit :size offset :offset"""));
            COUNTS.put(f, NamedSql.of("select count(*) from recipient r where" + where(f)));
        }
    }

    @Inject
    Database database;

    @Inject
    Clock clock;

    public Page<RecipientRow> page(long campaignId, Query query, int page, int size, RegionScope scope) {
        Page.check(page, size);
        Campaign.require(campaignId);
        Instant asOf = clock.instant();
        Params params = query.params(campaignId, scope, asOf);
        long total = database.number(COUNTS.get(query.filter()), params);
        List<RecipientRow> items = database.list(
                PAGES.get(query.filter()), params.and("size", size).and("offset", (long) page * size), r -> {
                    Instant deadline = r.instant("deadline_at");
                    Instant completed = r.instant("completed_at");
                    return new RecipientRow(
                            r.getLong("id"),
                            r.getLong("employee_id"),
                            r.string("name"),
                            r.string("email"),
                            r.string("region"),
                            r.string("department"),
                            r.string("time_zone"),
                            Recipient.DeliveryStatus.valueOf(r.string("delivery_status")),
                            r.instant("first_visit_at"),
                            r.instant("first_human_visit_at"),
                            r.getInt("answered"),
                            deadline,
                            completed,
                            overdue(deadline, completed, asOf),
                            r.bool("added_late"));
                });
        return new Page<>(items, page, size, total);
    }

    /** How many recipients {@code query} picks within {@code scope}. */
    public long count(long campaignId, Query query, RegionScope scope) {
        Campaign.require(campaignId);
        return database.number(COUNTS.get(query.filter()), query.params(campaignId, scope, clock.instant()));
    }
}
