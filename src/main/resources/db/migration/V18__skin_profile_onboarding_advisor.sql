-- Issue 12 (the advisor), part 3: the profile says whether the skin is sensitive and whether the
-- client is pregnant (the advisor never recommends what either rules out); the onboarding
-- questionnaire (concerns, goals, current products, allergies); advisor sessions with their advice
-- (JSON, as given) and the client's feedback.
alter table accounts
    add column sensitive_skin           boolean      not null default false,
    add column pregnant                 boolean      not null default false,
    -- set when the onboarding questionnaire was first answered
    add column onboarding_completed_at  timestamptz;

create table skin_onboarding (
    account_id              uuid           primary key references accounts (id),
    -- comma-separated codes: SkinConcern values and SkinGoal values
    concerns                varchar(200)   not null default '',
    goals                   varchar(200)   not null default '',
    current_products        varchar(2000),
    -- comma-separated ingredient ids the client is allergic to, and anything else in words
    allergy_ingredient_ids  varchar(4000)  not null default '',
    allergy_notes           varchar(1000),
    created_at              timestamptz    not null,
    updated_at              timestamptz    not null,
    version                 bigint         not null default 0
);

create table advisor_sessions (
    id                   uuid           primary key,
    account_id           uuid           not null references accounts (id),
    -- INSTANT (from what the client says) or ANALYSIS (from a DONE skin analysis too)
    type                 varchar(10)    not null,
    analysis_id          uuid           references skin_analyses (id) on delete set null,
    concerns             varchar(200)   not null default '',
    question             varchar(1000),
    engine_version       varchar(20)    not null,
    -- JSON: recommendations with reasons, cautions, what to avoid, the AM/PM routine, when to see a doctor
    advice               text           not null,
    rating               integer        check (rating between 1 and 5),
    feedback             varchar(2000),
    rated_at             timestamptz,
    created_at           timestamptz    not null,
    updated_at           timestamptz    not null,
    version              bigint         not null default 0,
    check ((rating is null) = (rated_at is null))
);
create index advisor_sessions_account_idx on advisor_sessions (account_id, id desc);
