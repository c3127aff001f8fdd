-- U1: a registration past its time to live is marked EXPIRED before its Keycloak login is removed, so that a
-- code typed during the removal cannot activate an account that is losing its login.
alter table registration drop constraint registration_status_check;
alter table registration add constraint registration_status_check
    check (status in ('PENDING', 'VERIFIED', 'EXPIRED'));
create index registration_expired on registration (created_at) where status = 'EXPIRED';
