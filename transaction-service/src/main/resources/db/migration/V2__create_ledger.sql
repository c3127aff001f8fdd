-- double-entry ledger (T6). Amounts are signed minor units: debit positive, credit negative.
create table journal_entry (
    id               uuid primary key,
    transaction_id   uuid        not null references transaction (id),
    kind             text        not null,
    currency         char(3)     not null,
    reference        text        not null unique,
    corrects_entry_id uuid references journal_entry (id),
    created_at       timestamptz not null
);
create index journal_entry_transaction_idx on journal_entry (transaction_id, created_at);

create table journal_posting (
    entry_id       uuid    not null references journal_entry (id),
    line           integer not null,
    account        text    not null check (account in ('PROVIDER_CLEARING', 'ESCROW', 'PARTNER_PAYABLE',
                                              'PLATFORM_COMMISSION', 'REFUNDS_PAYABLE')),
    transaction_id uuid    not null,
    currency       char(3) not null,
    amount_minor   bigint  not null check (amount_minor <> 0),
    primary key (entry_id, line)
);
create index journal_posting_escrow_idx on journal_posting (transaction_id, account);

-- entries are immutable: corrections are new entries
create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger rows are immutable: % on % refused', tg_op, tg_table_name
        using errcode = 'P0001';
end $$;
create trigger journal_entry_immutable before update or delete on journal_entry
    for each row execute function ledger_refuse_change();
create trigger journal_posting_immutable before update or delete on journal_posting
    for each row execute function ledger_refuse_change();
create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function ledger_refuse_change();
create trigger journal_posting_no_truncate before truncate on journal_posting
    for each statement execute function ledger_refuse_change();

-- at commit: each entry balances, postings share the entry's currency, and no transaction's escrow is overdrawn
create function ledger_check_entry() returns trigger language plpgsql as $$
declare
    total bigint;
    wrong_currency integer;
    escrow bigint;
begin
    select coalesce(sum(amount_minor), 0) into total from journal_posting where entry_id = new.entry_id;
    if total <> 0 then
        raise exception 'journal entry % does not balance (%)', new.entry_id, total using errcode = 'P0002';
    end if;
    select count(*) into wrong_currency from journal_posting p join journal_entry e on e.id = p.entry_id
        where p.entry_id = new.entry_id and (p.currency <> e.currency or p.transaction_id <> e.transaction_id);
    if wrong_currency > 0 then
        raise exception 'journal entry % mixes currencies or transactions', new.entry_id using errcode = 'P0002';
    end if;
    select coalesce(sum(amount_minor), 0) into escrow from journal_posting
        where transaction_id = new.transaction_id and account = 'ESCROW';
    if escrow > 0 then
        raise exception 'escrow of transaction % would be overdrawn', new.transaction_id using errcode = 'P0003';
    end if;
    return null;
end $$;
create constraint trigger journal_posting_balanced after insert on journal_posting
    deferrable initially deferred for each row execute function ledger_check_entry();
