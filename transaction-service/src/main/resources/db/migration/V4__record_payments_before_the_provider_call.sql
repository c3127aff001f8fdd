-- T5: a payment is recorded INITIATED and committed before the provider is called (no transaction is open during
-- the call); PENDING once the provider accepted it. Until then it is sent again under the same id (the provider's
-- idempotency key), so at most one payment is in flight per transaction, whatever its state.
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
    check (status in ('INITIATED', 'PENDING', 'SUCCEEDED', 'FAILED'));
drop index payment_one_pending;
create unique index payment_one_open on payment (transaction_id) where status in ('INITIATED', 'PENDING');

alter table payment add column submission_attempts   integer not null default 0,
                    add column next_submission_at    timestamptz,
                    add column last_submission_error text;
-- payments already accepted were sent once
update payment set submission_attempts = 1 where provider_payment_id is not null;
create index payment_submission_due on payment (next_submission_at) where status = 'INITIATED';
