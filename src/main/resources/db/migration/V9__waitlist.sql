-- Issue 11 (front desk): the waitlist. When a matching slot frees up (a cancellation, a reschedule,
-- an offer nobody took), the earliest waiting entry gets a hold on it (holder "waitlist:<entry id>")
-- and an appointment.slot-offered event goes to the outbox.
create table waitlist_entries (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    patient_id           uuid          not null references patients (id),
    appointment_type_id  uuid          not null references appointment_types (id),
    -- null: anyone who performs the service
    practitioner_id      uuid          references accounts (id),
    from_date            date          not null,
    to_date              date          not null,
    -- clinic-local time of day the start may fall in; null: any
    earliest_time        time,
    latest_time          time,
    -- WAITING, OFFERED, BOOKED, EXPIRED, CANCELLED
    status               varchar(20)   not null,
    source               varchar(10)   not null,
    offered_hold_id      uuid,
    offered_starts_at    timestamptz,
    offered_at           timestamptz,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    check (from_date <= to_date),
    check (earliest_time is null or latest_time is null or earliest_time < latest_time)
);
create index waitlist_entries_match_idx on waitlist_entries (clinic_id, appointment_type_id, status, created_at);
create index waitlist_entries_patient_idx on waitlist_entries (patient_id);
