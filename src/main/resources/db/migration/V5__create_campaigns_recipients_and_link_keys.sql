-- Campaigns, the recipients snapshotted when one launches, and the keys that sign personal links.

create table campaign (
    id                         bigint generated always as identity primary key,
    name                       text        not null,
    playbook_key               text        not null,
    -- pinned at launch: what the campaign shows never changes afterwards
    playbook_version_id        bigint      references playbook_version (id),
    status                     text        not null check (status in
                                   ('DRAFT', 'SCHEDULED', 'SENDING', 'ACTIVE', 'PAUSED', 'CLOSED', 'CANCELLED')),
    -- the status a PAUSED campaign resumes to
    paused_from                text        check (paused_from in ('SCHEDULED', 'SENDING', 'ACTIVE')),
    -- {"regions": [...], "departments": [...], "countries": [...], "includeEmails": [...], "excludeEmails": [...]}
    audience                   jsonb       not null,
    send_at                    timestamptz,
    local_send_time            time,
    spread_over_seconds        bigint      check (spread_over_seconds > 0),
    rate_per_minute            int         check (rate_per_minute > 0),
    reminder_every_days        int         check (reminder_every_days > 0),
    reminder_max               int         check (reminder_max >= 0),
    -- region -> ISO date; "*" applies to every region not named
    deadlines                  jsonb       not null default '{}',
    escalate_after_days        int         check (escalate_after_days > 0),
    created_at                 timestamptz not null,
    created_by                 text        not null,
    updated_at                 timestamptz not null,
    launched_at                timestamptz,
    all_sent_at                timestamptz,
    ended_at                   timestamptz,
    version                    int         not null default 0
);

create index campaign_due on campaign (send_at) where status = 'SCHEDULED';

-- One row per employee asked, frozen at launch: later directory changes do not alter who was asked or
-- how they are counted.
create table recipient (
    id               bigint generated always as identity primary key,
    campaign_id      bigint      not null references campaign (id),
    employee_id      bigint      not null references employee (id),
    email            text        not null,
    name             text        not null,
    region           text        not null,
    department       text,
    country          text,
    manager_email    text,
    locale           text        not null,
    time_zone        text        not null,
    -- per-recipient secret input of the personal link's MAC (security.LinkTokens); changing it revokes the link
    link_nonce       bytea       not null,
    -- when the invitation is due (send time, local send time and spreading applied)
    planned_at       timestamptz not null,
    -- end of the region's deadline day in the recipient's own time zone
    deadline_at      timestamptz,
    delivery_status  text        not null default 'QUEUED' check (delivery_status in ('QUEUED', 'SENT', 'FAILED')),
    sent_at          timestamptz,
    failed_at        timestamptz,
    failure_reason   text,
    reminders_sent   int         not null default 0,
    last_reminded_at timestamptz,
    escalated_at     timestamptz,
    completed_at     timestamptz,
    added_late       boolean     not null default false,
    created_at       timestamptz not null,
    unique (campaign_id, employee_id)
);

create index recipient_campaign_region on recipient (campaign_id, region);

-- The first instant at or after `after` when the clock in `zone` shows `local_time`. A local time that a
-- daylight-saving jump skips is read as standard time (02:30 on the spring-forward night is 03:30 summer time).
create function heed_next_local_time(after timestamptz, local_time time, zone text) returns timestamptz
    language sql stable as $$
    select case
               when candidate >= after then candidate
               else (((after at time zone zone)::date + 1) + local_time) at time zone zone
           end
      from (select (((after at time zone zone)::date) + local_time) at time zone zone as candidate) c
$$;

-- HMAC keys for personal links, when none are configured (heed.links.keys): made once, shared by replicas.
create table link_key (
    key_id      text        primary key,
    secret      bytea       not null,
    created_at  timestamptz not null
);

-- Test sends: a campaign's invitation rendered for a chosen reader and sent to a chosen address, marked as a
-- test and never counted.
create table campaign_test_send (
    id                 bigint generated always as identity primary key,
    campaign_id        bigint      not null references campaign (id),
    to_address         text        not null,
    -- whose data fills the message (an employee of the directory), or a sample reader when null
    as_employee_email  text,
    locale             text        not null,
    created_by         text        not null,
    created_at         timestamptz not null
);

-- Manager escalations: one summary per manager per campaign, listing their reports still open.
create table campaign_escalation (
    id                 bigint generated always as identity primary key,
    campaign_id        bigint      not null references campaign (id),
    manager_email_key  text        not null,
    manager_email      text        not null,
    created_at         timestamptz not null,
    unique (campaign_id, manager_email_key)
);

-- The follow-up passes look for open, delivered recipients of running campaigns.
create index recipient_open on recipient (campaign_id) where completed_at is null and delivery_status = 'SENT';
