-- Employees' answers to a campaign's steps (the compliance evidence), their full history, and the visits of
-- the acknowledgement page (not evidence: mail scanners open links too). Written by io.heed.acknowledgement.

-- The current answer per recipient and step: one row once the step is answered, never removed. The compliance
-- dashboards count these (status by campaign and step; join recipient for region and department).
create table step_answer (
    recipient_id       bigint      not null references recipient (id),
    step_key           text        not null,
    -- denormalised from recipient so per-campaign counts need no join
    campaign_id        bigint      not null references campaign (id),
    status             text        not null check (status in ('done', 'not_applicable')),
    -- 'step': answered on the step itself; 'playbook': the whole-playbook "not applicable" answer
    answered_via       text        not null check (answered_via in ('step', 'playbook')),
    -- the first answer's time: repeating or changing an answer never moves it
    first_answered_at  timestamptz not null,
    -- the time of the last change of status (equal to first_answered_at until it changes)
    changed_at         timestamptz not null,
    primary key (recipient_id, step_key)
);

create index step_answer_campaign_step on step_answer (campaign_id, step_key, status);

-- Every change of an answer, the first one included, as an auditor would ask for it. Append-only.
create table step_answer_change (
    id                  bigint generated always as identity primary key,
    recipient_id        bigint      not null references recipient (id),
    campaign_id         bigint      not null references campaign (id),
    step_key            text        not null,
    -- null for the first answer
    previous_status     text        check (previous_status in ('done', 'not_applicable')),
    status              text        not null check (status in ('done', 'not_applicable')),
    answered_via        text        not null check (answered_via in ('step', 'playbook')),
    changed_at          timestamptz not null,
    -- HMAC-SHA256 of the client address under a server secret, truncated: comparable between rows, never the
    -- address itself (see docs/acknowledgement.md)
    client_address_hash text        not null,
    user_agent          text,
    -- why the request looked automated (e.g. 'scanner-user-agent,no-accept-language'); null when nothing did
    automation_signals  text
);

create index step_answer_change_recipient on step_answer_change (recipient_id, changed_at);
create index step_answer_change_campaign on step_answer_change (campaign_id, changed_at);

create function step_answer_change_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'step_answer_change is append-only';
end;
$$;

create trigger step_answer_change_append_only
    before update or delete on step_answer_change
    for each row execute function step_answer_change_is_append_only();

-- Every GET and HEAD of a personal page with a valid link. Appended in batches (a crash may lose the last
-- second of visits, never an answer); a visit is never an acknowledgement.
create table page_visit (
    id                  bigint generated always as identity primary key,
    recipient_id        bigint      not null references recipient (id),
    campaign_id         bigint      not null references campaign (id),
    visited_at          timestamptz not null,
    method              text        not null check (method in ('GET', 'HEAD')),
    possibly_automated  boolean     not null,
    automation_signals  text,
    client_address_hash text        not null,
    user_agent          text
);

create index page_visit_recipient on page_visit (recipient_id, visited_at);
create index page_visit_campaign on page_visit (campaign_id, visited_at);

-- What a dashboard counts cheaply, kept on the recipient and set once each, with the visit batch that contains
-- it: the first visit of any kind, and the first that did not look automated.
alter table recipient
    add column first_visit_at       timestamptz,
    add column first_human_visit_at timestamptz;
