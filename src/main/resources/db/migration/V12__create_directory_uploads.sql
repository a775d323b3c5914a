-- A directory CSV uploaded through the console, kept until it is applied: its dry run is checked first and shown,
-- then applied by whichever replica serves the "Apply" (the file is here, not in one replica's memory). The bytes
-- are dropped once the upload is applied or fails; the counts stay as the record of what was checked.

create table directory_upload (
    id                  bigint generated always as identity primary key,
    -- the e-mail of the account that uploaded it
    account             text        not null,
    uploaded_at         timestamptz not null,
    file_name           text        not null,
    size_bytes          bigint      not null,
    content             bytea,
    deactivate_missing  boolean     not null,
    -- checking → checked → applying → applied; failed from checking or applying (problem says why)
    status              text        not null check (status in ('checking', 'checked', 'applying', 'applied', 'failed')),
    -- the dry run's ImportResult as JSON, then the applied one
    dry_run             jsonb,
    applied             jsonb,
    problem             text,
    updated_at          timestamptz not null
);
