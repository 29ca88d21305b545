-- Issue 13 (clinical records), part 2.
-- Treatment plans: a course of care for a patient (name, start, weeks), the treatments it plans and
-- its milestones; progress is the share of milestones done.
create table treatment_plans (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    patient_id           uuid          not null references patients (id),
    name                 varchar(200)  not null,
    start_date           date          not null,
    duration_weeks       integer       not null check (duration_weeks between 1 and 520),
    -- ACTIVE, PAUSED, COMPLETED, CANCELLED
    status               varchar(10)   not null,
    created_by           uuid          not null references accounts (id),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index treatment_plans_patient_idx on treatment_plans (clinic_id, patient_id);

-- A treatment is in at most one plan.
create table treatment_plan_treatments (
    plan_id              uuid          not null references treatment_plans (id) on delete cascade,
    treatment_id         uuid          not null unique references treatments (id),
    primary key (plan_id, treatment_id)
);

create table treatment_plan_milestones (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    plan_id              uuid          not null references treatment_plans (id) on delete cascade,
    title                varchar(200)  not null,
    due_date             date,
    done_at              timestamptz,
    position             integer       not null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    unique (plan_id, position)
);
