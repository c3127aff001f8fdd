-- user-service's own data (platform.md U1-U9). Personal data (contacts, document numbers) is stored only as
-- FieldEncryptor cipher text ("v1:<keyId>:<base64>"); equality lookups go through keyed blind indexes (U5).

-- The account. Its id is the Keycloak user id, i.e. the "sub" of the person's tokens across the platform.
create table user_account (
    id            uuid primary key,
    account_type  text        not null check (account_type in ('PERSON', 'ENTERPRISE')),
    display_name  text        not null,
    email_cipher  text,
    email_index   text unique,
    phone_cipher  text,
    phone_index   text unique,
    level         text        not null check (level in ('L0', 'L1', 'L2', 'L3')),
    status        text        not null check (status in ('PENDING_VERIFICATION', 'ACTIVE', 'RESTRICTED',
                                                         'SUSPENDED', 'BANNED', 'CLOSED')),
    roles         text[]      not null default '{}',
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    closed_at     timestamptz,
    version       integer     not null default 0
);
create index user_account_status on user_account (status);

-- U1: a registration waits for its one-time code. Only a salted hash of the code is kept.
create table registration (
    id              uuid primary key,
    user_id         uuid        not null references user_account (id) on delete cascade,
    channel         text        not null check (channel in ('EMAIL', 'PHONE')),
    status          text        not null check (status in ('PENDING', 'VERIFIED')),
    code_salt       text        not null,
    code_hash       text        not null,
    code_issued_at  timestamptz not null,
    code_attempts   integer     not null,
    code_used       boolean     not null,
    codes_sent_at   timestamptz[] not null,
    created_at      timestamptz not null,
    verified_at     timestamptz
);
create index registration_pending on registration (created_at) where status = 'PENDING';

-- U4: real-name verifications; one document backs one account (unique blind index while pending or verified).
create table identity_verification (
    id               uuid primary key,
    user_id          uuid        not null references user_account (id),
    document_type    text        not null check (document_type in ('RESIDENT_ID', 'PASSPORT')),
    document_cipher  text,
    document_index   text        not null,
    legal_name_cipher text,
    status           text        not null check (status in ('PENDING', 'VERIFIED', 'REJECTED')),
    provider_reference text,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    submitted_at     timestamptz not null,
    decided_at       timestamptz
);
create unique index identity_document_bound on identity_verification (document_index)
    where status in ('PENDING', 'VERIFIED');
create index identity_verification_retry on identity_verification (next_attempt_at) where status = 'PENDING';

-- U4: enterprise certification (L3); one company (credit code) backs one account.
create table enterprise_certification (
    id                 uuid primary key,
    user_id            uuid        not null references user_account (id),
    company_name       text        not null,
    credit_code        text        not null,
    license_number     text        not null,
    license_expires_on date        not null,
    status             text        not null check (status in ('CERTIFIED')),
    certified_at       timestamptz not null
);
create unique index enterprise_certification_company on enterprise_certification (credit_code);

-- U8: violations, each with the penalty decided for it, and at most one appeal.
create table violation (
    id              uuid primary key,
    user_id         uuid        not null references user_account (id),
    type            text        not null,
    severity        text        not null check (severity in ('MINOR', 'MAJOR', 'SEVERE')),
    fraud           boolean     not null,
    description     text        not null,
    evidence        text,
    source          text        not null check (source in ('OPERATOR', 'RISK_CASE', 'DISPUTE')),
    source_reference text,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    penalty_kind    text        not null check (penalty_kind in ('WARNING', 'RESTRICTED', 'SUSPENDED', 'BANNED')),
    penalty_until   timestamptz,
    penalty_state   text        not null check (penalty_state in ('ACTIVE', 'EXPIRED', 'LIFTED')),
    penalty_ended_at timestamptz,
    overturned      boolean     not null default false,
    overturn_reason text
);
create index violation_user on violation (user_id, recorded_at desc);
create index violation_due on violation (penalty_until) where penalty_state = 'ACTIVE';
create unique index violation_source on violation (source, source_reference) where source_reference is not null;

create table appeal (
    id              uuid primary key,
    violation_id    uuid        not null unique references violation (id),
    user_id         uuid        not null references user_account (id),
    reason          text        not null,
    status          text        not null check (status in ('PENDING', 'UPHELD', 'OVERTURNED')),
    filed_at        timestamptz not null,
    decided_by      text,
    decision_reason text,
    decided_at      timestamptz
);
create index appeal_pending on appeal (filed_at) where status = 'PENDING';

-- U6: access-review campaigns over every holder of a privileged role.
create table access_review (
    id           uuid primary key,
    started_by   text        not null,
    started_at   timestamptz not null,
    due_at       timestamptz not null,
    completed_at timestamptz
);

create table access_review_item (
    id          uuid primary key,
    review_id   uuid        not null references access_review (id),
    user_id     uuid        not null,
    username    text        not null,
    role        text        not null,
    decision    text check (decision in ('KEEP', 'REVOKE')),
    reason      text,
    decided_by  text,
    decided_at  timestamptz,
    unique (review_id, user_id, role)
);

-- U7: complaints and suggestions and their replies.
create table feedback (
    id          uuid primary key,
    user_id     uuid        not null references user_account (id),
    kind        text        not null check (kind in ('COMPLAINT', 'SUGGESTION')),
    subject     text        not null,
    body        text        not null,
    status      text        not null check (status in ('OPEN', 'ANSWERED')),
    created_at  timestamptz not null,
    reply       text,
    replied_by  text,
    replied_at  timestamptz
);
create index feedback_user on feedback (user_id, created_at desc);
create index feedback_open on feedback (created_at) where status = 'OPEN';

-- U7: a local view of the person's open business, kept from transaction-service's events, so that closing an
-- account does not depend on transaction-service being up.
create table open_business (
    user_id     uuid not null,
    kind        text not null check (kind in ('TRANSACTION', 'DISPUTE')),
    business_id uuid not null,
    opened_at   timestamptz not null,
    primary key (kind, business_id)
);
create index open_business_user on open_business (user_id);
