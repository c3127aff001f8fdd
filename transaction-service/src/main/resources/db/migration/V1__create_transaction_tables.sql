-- transactions (T1-T3): one row per transaction, the risk-control steps and the transition history with it
create table transaction (
    id                  uuid primary key,
    payer_id            text        not null,
    partner_id          uuid        not null,
    type                text        not null check (type in ('DELIVERY', 'ECOMMERCE', 'FINANCIAL')),
    status              text        not null check (status in ('APPROVED', 'IN_REVIEW', 'REJECTED', 'CONFIRMED',
                                        'PAYMENT_PENDING', 'PAID', 'FULFILLED', 'SETTLED', 'CANCELLED', 'REFUNDED')),
    amount_minor        bigint      not null check (amount_minor > 0),
    currency            char(3)     not null,
    refunded_minor      bigint      not null default 0 check (refunded_minor >= 0 and refunded_minor <= amount_minor),
    description         text        not null,
    details             jsonb,
    commission_rate     numeric(7, 4) not null check (commission_rate >= 0 and commission_rate <= 1),
    fulfilment_days     integer     not null check (fulfilment_days >= 0),
    agreement_id        text,
    agreement_version   integer,
    risk_decision       text        not null check (risk_decision in ('APPROVE', 'REVIEW', 'REJECT')),
    risk_score          numeric(14, 4),
    assessment_id       text,
    risk_case_id        text,
    risk_reasons        jsonb       not null,
    steps               jsonb       not null,
    last_payment_failure text,
    disputed            boolean     not null default false,
    status_reason       text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    decided_at          timestamptz,
    confirmed_at        timestamptz,
    paid_at             timestamptz,
    fulfilment_due_at   timestamptz,
    fulfilled_at        timestamptz,
    settled_at          timestamptz,
    cancelled_at        timestamptz,
    refunded_at         timestamptz,
    version             bigint      not null
);
create index transaction_payer_idx on transaction (payer_id, created_at desc);
create index transaction_partner_idx on transaction (partner_id, created_at desc);
create index transaction_status_idx on transaction (status, created_at desc);
create index transaction_settlement_due_idx on transaction (fulfilled_at) where status = 'FULFILLED';

create table transaction_transition (
    transaction_id uuid        not null references transaction (id),
    seq            integer     not null,
    from_status    text,
    to_status      text        not null,
    occurred_at    timestamptz not null,
    actor          text        not null,
    reason         text,
    primary key (transaction_id, seq)
);

-- a review case may be decided before the transaction that opened it is visible here (order-tolerant consumer)
create table risk_case_decision (
    transaction_id uuid primary key,
    case_id        text        not null,
    decision       text        not null check (decision in ('APPROVE', 'REJECT')),
    reason         text,
    decided_at     timestamptz not null,
    applied        boolean     not null default false
);

-- payments (T5)
create table payment (
    id                  uuid primary key,
    transaction_id      uuid        not null references transaction (id),
    provider            text        not null,
    method              text        not null check (method in ('BANK_CARD', 'WALLET', 'BANK_TRANSFER')),
    status              text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    amount_minor        bigint      not null check (amount_minor > 0),
    currency            char(3)     not null,
    provider_payment_id text,
    failure_reason      text,
    created_at          timestamptz not null,
    completed_at        timestamptz
);
create index payment_transaction_idx on payment (transaction_id, created_at);
-- at most one payment in flight per transaction
create unique index payment_one_pending on payment (transaction_id) where status = 'PENDING';

-- every callback received, verified or not applied, for replays and reconciliation
create table payment_callback (
    id          bigserial primary key,
    provider    text        not null,
    payment_id  uuid,
    status      text,
    outcome     text        not null,
    received_at timestamptz not null,
    body_hash   text        not null
);

-- disputes (T7)
create table dispute (
    id             uuid primary key,
    transaction_id uuid        not null references transaction (id),
    payer_id       text        not null,
    partner_id     uuid        not null,
    status         text        not null check (status in ('OPEN', 'RESOLVED')),
    reason         text        not null,
    description    text        not null,
    evidence       jsonb       not null,
    opened_at      timestamptz not null,
    due_at         timestamptz not null,
    outcome        text check (outcome in ('REFUND_FULL', 'REFUND_PARTIAL', 'REJECTED')),
    refund_minor   bigint,
    resolution_reason text,
    abusive        boolean,
    resolved_by    text,
    resolved_at    timestamptz,
    version        bigint      not null
);
create unique index dispute_one_open on dispute (transaction_id) where status = 'OPEN';
create index dispute_payer_idx on dispute (payer_id, opened_at desc);
create index dispute_partner_idx on dispute (partner_id, opened_at desc);
