-- R5: key risk indicators, their value history, the facts they are computed from, and alerts.
create table indicator (
    id                 uuid primary key,
    name               varchar(100)   not null,
    metric             varchar(30)    not null,
    scope              varchar(60)    not null,
    window_duration    varchar(30)    not null,
    window_seconds     bigint         not null,
    warning_threshold  numeric(18, 4) not null,
    critical_threshold numeric(18, 4) not null,
    auto_resolve       boolean        not null,
    created_by         text           not null,
    created_at         timestamptz    not null,
    last_computed_at   timestamptz
);

create table indicator_value (
    id           bigserial primary key,
    indicator_id uuid           not null references indicator (id),
    computed_at  timestamptz    not null,
    value        numeric(18, 4) not null,
    numerator    bigint         not null,
    denominator  bigint
);
create index indicator_value_history on indicator_value (indicator_id, computed_at);

-- facts from other services' events that indicators count (one row per event; event id deduplicates)
create table kri_observation (
    event_id    varchar(100) primary key,
    kind        varchar(30)  not null,
    partner_id  uuid,
    occurred_at timestamptz  not null
);
create index kri_observation_window on kri_observation (kind, occurred_at);

create table risk_alert (
    id               uuid primary key,
    indicator_id     uuid           not null references indicator (id),
    metric           varchar(30)    not null,
    scope            varchar(60)    not null,
    level            varchar(10)    not null check (level in ('WARNING', 'CRITICAL')),
    status           varchar(15)    not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    value            numeric(18, 4) not null,
    threshold        numeric(18, 4) not null,
    raised_at        timestamptz    not null,
    escalated_at     timestamptz,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    resolved_by      text,
    resolved_at      timestamptz,
    resolution       varchar(2000),
    -- the level the risk mailbox was last told about (null: not yet); the notifier catches up after failures
    notified_level   varchar(10),
    notified_status  varchar(15)
);
create unique index risk_alert_one_unresolved on risk_alert (indicator_id) where status <> 'RESOLVED';
create index risk_alert_status on risk_alert (status, raised_at);
