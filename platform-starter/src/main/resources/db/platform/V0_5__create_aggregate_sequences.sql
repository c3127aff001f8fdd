-- Consumers tolerate reordering (docs/events.md, "aggregatesequence"): the outbox numbers each aggregate's events
-- on a topic in the producing transaction, and a consumer remembers the newest number it applied per key.
create table outbox_aggregate_sequence (
    topic         text   not null,
    aggregate_id  text   not null,
    last_sequence bigint not null,
    primary key (topic, aggregate_id)
);

-- null for events recorded before this migration: they carry no sequence
alter table outbox_event add column aggregate_sequence bigint;

create table consumed_sequence (
    consumer      text        not null,
    ordering_key  text        not null,
    last_sequence bigint      not null,
    updated_at    timestamptz not null default now(),
    primary key (consumer, ordering_key)
);

create index consumed_sequence_updated_at on consumed_sequence (updated_at);
