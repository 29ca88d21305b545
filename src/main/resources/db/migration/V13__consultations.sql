-- Issue 13 (clinical records), part 3: consultations. A client asks a clinic for one (a practitioner
-- or anyone, concerns, preferred times); the front desk schedules it (an appointment), a practitioner
-- completes it with findings and recommendations; the client may then rate it, once.
create table consultations (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    patient_id           uuid          not null references patients (id),
    -- the client account that asked
    account_id           uuid          not null references accounts (id),
    -- null: anyone
    practitioner_id      uuid          references accounts (id),
    -- what the client asked about, comma-separated codes (ACNE, REDNESS, ...)
    concerns             varchar(300)  not null,
    message              varchar(2000),
    preferred_times      varchar(500),
    -- REQUESTED, SCHEDULED, COMPLETED, CANCELLED
    status               varchar(10)   not null,
    appointment_id       uuid          references appointments (id),
    scheduled_at         timestamptz,
    findings             text,
    recommendations      text,
    notes                text,
    follow_up_on         date,
    completed_at         timestamptz,
    completed_by         uuid          references accounts (id),
    cancelled_at         timestamptz,
    cancel_reason        varchar(500),
    rating               integer       check (rating between 1 and 5),
    rating_comment       varchar(2000),
    rated_at             timestamptz,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    check (rating is null or status = 'COMPLETED'),
    check ((rating is null) = (rated_at is null))
);
create index consultations_clinic_idx on consultations (clinic_id, status, id);
create index consultations_account_idx on consultations (account_id, id);
create index consultations_practitioner_idx on consultations (practitioner_id) where rating is not null;
