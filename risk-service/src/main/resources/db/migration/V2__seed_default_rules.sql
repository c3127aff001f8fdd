-- R1: the default rule set, LIVE from the start (documented in the README, section Default rules).
-- Seeded as version 1 of each rule by the migration itself; changing one is a new version through the API.
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000001', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000001', '00000000-0000-4000-8000-000000000001', 1, 'amount-limit-unverified', 'Amount above the limit of an unverified payer (L0/L1: 2,000)', 'payer.level <= 1 && tx.amount > 2000.0', 60, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000002', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000002', '00000000-0000-4000-8000-000000000002', 1, 'amount-limit-real-name', 'Amount above the limit of a real-name verified payer (L2: 50,000)', 'payer.level == 2 && tx.amount > 50000.0', 60, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000003', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000003', '00000000-0000-4000-8000-000000000003', 1, 'amount-limit-enterprise', 'Amount above the limit of a certified enterprise (L3: 500,000)', 'payer.level == 3 && tx.amount > 500000.0', 60, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000004', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000004', '00000000-0000-4000-8000-000000000004', 1, 'financial-needs-real-name', 'FINANCIAL transaction by a payer below L2 (T2)', 'tx.type == "FINANCIAL" && payer.level < 2', 100, 'REJECT', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000005', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000005', '00000000-0000-4000-8000-000000000005', 1, 'velocity-count-1h', '10 or more transactions of this payer in the last hour', 'velocity.count1h >= 10', 40, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000006', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000006', '00000000-0000-4000-8000-000000000006', 1, 'velocity-count-24h', '50 or more transactions of this payer in the last 24 hours', 'velocity.count24h >= 50', 40, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000007', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000007', '00000000-0000-4000-8000-000000000007', 1, 'velocity-amount-24h', 'More than 100,000 in 24 hours with this transaction', 'velocity.amount24h + tx.amount > 100000.0', 40, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000008', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000008', '00000000-0000-4000-8000-000000000008', 1, 'new-account-large-amount', 'Account younger than a day paying more than 500', 'payer.accountAgeDays < 1 && tx.amount > 500.0', 30, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000009', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000009', '00000000-0000-4000-8000-000000000009', 1, 'new-account', 'Account younger than 7 days', 'payer.accountAgeDays < 7', 10, 'APPROVE', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000010', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000010', '00000000-0000-4000-8000-000000000010', 1, 'watchlisted-user-or-document', 'Payer or its identity document on the watchlist', 'watch.user || watch.document', 100, 'REJECT', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000011', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000011', '00000000-0000-4000-8000-000000000011', 1, 'watchlisted-device-or-ip', 'Device or IP address on the watchlist', 'watch.device || watch.ip', 50, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000012', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000012', '00000000-0000-4000-8000-000000000012', 1, 'partner-grade-d', 'Partner graded D (P6: suspended and terminated per agreement)', 'partner.grade == "D"', 100, 'REJECT', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000013', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000013', '00000000-0000-4000-8000-000000000013', 1, 'partner-not-active', 'Partner not active (admitted without agreement, suspended or terminated)', 'partner.status in ["ADMITTED", "SUSPENDED", "TERMINATED"]', 100, 'REJECT', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000014', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000014', '00000000-0000-4000-8000-000000000014', 1, 'partner-watch', 'Partner graded C or on probation', 'partner.grade == "C" || partner.status == "PROBATION"', 15, 'APPROVE', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000015', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000015', '00000000-0000-4000-8000-000000000015', 1, 'payer-not-in-good-standing', 'Payer restricted, suspended, banned or closed', 'payer.status in ["RESTRICTED", "SUSPENDED", "BANNED", "CLOSED"]', 100, 'REJECT', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000016', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000016', '00000000-0000-4000-8000-000000000016', 1, 'payer-violations', 'Payer with an active violation', 'payer.activeViolations >= 1', 30, 'REVIEW', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
insert into rule (id, created_at, created_by) values ('00000000-0000-4000-8000-000000000017', now(), 'system:migration');
insert into rule_version (id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at, approved_by, approved_at)
values ('00000000-0000-4000-9000-000000000017', '00000000-0000-4000-8000-000000000017', 1, 'payer-repeated-violations', 'Payer with 3 or more active violations', 'payer.activeViolations >= 3', 100, 'REJECT', 'LIVE', 'ACTIVE', 'system:migration', now(), 'system:migration', now());
