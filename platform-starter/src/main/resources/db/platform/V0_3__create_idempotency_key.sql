-- T4 and api.md: the first response to a POST with an Idempotency-Key is kept and replayed.
create table idempotency_key (
    caller                text        not null,
    idempotency_key       text        not null,
    request_hash          text        not null,
    state                 text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    response_status       integer,
    response_content_type text,
    response_location     text,
    response_body         bytea,
    created_at            timestamptz not null default now(),
    completed_at          timestamptz,
    primary key (caller, idempotency_key)
);

create index idempotency_key_created_at on idempotency_key (created_at);
