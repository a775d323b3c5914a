-- The employee directory: who can be asked to act, where they sit, how to address them.

create table employee (
    id              bigint generated always as identity primary key,
    email           text        not null,
    -- trimmed, lower-cased e-mail: the import's upsert key (computed in Java, one rule for every path)
    email_key       text        not null unique,
    name            text        not null,
    region          text        not null,
    department      text,
    country         text check (country ~ '^[A-Z]{2}$'),
    manager_email   text,
    locale          text        not null default 'en',
    time_zone       text        not null default 'UTC',
    active          boolean     not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    deactivated_at  timestamptz
);

-- Audience selection and the directory listing filter active employees by region and department.
-- (Deliberately the only secondary index: each one costs every imported row another index insert.)
create index employee_active_region_department on employee (region, department) where active;
