-- reconciliation of providers' statements with the ledger (T5)
create table reconciliation_run (
    id            uuid primary key,
    provider      text        not null,
    period_from   timestamptz not null,
    period_to     timestamptz not null,
    started_at    timestamptz not null,
    started_by    text        not null,
    compared      integer     not null,
    differences   integer     not null
);
create index reconciliation_run_period_idx on reconciliation_run (provider, period_from);

create table reconciliation_difference (
    run_id          uuid    not null references reconciliation_run (id),
    line            integer not null,
    kind            text    not null check (kind in ('MISSING_IN_LEDGER', 'MISSING_AT_PROVIDER', 'AMOUNT_MISMATCH',
                                                     'STATUS_MISMATCH', 'UNKNOWN_PAYMENT')),
    payment_id      uuid,
    transaction_id  uuid,
    provider_amount_minor bigint,
    ledger_amount_minor   bigint,
    currency        char(3),
    detail          text    not null,
    primary key (run_id, line)
);
