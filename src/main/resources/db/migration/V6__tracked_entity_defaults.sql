-- Expand-only for rolling upgrades (ADR 0015): while pods of the previous release still run beside
-- migrated ones, their inserts do not name the columns V5 added. Defaults keep those inserts valid;
-- the application always sets the values itself (TrackedEntity).
alter table invitations alter column updated_at set default now();
alter table clinic_settings alter column created_at set default now();
