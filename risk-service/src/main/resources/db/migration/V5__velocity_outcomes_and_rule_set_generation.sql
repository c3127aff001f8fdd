-- R1: velocity refined by transaction-service's events. One row per transaction that ended without money moving
-- (transaction.rejected, transaction.cancelled); kept whether or not its assessment is stored yet, so an event
-- that arrives before the assessment (or for a transaction never assessed here) is applied when, and only if, an
-- assessment of that transaction id exists. Both states are final in transaction-service's state machine, so the
-- first one recorded stands.
create table transaction_outcome (
    transaction_id uuid primary key,
    outcome        varchar(20)  not null check (outcome in ('REJECTED', 'CANCELLED')),
    event_id       varchar(100) not null,
    event_type     varchar(60)  not null,
    occurred_at    timestamptz  not null,
    recorded_at    timestamptz  not null
);

-- R2: the generation of the rule set in force. Any statement that changes rule_version bumps it in the same
-- transaction (a statement trigger, so no code path and no manual fix can forget it); an assessment reads it
-- with one primary-key query and reuses its compiled rule set while the number is the one it was built for.
-- A row update, not a sequence: a sequence would move before the change commits and could label an old set new.
create table rule_set_generation (
    id         int         primary key check (id = 1),
    generation bigint      not null,
    changed_at timestamptz not null
);
insert into rule_set_generation (id, generation, changed_at) values (1, 1, now());

create function rule_set_changed() returns trigger language plpgsql as $$
begin
    update rule_set_generation set generation = generation + 1, changed_at = now() where id = 1;
    return null;
end $$;
create trigger rule_version_changed after insert or update or delete on rule_version
    for each statement execute function rule_set_changed();
create trigger rule_version_truncated after truncate on rule_version
    for each statement execute function rule_set_changed();
