-- Sessions ended within the last access-token lifetime are re-marked in Redis every few seconds
-- (SessionRevocationSync): a partial index keeps that look-up off the full table.
create index auth_sessions_revoked_at_idx on auth_sessions (revoked_at) where revoked_at is not null;
