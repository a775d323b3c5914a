-- Outgoing mail (package delivery, docs/delivery.md). A sender queues rows in its own transaction (Outbox);
-- a dispatcher on any replica claims due rows with FOR UPDATE SKIP LOCKED, marks them SENDING under a lease
-- and commits, sends, then records the outcome. A SENDING row whose lease has passed belonged to a dispatcher
-- that died mid-batch: it is claimed again.

create table outbox_message (
    id                  bigint      generated always as identity primary key,
    -- which composer renders it ('invitation', 'delivery-check', ...) and the sender's own key for it:
    -- both opaque to delivery
    kind                text        not null,
    reference           text        not null,
    to_address          text        not null,
    -- pacing group, e.g. 'campaign:12' (see outbox_stream)
    stream              text        not null,
    test                boolean     not null default false,
    -- RFC 5322 Message-ID, fixed when queued and reused by every attempt
    message_id          text        not null unique,
    status              text        not null default 'PENDING'
                        check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    -- earliest send time as the sender asked; next_attempt_at starts there and moves with each retry
    due_at              timestamptz not null,
    next_attempt_at     timestamptz not null,
    -- attempts started (counted at claim time)
    attempts            integer     not null default 0,
    claimed_at          timestamptz,
    lease_until         timestamptz,
    -- the claim that holds a SENDING row: an outcome arriving after another claim took over is ignored
    claim_token         uuid,
    last_smtp_reply     text,
    -- SHA-256 (hex) of the subject, text and HTML that were sent (see delivery.ComposedMail#contentSha256)
    content_sha256      text,
    created_at          timestamptz not null,
    sent_at             timestamptz,
    failed_at           timestamptz,
    cancelled_at        timestamptz,
    -- when the message's owner (DeliveryListener) was told of its final state; null until then
    outcome_reported_at timestamptz
);

-- The dispatcher's claim: due rows of one stream, oldest first.
create index outbox_message_due on outbox_message (stream, next_attempt_at, id) where status = 'PENDING';
-- Claims whose dispatcher died.
create index outbox_message_lease on outbox_message (lease_until) where status = 'SENDING';
-- Final states not yet reported to their owner.
create index outbox_message_unreported on outbox_message (id)
    where outcome_reported_at is null and status in ('SENT', 'FAILED', 'CANCELLED');

-- One row per stream that has ever had mail: its pacing and whether it is paused. Pacing is a virtual
-- schedule (GCRA): next_slot_at is the earliest time the stream's next message may be claimed; each claim of
-- k messages moves it k intervals (60 s / rate_per_minute) on. Kept here, updated under the claim, so the rate
-- holds across all replicas.
create table outbox_stream (
    stream          text        primary key,
    -- null: no cap of its own (the global cap, heed.smtp.max-per-minute, still applies)
    rate_per_minute integer     check (rate_per_minute > 0),
    paused          boolean     not null default false,
    next_slot_at    timestamptz,
    last_claimed_at timestamptz,
    updated_at      timestamptz not null
);

-- The global cap's schedule, the same virtual schedule for all mail: exactly one row.
create table outbox_pacing (
    id           boolean     primary key default true check (id),
    next_slot_at timestamptz
);
insert into outbox_pacing default values;
