create table thing (
    id       uuid primary key,
    name     text    not null,
    quantity integer not null
);

-- what the test listener applied, in the order it applied it
create table thing_effect (
    applied_order bigserial primary key,
    event_id      text not null,
    aggregate_id  text not null,
    seq           integer,
    request_id    text,
    trace_id      text
);
