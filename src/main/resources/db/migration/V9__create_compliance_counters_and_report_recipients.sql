-- Compliance read side (package io.heed.compliance, docs/compliance.md): counters that answer the dashboard of a
-- million-recipient campaign in milliseconds, kept exact by triggers; who receives a campaign's weekly report.
-- Needs PostgreSQL 15 or later (unique ... nulls not distinct).
--
-- How the counters stay correct. Every statement that inserts, updates or deletes recipients or step answers
-- (a launch, late joiners, the dispatcher's delivery outcomes, the visit log's first-visit times, an answer)
-- fires a statement-level trigger that appends that statement's net change, summed per cell, to
-- compliance_count_delta, inside the writer's transaction: counters commit or roll back with the data, whoever
-- wrote it. Appending never conflicts, so concurrent answers never queue on a counter row (one row per region
-- updated in place would serialise every answer of a region until its commit). compact_compliance_counts()
-- folds the deltas into compliance_count every few seconds, one run at a time. A reader sums compliance_count
-- and the campaign's pending deltas in one statement, so it sees the exact state of its snapshot.

-- Three kinds of rows, told apart by which key columns are set:
--   cell rows (step_key and completed_on null): recipients by region, department, country and deadline instant:
--             recipients, sent, failed, visited, visited_any, completed
--   step rows (step_key set, deadline_at null): the current answers to one step: done, not_applicable
--   day rows  (completed_on set, country and deadline_at null): completions per UTC day: completed
create table compliance_count (
    campaign_id     bigint      not null references campaign (id) on delete cascade,
    region          text        not null,
    department      text,
    country         text,
    -- the recipients' deadline (end of the region's deadline day in their own zone): overdue is "not completed
    -- and deadline_at <= now", summed over cell rows, so it needs no recount when time passes
    deadline_at     timestamptz,
    step_key        text,
    completed_on    date,
    recipients      bigint      not null default 0,
    sent            bigint      not null default 0,
    failed          bigint      not null default 0,
    -- a first visit that did not look automated (recipient.first_human_visit_at)
    visited         bigint      not null default 0,
    -- any first visit, mail scanners included (recipient.first_visit_at)
    visited_any     bigint      not null default 0,
    completed       bigint      not null default 0,
    done            bigint      not null default 0,
    not_applicable  bigint      not null default 0
);

create unique index compliance_count_cell on compliance_count
    (campaign_id, region, department, country, deadline_at, step_key, completed_on) nulls not distinct;

-- Net changes not yet folded into compliance_count: appended by the triggers, removed by compaction. No foreign
-- key on campaign_id: its check would be one more trigger and query on every answer, and every delta comes from
-- a recipient or answer row, which has one.
create table compliance_count_delta (
    id              bigint      generated always as identity primary key,
    campaign_id     bigint      not null,
    region          text        not null,
    department      text,
    country         text,
    deadline_at     timestamptz,
    step_key        text,
    completed_on    date,
    recipients      bigint      not null default 0,
    sent            bigint      not null default 0,
    failed          bigint      not null default 0,
    visited         bigint      not null default 0,
    visited_any     bigint      not null default 0,
    completed       bigint      not null default 0,
    done            bigint      not null default 0,
    not_applicable  bigint      not null default 0
);

create index compliance_count_delta_campaign on compliance_count_delta (campaign_id);

-- What each counter counts, once: the deltas of a set of rows `c`, each counted `n` times (1 for a statement's
-- new rows, -1 for its old ones, so an update that changes no counted column sums to zero and appends nothing).
-- {source} is replaced by the rows: the triggers' transition tables, or a campaign's rows for a rebuild.
create function compliance_recipient_deltas_sql(source text) returns text language sql immutable as $f$
    select replace($q$
        with c as ({source})
        insert into compliance_count_delta (campaign_id, region, department, country, deadline_at, step_key,
                                            completed_on, recipients, sent, failed, visited, visited_any, completed)
        select * from (
            select campaign_id, region, department, country, deadline_at, null::text, null::date,
                   sum(n) as recipients,
                   sum(n * (delivery_status = 'SENT')::int) as sent,
                   sum(n * (delivery_status = 'FAILED')::int) as failed,
                   sum(n * (first_human_visit_at is not null)::int) as visited,
                   sum(n * (first_visit_at is not null)::int) as visited_any,
                   sum(n * (completed_at is not null)::int) as completed
              from c
             group by campaign_id, region, department, country, deadline_at
        ) cell
         where (recipients, sent, failed, visited, visited_any, completed) <> (0, 0, 0, 0, 0, 0)
        union all
        select * from (
            select campaign_id, region, department, null::text, null::timestamptz, null::text,
                   (completed_at at time zone 'UTC')::date, 0, 0, 0, 0, 0, sum(n) as completed
              from c
             where completed_at is not null
             group by campaign_id, region, department, (completed_at at time zone 'UTC')::date
        ) day
         where completed <> 0
    $q$, '{source}', source)
