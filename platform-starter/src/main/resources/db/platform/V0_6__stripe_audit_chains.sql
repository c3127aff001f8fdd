-- X2 at volume: several hash chains ("stripes") instead of one, so that audited transactions do not all queue
-- for a single lock; each chain is verified on its own. Existing entries become chain 0 unchanged (their hashes
-- stay valid: chain 0 starts from the old genesis and chain_seq equals their seq).
alter table audit_entry disable trigger audit_entry_no_update_or_delete;
alter table audit_entry add column chain integer not null default 0;
alter table audit_entry add column chain_seq bigint;
update audit_entry set chain_seq = seq;
alter table audit_entry alter column chain_seq set not null;
alter table audit_entry enable trigger audit_entry_no_update_or_delete;

alter table audit_entry add constraint audit_entry_chain_position unique (chain, chain_seq);
create index audit_entry_chain_order on audit_entry (chain, seq);

-- seq stays the trail's overall order (listing, paging); appends no longer compute it under a lock
create sequence audit_entry_seq_gen owned by audit_entry.seq;
select setval('audit_entry_seq_gen', coalesce((select max(seq) from audit_entry), 0) + 1, false);
alter table audit_entry alter column seq set default nextval('audit_entry_seq_gen');

-- the newest entry of each chain; its row lock is what an append waits for (one chain per transaction)
create table audit_chain_head (
    chain     integer primary key,
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into audit_chain_head (chain, last_seq, last_hash)
select chain, chain_seq, hash from audit_entry where chain = 0 order by chain_seq desc limit 1;

-- the heads of all chains at a moment, also published as an event through the outbox (the anchor that the
-- table's writer cannot rewrite)
create table audit_checkpoint (
    id         bigserial primary key,
    created_at timestamptz not null,
    entries    bigint      not null,
    heads      text        not null,
    event_id   uuid
);

create trigger audit_checkpoint_no_update_or_delete
    before update or delete on audit_checkpoint
    for each row execute function audit_entry_is_append_only();

create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_entry_is_append_only();
