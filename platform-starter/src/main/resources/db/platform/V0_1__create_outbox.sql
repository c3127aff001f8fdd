-- X1: events are written in the same transaction as the state change and relayed to Kafka afterwards.
create table outbox_event (
    position       bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    payload        text        not null,
    occurred_at    timestamptz not null,
    request_id     text,
    trace_parent   text,
    published_at   timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);

create index outbox_event_unpublished on outbox_event (position) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
