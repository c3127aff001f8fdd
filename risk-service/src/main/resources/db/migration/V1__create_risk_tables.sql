-- R2: rules are data, versioned. A rule's versions are never changed except their status.
create table rule (
    id          uuid primary key,
    created_at  timestamptz not null,
    created_by  text        not null
);

create table rule_version (
    id          uuid primary key,
    rule_id     uuid        not null references rule (id),
    version     int         not null,
    name        varchar(100) not null,
    description varchar(1000),
    expression  text        not null,
    score       int         not null check (score between 0 and 1000),
    action      varchar(10) not null check (action in ('APPROVE', 'REVIEW', 'REJECT')),
    mode        varchar(10) not null check (mode in ('LIVE', 'SHADOW', 'DISABLED')),
    -- ACTIVE: the version in force; PENDING_APPROVAL: a LIVE version waiting for a second risk officer;
    -- SUPERSEDED: replaced by a newer version; WITHDRAWN: a pending version replaced before it was approved
    status      varchar(20) not null check (status in ('ACTIVE', 'PENDING_APPROVAL', 'SUPERSEDED', 'WITHDRAWN')),
    author      text        not null,
    created_at  timestamptz not null,
    approved_by text,
    approved_at timestamptz,
    unique (rule_id, version)
);
create unique index rule_version_one_active on rule_version (rule_id) where status = 'ACTIVE';
create unique index rule_version_one_pending on rule_version (rule_id) where status = 'PENDING_APPROVAL';
create index rule_version_in_force on rule_version (status, mode);

-- R1: one assessment per transaction, with everything needed to explain and replay it.
create table assessment (
    id              uuid primary key,
    transaction_id  uuid        not null unique,
    type            varchar(20) not null,
    payer_id        uuid        not null,
    partner_id      uuid        not null,
    amount_minor    bigint      not null,
    currency        char(3)     not null,
    occurred_at     timestamptz not null,
    ip              varchar(64),
    device_id       varchar(200),
    document_ref    varchar(200),
    decision        varchar(10) not null,
    score           int         not null,
    payer_known     boolean     not null,
    partner_known   boolean     not null,
    -- the input facts by variable name, the live and shadow outcomes with their rule versions, the policy used
    facts           jsonb       not null,
    live_outcomes   jsonb       not null,
    shadow_outcomes jsonb       not null,
    reasons         jsonb       not null,
    policy          jsonb       not null,
    case_id         uuid,
    assessed_at     timestamptz not null
);
create index assessment_payer_time on assessment (payer_id, occurred_at);
create index assessment_assessed_at on assessment (assessed_at);

-- R1: watchlists; an entry is in force until removed or expired.
create table watchlist_entry (
    id          uuid primary key,
    kind        varchar(10)  not null check (kind in ('USER', 'DOCUMENT', 'DEVICE', 'IP')),
    value       varchar(200) not null,
    reason      varchar(1000) not null,
    expires_at  timestamptz,
    created_by  text         not null,
    created_at  timestamptz  not null,
    removed_by  text,
    removed_at  timestamptz
);
create unique index watchlist_one_open_entry on watchlist_entry (kind, value) where removed_at is null;

-- Local views of other services' facts, kept from their events (no synchronous call on the assessment path).
create table payer_view (
    user_id       uuid primary key,
    level         int,
    status        varchar(30),
    registered_at timestamptz,
    updated_at    timestamptz not null
);

create table payer_violation (
    violation_id uuid primary key,
    user_id      uuid        not null,
    recorded_at  timestamptz,
    overturned   boolean     not null default false
);
create index payer_violation_user on payer_violation (user_id);

create table partner_view (
    partner_id uuid primary key,
    type       varchar(30),
    status     varchar(30),
    grade      varchar(1),
    updated_at timestamptz not null
);

-- R3: review cases, one per REVIEW assessment.
create table review_case (
    id              uuid primary key,
    assessment_id   uuid        not null unique references assessment (id),
    transaction_id  uuid        not null,
    payer_id        uuid        not null,
    partner_id      uuid        not null,
    status          varchar(20) not null check (status in ('OPEN', 'IN_REVIEW', 'DECIDED')),
    owner           text,
    opened_at       timestamptz not null,
    taken_at        timestamptz,
    decision        varchar(10),
    fraud_confirmed boolean,
    reason          varchar(2000),
    decided_by      text,
    decided_at      timestamptz
);
create index review_case_status on review_case (status, opened_at);
