-- Issue 13 (clinical records), part 1: treatments (what was done or is planned, to which tooth or
-- body area, for how much) and their payments as a ledger (refunds are negative rows; nothing is
-- edited in place). A treatment is never deleted: it is voided with a reason.
create table treatments (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    patient_id           uuid          not null references patients (id),
    -- the procedure: one of the clinic's services
    appointment_type_id  uuid          not null references appointment_types (id),
    appointment_id       uuid          references appointments (id),
    practitioner_id      uuid          not null references accounts (id),
    -- stored as entered, in the clinic's numbering (setting clinical.toothNumbering): FDI 11-48 or
    -- universal 1-32; null for work that is not on a tooth
    tooth_number         integer       check (tooth_number between 1 and 48),
    tooth_numbering      varchar(10)   check (tooth_numbering in ('FDI', 'UNIVERSAL')),
    -- letters of M, O, D, B, F, L, P, I, each at most once, in that order
    surfaces             varchar(8)    check (surfaces ~ '^M?O?D?B?F?L?P?I?$'),
    body_area            varchar(100),
    performed_on         date          not null,
    total_price_cents    bigint        not null check (total_price_cents >= 0),
    discount_cents       bigint        not null default 0 check (discount_cents >= 0),
    currency             varchar(3)    not null,
    notes                text,
    -- PLANNED, DONE, VOID
    status               varchar(10)   not null,
    void_reason          varchar(500),
    voided_at            timestamptz,
    voided_by            uuid          references accounts (id),
    recorded_by          uuid          not null references accounts (id),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    check (discount_cents <= total_price_cents),
    check ((tooth_number is null) = (tooth_numbering is null)),
    check (surfaces is null or tooth_number is not null),
    check ((status = 'VOID') = (voided_at is not null))
);
create index treatments_patient_idx on treatments (clinic_id, patient_id, performed_on);
create index treatments_clinic_idx on treatments (clinic_id, id);

create table treatment_payments (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    treatment_id         uuid          not null references treatments (id),
    patient_id           uuid          not null references patients (id),
    -- positive: paid; negative: refunded
    amount_cents         bigint        not null check (amount_cents <> 0),
    currency             varchar(3)    not null,
    -- CASH, CARD, TRANSFER, INSURANCE, VOUCHER, OTHER
    method               varchar(20)   not null,
    paid_at              timestamptz   not null,
    reason               varchar(500),
    recorded_by          uuid          not null references accounts (id),
    created_at           timestamptz   not null,
    -- tracked like every entity; the trigger below keeps them as inserted
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    check (amount_cents > 0 or reason is not null)
);
create index treatment_payments_treatment_idx on treatment_payments (treatment_id, paid_at);
create index treatment_payments_patient_idx on treatment_payments (clinic_id, patient_id);

-- The ledger is append-only: what was recorded stays as it was.
create function treatment_payments_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'treatment_payments rows are never changed or deleted; record a refund instead'
        using errcode = '55000';
end;
$$;
create trigger treatment_payments_append_only before update or delete on treatment_payments
    for each row execute function treatment_payments_append_only();
