-- Identity (accounts, sessions, refresh tokens, one-time tokens, MFA recovery codes),
-- clinics (clinics, memberships, invitations, departments, settings) and the audit trail.

-- ---------------------------------------------------------------------------------------------
-- Accounts and sessions
-- ---------------------------------------------------------------------------------------------
create table accounts (
    id                       uuid         primary key,
    email                    varchar(254) not null,
    email_normalized         varchar(254) not null,
    first_name               varchar(100) not null,
    last_name                varchar(100) not null,
    phone                    varchar(20),
    date_of_birth            date,
    time_zone                varchar(64),
    locale                   varchar(35),
    skin_type                varchar(20),
    skin_tone                varchar(20),
    preferences              jsonb        not null default '{}',
    -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    password_hash            varchar(255) not null,
    password_changed_at      timestamptz  not null,
    email_verified_at        timestamptz,
    status                   varchar(20)  not null,
    platform_role            varchar(20),
    -- TOTP secret, AES-256-GCM encrypted (SecretCipher); enabled once mfa_enabled_at is set
    mfa_secret               varchar(255),
    mfa_enabled_at           timestamptz,
    mfa_last_step            bigint       not null default 0,
    failed_logins            int          not null default 0,
    failed_window_started_at timestamptz,
    locked_until             timestamptz,
    lockouts                 int          not null default 0,
    last_clinic_id           uuid,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null,
    version                  bigint       not null default 0
);
create unique index accounts_email_uk on accounts (email_normalized);

-- One row per signed-in device: the refresh-token family. Access tokens carry its id (sid).
create table auth_sessions (
    id              uuid         primary key,
    account_id      uuid         not null references accounts (id),
    clinic_id       uuid,
    created_at      timestamptz  not null,
    last_used_at    timestamptz  not null,
    expires_at      timestamptz  not null,
    revoked_at      timestamptz,
    revoked_reason  varchar(40),
    user_agent      varchar(255),
    ip              varchar(64)
);
create index auth_sessions_account_idx on auth_sessions (account_id, created_at desc);

-- Opaque refresh tokens, stored as SHA-256; each is used once and replaced.
create table refresh_tokens (
    id          uuid        primary key,
    session_id  uuid        not null references auth_sessions (id),
    token_hash  varchar(64) not null unique,
    created_at  timestamptz not null,
    used_at     timestamptz
);
create index refresh_tokens_session_idx on refresh_tokens (session_id);

