-- The console's sign-in: server-side sessions (the cookie carries only a random secret; this table its hash), and
-- the throttle that slows down, then locks, repeated failed sign-ins per account and per client address. Owned by
-- security.

create table console_session (
    id             bigint generated always as identity primary key,
    -- SHA-256 (hex) of the cookie's 256-bit secret; the secret itself is never stored
    token_hash     text        not null unique,
    account_id     bigint      not null references admin_account (id),
    signed_in_at   timestamptz not null,
    -- moved forward at most once a minute while the session is used; idle timeout counts from it
    last_seen_at   timestamptz not null,
    -- the absolute limit: signed_in_at + heed.console.session.max-age
    expires_at     timestamptz not null,
    -- keyed hash of the address that signed in, and its browser, for the account's own session list
    client_address_hash text,
    user_agent     text
);

create index console_session_account on console_session (account_id);

-- One row per account ('account:<email key>') or client address ('address:<keyed hash>') that failed recently.
create table sign_in_throttle (
    subject            text        primary key,
    -- failures since the last success (accounts) or within the window (addresses)
    failures           integer     not null,
    window_started_at  timestamptz not null,
    -- no attempt is checked before this time (slowing down)
    next_attempt_at    timestamptz,
    -- no attempt is checked before this time (locked)
    locked_until       timestamptz
);
