-- People who use the console and the API, and the tokens machine clients use instead of a password.

create table admin_account (
    id             bigint generated always as identity primary key,
    email          text        not null,
    -- lower-cased e-mail: the sign-in name, unique whatever case it is typed in
    email_key      text        not null unique,
    name           text        not null,
    password_hash  text        not null,
    role           text        not null check (role in ('ADMIN', 'REGION_OFFICER', 'AUDITOR')),
    -- the regions a REGION_OFFICER may see; empty for the other roles
    regions        text[]      not null default '{}',
    active         boolean     not null default true,
    created_at     timestamptz not null,
    last_login_at  timestamptz
);

create table api_token (
    id             bigint generated always as identity primary key,
    name           text        not null,
    -- SHA-256 (hex) of the whole token; the token itself is shown once and never stored
    token_hash     text        not null unique,
    -- the first characters, so an operator can tell tokens apart without the secret
    token_prefix   text        not null,
    role           text        not null check (role in ('ADMIN', 'REGION_OFFICER', 'AUDITOR')),
    regions        text[]      not null default '{}',
    created_by     text        not null,
    created_at     timestamptz not null,
    last_used_at   timestamptz,
    revoked_at     timestamptz
);
