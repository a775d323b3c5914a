-- Append-only record of what administrators did. Each row's hash covers the previous row's hash, so a
-- changed or deleted row breaks the chain from that point on (see audit.AuditLog.verify).

create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    subject      text,
    -- canonical JSON as hashed; text, not jsonb, so the bytes read back are the bytes hashed
    details      text        not null,
    prev_hash    text        not null,
    hash         text        not null unique
);

-- Neither the application nor anyone with its credentials may rewrite history.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
