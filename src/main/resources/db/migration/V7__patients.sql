-- Issue 11 (front desk): patients of a clinic.
--
-- Search over names, email and phone uses trigram indexes (pg_trgm), so "contains" searches
-- (lower(x) like '%jon%') are index scans, not table scans; btree_gin lets one GIN index hold the
-- clinic id beside the trigrams. Both extensions are "trusted" (PostgreSQL 13+): the database
-- owner may create them. They live in schema public, so every schema of the database (dev, test,
-- packaged tests) shares one copy; operator classes are named with their schema. An operator whose
-- migration role may not create extensions runs the two statements below once as a superuser
-- (docs/runbook.md).
create extension if not exists pg_trgm with schema public;
create extension if not exists btree_gin with schema public;

create table patients (
    id             uuid         primary key,
    clinic_id      uuid         not null references clinics (id),
    first_name     varchar(100) not null,
    last_name      varchar(100) not null,
    -- E.164 (+4915112345678); unique per clinic among patients not deleted
    mobile_number  varchar(20),
    email          varchar(254),
    date_of_birth  date,
    gender         varchar(20),
    notes          text,
    -- the client account this record belongs to (the client app books through it)
    account_id     uuid         references accounts (id),
    deleted_at     timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0,
    -- what ?sort=lastName orders by, and what name and contact searches match against
    sort_name      text generated always as (lower(last_name || ' ' || first_name)) stored,
    name_text      text generated always as (lower(first_name || ' ' || last_name)) stored,
    contact_text   text generated always as (lower(coalesce(email, '') || ' ' || coalesce(mobile_number, ''))) stored
);
create unique index patients_mobile_uk on patients (clinic_id, mobile_number)
    where deleted_at is null and mobile_number is not null;
create unique index patients_account_uk on patients (clinic_id, account_id)
    where deleted_at is null and account_id is not null;
create index patients_sort_idx on patients (clinic_id, sort_name, id) where deleted_at is null;
create index patients_created_idx on patients (clinic_id, id) where deleted_at is null;
create index patients_name_trgm_idx on patients
    using gin (clinic_id, name_text public.gin_trgm_ops) where deleted_at is null;
create index patients_contact_trgm_idx on patients
    using gin (clinic_id, contact_text public.gin_trgm_ops) where deleted_at is null;
create index patients_account_idx on patients (account_id) where account_id is not null;
