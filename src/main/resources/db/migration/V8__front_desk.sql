-- Issue 11 (front desk): services, practitioners' schedules, closures, holds and appointments.
--
-- Practitioners are clinic members with the PRACTITIONER role; they are named by their account id.
-- Every table carries clinic_id (tenant filter). Instants are timestamptz; clinic-local values
-- (weekly windows, closure dates) are plain date/time, read in the clinic's time zone.

-- btree_gist lets an exclusion constraint compare uuids with = beside time ranges with &&.
-- Trusted extension, schema public (see V7 and docs/runbook.md).
create extension if not exists btree_gist with schema public;

create table appointment_types (
    id                     uuid          primary key,
    clinic_id              uuid          not null references clinics (id),
    name                   varchar(100)  not null,
    description            varchar(1000),
    duration_minutes       int           not null check (duration_minutes between 5 and 480),
    price_cents            bigint        not null check (price_cents >= 0),
    currency               varchar(3)    not null,
    color                  varchar(7)    not null,
    buffer_before_minutes  int           not null default 0 check (buffer_before_minutes between 0 and 240),
    buffer_after_minutes   int           not null default 0 check (buffer_after_minutes between 0 and 240),
    active                 boolean       not null default true,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    version                bigint        not null default 0
);
create unique index appointment_types_name_uk on appointment_types (clinic_id, lower(name)) where active;
create index appointment_types_clinic_idx on appointment_types (clinic_id, name);

-- Who performs a service.
create table appointment_type_practitioners (
    appointment_type_id  uuid not null references appointment_types (id) on delete cascade,
    practitioner_id      uuid not null references accounts (id),
    primary key (appointment_type_id, practitioner_id)
);
create index appointment_type_practitioners_practitioner_idx on appointment_type_practitioners (practitioner_id);

-- What a practitioner shows the clinic's clients; a missing row means the defaults (bookable, no bio).
create table practitioner_profiles (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    account_id           uuid          not null references accounts (id),
    specialty            varchar(100),
    bio                  varchar(2000),
    bookable             boolean       not null default true,
    -- SHA-256 of the calendar feed token (the token itself is shown once)
    calendar_token_hash  varchar(64),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    unique (clinic_id, account_id)
);
create unique index practitioner_profiles_calendar_uk on practitioner_profiles (calendar_token_hash)
    where calendar_token_hash is not null;

-- Weekly working windows in the clinic's time zone; several per day, never overlapping (service).
create table working_windows (
    id               uuid         primary key,
    clinic_id        uuid         not null references clinics (id),
    practitioner_id  uuid         not null references accounts (id),
    day_of_week      varchar(9)   not null,
    start_time       time         not null,
    end_time         time         not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    check (start_time < end_time)
);
create index working_windows_practitioner_idx on working_windows (clinic_id, practitioner_id);

create table time_off (
    id               uuid          primary key,
    clinic_id        uuid          not null references clinics (id),
    practitioner_id  uuid          not null references accounts (id),
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null,
    reason           varchar(200),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0,
    check (starts_at < ends_at)
);
create index time_off_practitioner_idx on time_off (clinic_id, practitioner_id, ends_at);

-- Whole clinic-local days the clinic is closed (holidays).
create table clinic_closures (
    id          uuid          primary key,
    clinic_id   uuid          not null references clinics (id),
    closed_on   date          not null,
    reason      varchar(200),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0,
    unique (clinic_id, closed_on)
);

create table appointments (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    patient_id           uuid          not null references patients (id),
    appointment_type_id  uuid          not null references appointment_types (id),
    practitioner_id      uuid          not null references accounts (id),
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null,
    -- starts_at minus the service's buffer before, ends_at plus its buffer after: the time the
    -- practitioner is taken
    blocked_from         timestamptz   not null,
    blocked_until        timestamptz   not null,
    status               varchar(20)   not null,
    source               varchar(10)   not null,
    notes                varchar(2000),
    booked_by            uuid          references accounts (id),
    -- staff booked over a conflict on purpose (acknowledgeConflict + reason, audited)
    overbooked           boolean       not null default false,
    overbook_reason      varchar(500),
    cancel_reason        varchar(500),
    cancelled_at         timestamptz,
    late_cancel          boolean       not null default false,
    series_id            uuid,
    series_index         int,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    check (starts_at < ends_at),
    check (blocked_from <= starts_at and blocked_until >= ends_at),
    -- No double booking, whatever writes the row: two active appointments of one practitioner never
    -- overlap, buffers included. Overbookings are the staff's explicit exception.
    constraint appointments_no_overlap exclude using gist (
        clinic_id with =, practitioner_id with =, tstzrange(blocked_from, blocked_until, '[)') with &&)
        where (status in ('PENDING', 'CONFIRMED') and not overbooked)
);
create index appointments_start_idx on appointments (clinic_id, starts_at, id);
create index appointments_patient_idx on appointments (patient_id, starts_at);
create index appointments_busy_idx on appointments (clinic_id, practitioner_id, blocked_until)
    where status in ('PENDING', 'CONFIRMED');

-- Every move of an appointment, oldest first.
create table appointment_reschedules (
    id              uuid          primary key,
    clinic_id       uuid          not null references clinics (id),
    appointment_id  uuid          not null references appointments (id),
    from_starts_at  timestamptz   not null,
    from_ends_at    timestamptz   not null,
    to_starts_at    timestamptz   not null,
    to_ends_at      timestamptz   not null,
    by_account      uuid          references accounts (id),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index appointment_reschedules_appointment_idx on appointment_reschedules (appointment_id, created_at);

-- A slot kept for someone for a few minutes. It counts while expires_at is in the future, with no
-- job involved; a sweeper deletes expired ones later.
create table appointment_holds (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    practitioner_id      uuid          not null references accounts (id),
    appointment_type_id  uuid          not null references appointment_types (id),
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null,
    blocked_from         timestamptz   not null,
    blocked_until        timestamptz   not null,
    expires_at           timestamptz   not null,
    -- who holds it: "account:<uuid>", or "widget:<sha-256 of the widget's holder key>"
    holder               varchar(80)   not null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index appointment_holds_busy_idx on appointment_holds (clinic_id, practitioner_id, expires_at);
create index appointment_holds_holder_idx on appointment_holds (clinic_id, holder);
create index appointment_holds_expiry_idx on appointment_holds (expires_at);
