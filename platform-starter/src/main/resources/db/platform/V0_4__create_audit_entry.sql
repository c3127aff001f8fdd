-- X2: append-only, hash-chained audit trail. Each entry's hash covers its content and the previous hash,
-- so an edited, deleted or reordered row breaks the chain at that entry.
create table audit_entry (
    seq          bigint primary key,
    entry_id     uuid        not null unique,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    target_type  text        not null,
    target_id    text        not null,
    before_state text,
    after_state  text,
    request_id   text,
    prev_hash    char(64)    not null,
    hash         char(64)    not null
);

create index audit_entry_target on audit_entry (target_type, target_id);
create index audit_entry_actor on audit_entry (actor);
create index audit_entry_occurred_at on audit_entry (occurred_at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