$f$;

create function compliance_answer_deltas_sql(source text) returns text language sql immutable as $f$
    select replace($q$
        with c as ({source})
        insert into compliance_count_delta (campaign_id, region, department, country, step_key, done,
                                            not_applicable)
        select * from (
            select r.campaign_id, r.region, r.department, r.country, c.step_key,
                   sum(c.n * (c.status = 'done')::int) as done,
                   sum(c.n * (c.status = 'not_applicable')::int) as not_applicable
              from c join recipient r on r.id = c.recipient_id
             group by r.campaign_id, r.region, r.department, r.country, c.step_key
        ) step
         where (done, not_applicable) <> (0, 0)
    $q$, '{source}', source)
$f$;

-- The trigger functions, written out from the definitions above with static SQL (planned once per session,
-- not per statement: an answer pays for one small insert). One function per event: a transition table exists
-- only for the events that have it. A statement-level trigger fires even when its statement changed no row (an
-- answer's INSERT ... ON CONFLICT fires the UPDATE trigger too; "set completed_at ... where completed_at is
-- null" mostly changes nothing): those return at once.
do $$
declare
    recipient_columns text := 'campaign_id, region, department, country, deadline_at, delivery_status, '
                              || 'first_human_visit_at, first_visit_at, completed_at';
    answer_columns text := 'recipient_id, step_key, status';
    body text := $b$
        create function %s() returns trigger language plpgsql as $f$
        begin
            if not exists (select from %s) then
                return null;
            end if;
            %s;
            return null;
        end $f$ $b$;
begin
    execute format(body, 'compliance_count_recipients_inserted', 'new_rows',
        compliance_recipient_deltas_sql(format('select 1 as n, %s from new_rows', recipient_columns)));
    execute format(body, 'compliance_count_recipients_updated', 'new_rows',
        compliance_recipient_deltas_sql(format(
            'select 1 as n, %1$s from new_rows union all select -1, %1$s from old_rows', recipient_columns)));
    execute format(body, 'compliance_count_recipients_deleted', 'old_rows',
        compliance_recipient_deltas_sql(format('select -1 as n, %s from old_rows', recipient_columns)));
    execute format(body, 'compliance_count_answers_inserted', 'new_rows',
        compliance_answer_deltas_sql(format('select 1 as n, %s from new_rows', answer_columns)));
    execute format(body, 'compliance_count_answers_updated', 'new_rows',
        compliance_answer_deltas_sql(format(
            'select 1 as n, %1$s from new_rows union all select -1, %1$s from old_rows', answer_columns)));
    execute format(body, 'compliance_count_answers_deleted', 'old_rows',
        compliance_answer_deltas_sql(format('select -1 as n, %s from old_rows', answer_columns)));
end;
$$;

create trigger compliance_count_recipients_inserted after insert on recipient
    referencing new table as new_rows for each statement execute function compliance_count_recipients_inserted();
create trigger compliance_count_recipients_updated after update on recipient
    referencing old table as old_rows new table as new_rows
    for each statement execute function compliance_count_recipients_updated();
create trigger compliance_count_recipients_deleted after delete on recipient
    referencing old table as old_rows for each statement execute function compliance_count_recipients_deleted();

create trigger compliance_count_answers_inserted after insert on step_answer
    referencing new table as new_rows for each statement execute function compliance_count_answers_inserted();
create trigger compliance_count_answers_updated after update on step_answer
    referencing old table as old_rows new table as new_rows
    for each statement execute function compliance_count_answers_updated();
create trigger compliance_count_answers_deleted after delete on step_answer
    referencing old table as old_rows for each statement execute function compliance_count_answers_deleted();

-- TRUNCATE fires no row changes: empty what the truncated rows were counted in. (DELETE, not TRUNCATE: the
-- counters may be part of the same TRUNCATE ... CASCADE.)
create function compliance_count_truncated() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'recipient' then
        delete from compliance_count;
        delete from compliance_count_delta;
    else
        delete from compliance_count where step_key is not null;
        delete from compliance_count_delta where step_key is not null;
    end if;
    return null;
end;
$$;

create trigger compliance_count_recipients_truncated after truncate on recipient
    for each statement execute function compliance_count_truncated();
create trigger compliance_count_answers_truncated after truncate on step_answer
    for each statement execute function compliance_count_truncated();

-- Folds up to max_deltas of the oldest deltas into compliance_count; returns how many it folded. One run at a
-- time in the cluster (a second caller returns 0 at once). Summed per cell and upserted in key order, in one
-- statement: a reader sees the deltas either still pending or already folded, never both or neither.
create function compact_compliance_counts(max_deltas int) returns bigint language plpgsql as $$
declare
    folded bigint;
begin
    if not pg_try_advisory_xact_lock(hashtext('heed.compliance_count')) then
        return 0;
    end if;
    with batch as (
        delete from compliance_count_delta
         where id in (select id from compliance_count_delta order by id limit max_deltas)
        returning *
    ), upsert as (
        insert into compliance_count (campaign_id, region, department, country, deadline_at, step_key,
                                      completed_on, recipients, sent, failed, visited, visited_any, completed,
                                      done, not_applicable)
        select campaign_id, region, department, country, deadline_at, step_key, completed_on,
               sum(recipients), sum(sent), sum(failed), sum(visited), sum(visited_any), sum(completed),
               sum(done), sum(not_applicable)
          from batch
         group by campaign_id, region, department, country, deadline_at, step_key, completed_on
         order by campaign_id, region, department, country, deadline_at, step_key, completed_on
        on conflict (campaign_id, region, department, country, deadline_at, step_key, completed_on)
        do update set recipients     = compliance_count.recipients + excluded.recipients,
                      sent           = compliance_count.sent + excluded.sent,
                      failed         = compliance_count.failed + excluded.failed,
                      visited        = compliance_count.visited + excluded.visited,
                      visited_any    = compliance_count.visited_any + excluded.visited_any,
                      completed      = compliance_count.completed + excluded.completed,
                      done           = compliance_count.done + excluded.done,
                      not_applicable = compliance_count.not_applicable + excluded.not_applicable
    )
    select count(*) into folded from batch;
    return folded;
end;
$$;

-- Recounts one campaign from its recipients and answers (repair: `select rebuild_compliance_counts(12)`).
-- Holds writers of recipients and answers off meanwhile (SHARE locks), so no change slips between the recount
-- and the old counters' removal.
create function rebuild_compliance_counts(campaign bigint) returns void language plpgsql as $$
begin
    lock table recipient, step_answer in share mode;
    perform pg_advisory_xact_lock(hashtext('heed.compliance_count'));
    delete from compliance_count where campaign_id = campaign;
    delete from compliance_count_delta where campaign_id = campaign;
    execute compliance_recipient_deltas_sql(format(
        'select 1 as n, * from recipient where campaign_id = %s', campaign));
    execute compliance_answer_deltas_sql(format(
        'select 1 as n, * from step_answer where campaign_id = %s', campaign));
end;
$$;

-- Campaigns launched before this migration: count what exists (folded by the first compaction).
do $$
begin
    execute compliance_recipient_deltas_sql('select 1 as n, * from recipient');
    execute compliance_answer_deltas_sql('select 1 as n, * from step_answer');
end;
$$;

-- The employee view looks a person's recipient rows up across campaigns.
create index recipient_employee on recipient (employee_id);

-- Who receives a campaign's compliance report by mail (weekly by default): per region, or "*" for the whole
-- campaign. Each gets the PDF of their region only.
create table compliance_report_recipient (
    campaign_id  bigint      not null references campaign (id) on delete cascade,
    region       text        not null,
    email        text        not null,
    -- trimmed, lower-cased e-mail: one entry per address and region
    email_key    text        not null,
    added_by     text        not null,
    added_at     timestamptz not null,
    primary key (campaign_id, region, email_key)
);

-- One row per campaign and scheduled run whose report mail was queued: a run that fires twice (a misfire
-- replayed by Quartz) queues nothing the second time.
create table compliance_report_run (
    campaign_id  bigint      not null references campaign (id) on delete cascade,
    -- the run's scheduled fire time
    scheduled_at timestamptz not null,
    queued       int         not null,
    queued_at    timestamptz not null,
    primary key (campaign_id, scheduled_at)
);
