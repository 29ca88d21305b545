-- Issue 9: every clinic-owned entity carries created_at, updated_at and version (TrackedEntity).
alter table invitations add column updated_at timestamptz;
update invitations set updated_at = coalesce(revoked_at, accepted_at, created_at);
alter table invitations alter column updated_at set not null;
alter table invitations add column version bigint not null default 0;

alter table clinic_settings add column created_at timestamptz;
update clinic_settings set created_at = updated_at;
alter table clinic_settings alter column created_at set not null;
