-- Issue 13 (clinical records), part 5: signed medical-history intake. The front desk issues a link
-- (a single-use token, stored as its SHA-256, pinned to the questionnaire revision of the day); the
-- patient answers and signs on the public form; the submission is sealed (an HMAC of its canonical
-- JSON, keyed by the data key) and never changed. A service may require a current signed intake.
alter table appointment_types
    add column requires_intake         boolean  not null default false,
    add column intake_validity_months  integer  not null default 12
        check (intake_validity_months between 1 and 120);

create table medical_history_links (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    patient_id           uuid          not null references patients (id),
    questionnaire_id     uuid          not null references medical_history_questionnaires (id),
    token_hash           varchar(64)   not null unique,
    -- the address it was emailed to, when it was
    sent_to              varchar(254),
    created_by           uuid          not null references accounts (id),
    expires_at           timestamptz   not null,
    used_at              timestamptz,
    -- wrong dates of birth given with it; at the limit the link is used up
    failed_checks        integer       not null default 0 check (failed_checks >= 0),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index medical_history_links_patient_idx on medical_history_links (clinic_id, patient_id, created_at desc);

create table medical_history_submissions (
    id                      uuid          primary key,
    clinic_id               uuid          not null references clinics (id),
    patient_id              uuid          not null references patients (id),
    link_id                 uuid          not null unique references medical_history_links (id),
    questionnaire_id        uuid          not null references medical_history_questionnaires (id),
    questionnaire_revision  integer       not null,
    -- canonical JSON: [{questionId, question, type, value}] in the questionnaire's order
    answers                 text          not null,
    -- the signature PNG in object storage and its SHA-256 (hex)
    signature_key           varchar(200)  not null,
    signature_sha256        varchar(64)   not null,
    signature_bytes         integer       not null check (signature_bytes > 0),
    signer_ip               varchar(64),
    signer_user_agent       varchar(255),
    signed_at               timestamptz   not null,
    -- v1:<hex HMAC-SHA256> of the canonical JSON of everything above (ADR 0021)
    seal                    varchar(80)   not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null default 0
);
create index medical_history_submissions_patient_idx
    on medical_history_submissions (clinic_id, patient_id, signed_at desc);

create function medical_history_submissions_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'medical_history_submissions rows are never changed or deleted; a correction is a new submission'
        using errcode = '55000';
end;
$$;
create trigger medical_history_submissions_frozen before update or delete on medical_history_submissions
    for each row execute function medical_history_submissions_frozen();
