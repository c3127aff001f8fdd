-- P1-P3: applications with their automatic checks, reviews and reasons (children kept as JSON in the row:
-- the application is read and written whole)
create table partner_application (
    id                    uuid primary key,
    applicant_id          text        not null,
    company_name          text        not null,
    credit_code           varchar(18) not null,
    type                  text        not null,
    license_number        text        not null,
    license_expires_on    date        not null,
    qualifications        jsonb       not null,
    -- contacts' e-mail addresses and phone numbers are encrypted (FieldEncryptor) inside the JSON
    contacts              jsonb       not null,
    service_regions       jsonb       not null,
    capabilities          jsonb       not null,
    status                text        not null,
    checks                jsonb       not null,
    reviews               jsonb       not null,
    reasons               jsonb       not null,
    partner_id            uuid,
    -- a pending credit check: when the retry job may ask the bureau again (also its lease while asking)
    credit_check_due_at   timestamptz,
    credit_check_attempts int         not null default 0,
    submitted_at          timestamptz not null,
    decided_at            timestamptz
);
create index partner_application_status on partner_application (status, type, submitted_at);
create index partner_application_applicant on partner_application (applicant_id);
create index partner_application_credit_due on partner_application (credit_check_due_at)
    where credit_check_due_at is not null;

-- P2: the partner blacklist, managed by operators and risk officers
create table partner_blacklist (
    credit_code varchar(18) primary key,
    reason      text        not null,
    expires_on  date,
    added_by    text        not null,
    added_at    timestamptz not null
);

-- an admitted partner (P3) and its API client (P7)
create table partner (
    id             uuid primary key,
    application_id uuid        not null unique references partner_application (id),
    applicant_id   text        not null,
    company_name   text        not null,
    credit_code    varchar(18) not null,
    type           text        not null,
    status         text        not null,
    grade          text,
    probation_until date,
    contacts       jsonb       not null,
    client_id      text,
    -- NONE, ACTIVE, REVOKE_PENDING (termination recorded, Keycloak not yet told), REVOKED
    client_state   text        not null default 'NONE',
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index partner_status on partner (status);

-- P4: an agreement and its versions; exactly one version of a partner is ACTIVE at most
create table agreement (
    id         uuid primary key,
    partner_id uuid        not null references partner (id),
    created_at timestamptz not null
);
create index agreement_partner on agreement (partner_id);

create table agreement_version (
    agreement_id            uuid         not null references agreement (id),
    version                 int          not null,
    partner_id              uuid         not null references partner (id),
    status                  text         not null,
    cooperation_mode        text         not null,
    starts_on               date         not null,
    ends_on                 date         not null,
    rights_and_obligations  text         not null,
    confidentiality         text         not null,
    breach_liability        text         not null,
    commission_rate         numeric(6, 4) not null,
    fulfilment_days         int          not null,
    api_quota_per_minute    int          not null,
    termination_notice_days int          not null,
    created_by              text         not null,
    created_at              timestamptz  not null,
    proposed_at             timestamptz,
    accepted_by             text,
    accepted_at             timestamptz,
    termination_reason      text,
    termination_effective_on date,
    terminated_at           timestamptz,
    ended_at                timestamptz,
    primary key (agreement_id, version)
);
create unique index agreement_version_one_active on agreement_version (partner_id) where status = 'ACTIVE';
create index agreement_version_active_ends on agreement_version (ends_on) where status = 'ACTIVE';

-- expiry reminders (P4): one row per version and lead time, so each is sent once
create table agreement_reminder (
    agreement_id       uuid        not null,
    version            int         not null,
    lead_days          int         not null,
    partner_id         uuid        not null,
    days_left          int         not null,
    ends_on            date        not null,
    created_at         timestamptz not null,
    mail_claimed_until timestamptz,
    mail_sent_at       timestamptz,
    primary key (agreement_id, version, lead_days)
);
create index agreement_reminder_unsent on agreement_reminder (created_at) where mail_sent_at is null;

-- P7: webhook subscriptions, their deliveries (persisted before sending) and every attempt
create table webhook (
    id                 uuid primary key,
    partner_id         uuid        not null references partner (id),
    url                text        not null,
    events             jsonb       not null,
    secret             text        not null,
    status             text        not null,
    disabled_reason    text,
    disabled_at        timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index webhook_partner on webhook (partner_id);

create table webhook_delivery (
    id               uuid primary key,
    webhook_id       uuid        not null references webhook (id),
    partner_id       uuid        not null,
    message_id       text        not null,
    event_type       text        not null,
    payload          text        not null,
    status           text        not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz,
    lease_until      timestamptz,
    last_status_code int,
    last_error       text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (webhook_id, message_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_webhook on webhook_delivery (webhook_id, created_at);

create table webhook_attempt (
    delivery_id  uuid        not null references webhook_delivery (id),
    attempt      int         not null,
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  bigint      not null,
    primary key (delivery_id, attempt)
);

-- P5: quality facts from transaction-service's events, one row per transaction and per dispute
create table quality_transaction (
    transaction_id    uuid primary key,
    partner_id        uuid        not null,
    created_at        timestamptz,
    paid_at           timestamptz,
    fulfilment_due_at timestamptz,
    fulfilled_at      timestamptz,
    on_time           boolean,
    cancelled_at      timestamptz,
    refunded_minor    bigint      not null default 0,
    fully_refunded    boolean     not null default false,
    updated_at        timestamptz not null
);
create index quality_transaction_partner on quality_transaction (partner_id);

create table quality_dispute (
    dispute_id     uuid primary key,
    partner_id     uuid        not null,
    transaction_id uuid,
    opened_at      timestamptz,
    resolved_at    timestamptz,
    outcome        text,
    abusive        boolean,
    updated_at     timestamptz not null
);
create index quality_dispute_partner on quality_dispute (partner_id);

create table inspection (
    id                   uuid primary key,
    partner_id           uuid        not null references partner (id),
    inspector            text        not null,
    findings             jsonb       not null,
    rectification_due_on date,
    rectified_at         timestamptz,
    overdue_at           timestamptz,
    created_at           timestamptz not null
);
create index inspection_partner on inspection (partner_id, created_at);
create index inspection_open on inspection (rectification_due_on)
    where rectified_at is null and overdue_at is null and rectification_due_on is not null;

-- P6: evaluations, kept as history; one quarterly evaluation per partner and quarter
create table evaluation (
    id           uuid primary key,
    partner_id   uuid          not null references partner (id),
    kind         text          not null,
    period_start date          not null,
    period_end   date          not null,
    score        numeric(5, 2) not null,
    grade        text          not null,
    breakdown    jsonb         not null,
    consequence  text          not null,
    evaluated_by text          not null,
    created_at   timestamptz   not null
);
create index evaluation_partner on evaluation (partner_id, created_at);
create unique index evaluation_one_quarterly on evaluation (partner_id, period_start, period_end)
    where kind = 'QUARTERLY';
