-- Advisory playbooks, one row per version. A version never changes: a campaign pins the version it was
-- launched with, so editing a playbook (in templates/playbooks or over the API) adds a version instead.

create table playbook_version (
    id             bigint generated always as identity primary key,
    playbook_key   text        not null,
    version        int         not null,
    -- the definition (steps, subjects, translations) as JSON, without the templates
    definition     jsonb       not null,
    -- template file name (e.g. invitation.de.html) -> template text
    templates      jsonb       not null,
    -- SHA-256 over definition and templates: a folder re-read at start-up adds a version only if it changed
    content_hash   text        not null,
    origin         text        not null check (origin in ('FILE', 'API')),
    created_at     timestamptz not null,
    created_by     text        not null,
    unique (playbook_key, version)
);
