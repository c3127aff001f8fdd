-- T6: corrections are new entries, proposed by one admin and applied after a second admin's approval
create table ledger_correction (
    id                uuid primary key,
    transaction_id    uuid        not null references transaction (id),
    currency          char(3)     not null,
    reason            text        not null,
    corrects_entry_id uuid references journal_entry (id),
    lines             jsonb       not null,
    status            text        not null check (status in ('PROPOSED', 'APPLIED', 'REJECTED')),
    proposed_by       text        not null,
    proposed_at       timestamptz not null,
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    entry_id          uuid references journal_entry (id),
    -- four eyes, also in the database
    check (decided_by is null or decided_by <> proposed_by),
    check ((status = 'APPLIED') = (entry_id is not null))
);
create index ledger_correction_status_idx on ledger_correction (status, proposed_at);
create index ledger_correction_transaction_idx on ledger_correction (transaction_id);
