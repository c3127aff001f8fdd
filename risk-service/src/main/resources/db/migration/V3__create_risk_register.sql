-- R4: the risk register and its reviews.
create table register_risk (
    id                  uuid primary key,
    title               varchar(200)  not null,
    category            varchar(20)   not null,
    description         varchar(4000) not null,
    owner               varchar(200)  not null,
    likelihood          int           not null check (likelihood between 1 and 5),
    impact              int           not null check (impact between 1 and 5),
    level               varchar(10)   not null,
    strategy            varchar(10)   not null,
    controls            jsonb         not null,
    contingency_plan    varchar(4000),
    residual_likelihood int           not null check (residual_likelihood between 1 and 5),
    residual_impact     int           not null check (residual_impact between 1 and 5),
    residual_level      varchar(10)   not null,
    last_reviewed_at    timestamptz,
    next_review_due     timestamptz   not null,
    created_by          text          not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             int           not null
);
create index register_risk_due on register_risk (next_review_due);

create table register_review (
    id                  uuid primary key,
    risk_id             uuid        not null references register_risk (id),
    reviewed_by         text        not null,
    reviewed_at         timestamptz not null,
    notes               varchar(4000) not null,
    likelihood          int         not null,
    impact              int         not null,
    residual_likelihood int         not null,
    residual_impact     int         not null,
    level               varchar(10) not null,
    residual_level      varchar(10) not null
);
create index register_review_risk on register_review (risk_id, reviewed_at);
