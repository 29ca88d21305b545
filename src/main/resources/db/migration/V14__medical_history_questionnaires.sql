-- Issue 13 (clinical records), part 4: the clinic's medical-history questionnaire, versioned. Every
-- change is a new revision; old ones stay readable (submissions will be pinned to the revision they
-- answered). Rows are never changed.
create table medical_history_questionnaires (
    id                   uuid          primary key,
    clinic_id            uuid          not null references clinics (id),
    -- 1, 2, 3, ... per clinic
    revision             integer       not null check (revision >= 1),
    -- the questions as canonical JSON: [{id, text, type, options, required}], in order
    questions            text          not null,
    created_by           uuid          not null references accounts (id),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    unique (clinic_id, revision)
);

create function medical_history_questionnaires_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'medical_history_questionnaires rows are never changed or deleted; add a revision'
        using errcode = '55000';
end;
$$;
create trigger medical_history_questionnaires_frozen before update or delete on medical_history_questionnaires
    for each row execute function medical_history_questionnaires_frozen();