-- Single-use email verification and password reset tokens, stored as SHA-256.
create table account_tokens (
    id          uuid        primary key,
    account_id  uuid        not null references accounts (id),
    purpose     varchar(20) not null,
    token_hash  varchar(64) not null unique,
    email       varchar(254) not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index account_tokens_account_idx on account_tokens (account_id, purpose);

create table mfa_recovery_codes (
    id          uuid        primary key,
    account_id  uuid        not null references accounts (id),
    code_hash   varchar(64) not null,
    created_at  timestamptz not null,
    used_at     timestamptz
);
create index mfa_recovery_codes_account_idx on mfa_recovery_codes (account_id);

-- ---------------------------------------------------------------------------------------------
-- Clinics (the tenant) and what hangs off them. Every clinic-owned row carries clinic_id.
-- ---------------------------------------------------------------------------------------------
create table clinics (
    id              uuid         primary key,
    name            varchar(120) not null,
    slug            varchar(60)  not null,
    time_zone       varchar(64)  not null,
    currency        varchar(3)   not null,
    locale          varchar(35)  not null,
    contact_email   varchar(254),
    contact_phone   varchar(20),
    address_line    varchar(200),
    city            varchar(100),
    country         varchar(2),
    website         varchar(200),
    logo_upload_id  uuid,
    status          varchar(20)  not null,
    created_by      uuid         not null references accounts (id),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
create unique index clinics_slug_uk on clinics (slug);

create table departments (
    id           uuid         primary key,
    clinic_id    uuid         not null references clinics (id),
    name         varchar(100) not null,
    description  varchar(500),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0
);
create unique index departments_name_uk on departments (clinic_id, lower(name));

create table memberships (
    id             uuid        primary key,
    clinic_id      uuid        not null references clinics (id),
    account_id     uuid        not null references accounts (id),
    role           varchar(20) not null,
    department_id  uuid        references departments (id),
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 0
);
create unique index memberships_clinic_account_uk on memberships (clinic_id, account_id);
create index memberships_account_idx on memberships (account_id);

create table invitations (
    id                uuid         primary key,
    clinic_id         uuid         not null references clinics (id),
    email             varchar(254) not null,
    email_normalized  varchar(254) not null,
    role              varchar(20)  not null,
    token_hash        varchar(64)  not null unique,
    invited_by        uuid         not null references accounts (id),
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    accepted_at       timestamptz,
    accepted_by       uuid         references accounts (id),
    revoked_at        timestamptz
);
create index invitations_clinic_idx on invitations (clinic_id, id desc);

create table clinic_settings (
    id          uuid         primary key,
    clinic_id   uuid         not null references clinics (id),
    key         varchar(64)  not null,
    value       jsonb        not null,
    updated_by  uuid         not null references accounts (id),
    updated_at  timestamptz  not null,
    version     bigint       not null default 0
);
create unique index clinic_settings_key_uk on clinic_settings (clinic_id, key);

-- ---------------------------------------------------------------------------------------------
-- Audit trail: append-only (updates, deletes and truncation refused by triggers) and
-- hash-chained per chain (a clinic's id, or 'platform' for events without a clinic).
-- ---------------------------------------------------------------------------------------------
create table audit_events (
    seq               bigint generated always as identity primary key,
    id                uuid         not null unique,
    chain             varchar(40)  not null,
    chain_pos         bigint       not null,
    occurred_at       timestamptz  not null,
    actor_account_id  uuid,
    clinic_id         uuid,
    action            varchar(60)  not null,
    entity_type       varchar(40),
    entity_id         varchar(64),
    diff              jsonb        not null default '{}',
    request_id        varchar(64),
    ip                varchar(64),
    prev_hash         varchar(64)  not null,
    hash              varchar(64)  not null
);
create unique index audit_events_chain_pos_uk on audit_events (chain, chain_pos);
create index audit_events_clinic_idx on audit_events (clinic_id, seq desc);

-- The hash of one event: SHA-256 over a JSON array of the previous hash and every field, so no
-- field can run into the next. The verification endpoint recomputes it with this same function.
create function audit_event_hash(prev text, e audit_events) returns text
    language sql immutable as $$
    select encode(sha256(convert_to(jsonb_build_array(
        prev, e.id, e.chain, e.chain_pos,
        to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_account_id, e.clinic_id, e.action, e.entity_type, e.entity_id, e.diff,
        e.request_id, e.ip)::text, 'UTF8')), 'hex')
$$;

-- Links a new event to the last one of its chain. The advisory lock serialises appends per chain
-- until the transaction ends, so two transactions never link to the same predecessor.
create function audit_events_link() returns trigger
    language plpgsql as $$
declare
    last_hash text;
    last_pos bigint;
begin
    perform pg_advisory_xact_lock(hashtextextended('audit_events:' || new.chain, 0));
    select hash, chain_pos into last_hash, last_pos
      from audit_events where chain = new.chain order by chain_pos desc limit 1;
    new.chain_pos := coalesce(last_pos, 0) + 1;
    new.prev_hash := coalesce(last_hash, repeat('0', 64));
    new.hash := audit_event_hash(new.prev_hash, new);
    return new;
end
$$;

create trigger audit_events_link before insert on audit_events
    for each row execute function audit_events_link();

create function audit_events_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_events is append-only: % refused', tg_op using errcode = '42501';
end
$$;

create trigger audit_events_no_update before update or delete on audit_events
    for each row execute function audit_events_refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_refuse_change();
