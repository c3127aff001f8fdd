-- X1: a consumer records each event id it applied, in the same transaction as the effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
