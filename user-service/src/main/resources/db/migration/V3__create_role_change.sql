-- U6: a role change (an admin's or an access review's revocation) is recorded, with its audit entry, before it is
-- applied in Keycloak. It stays PENDING until Keycloak has confirmed it; the role-change job applies PENDING
-- changes again (Keycloak's role mappings are idempotent) unless a newer change for the person superseded them.
create table role_change (
    id              uuid primary key,
    user_id         uuid        not null,
    added           text[]      not null,
    removed         text[]      not null,
    roles           text[]      not null,
    reason          text        not null,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    status          text        not null check (status in ('PENDING', 'APPLIED', 'SUPERSEDED')),
    next_attempt_at timestamptz,
    applied_at      timestamptz
);
create index role_change_due on role_change (next_attempt_at) where status = 'PENDING';
create index role_change_user_pending on role_change (user_id) where status = 'PENDING';
