-- Issue 12 (routines and progress), part 4: a client's skin-care routines (AM and PM steps), at most
-- one active, and their daily check-ins (one per date and slot, so a check-in sent twice counts once).
create table routines (
    id                   uuid          primary key,
    account_id           uuid          not null references accounts (id),
    name                 varchar(100)  not null,
    active               boolean       not null,
    -- the advisor session it was created from, if any
    advisor_session_id   uuid          references advisor_sessions (id) on delete set null,
    -- the first day it counts, in the client's time zone when it was created
    starts_on            date          not null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index routines_account_idx on routines (account_id, id desc);
create unique index routines_one_active_uk on routines (account_id) where active;

create table routine_steps (
    id                   uuid          primary key,
    routine_id           uuid          not null references routines (id) on delete cascade,
    -- AM or PM
    slot                 varchar(2)    not null,
    position             integer       not null,
    -- CLEANSER, TONER, SERUM, TREATMENT, EXFOLIANT, MOISTURISER, SPF, EYE_CARE, MASK, OTHER
    step_type            varchar(12)   not null,
    -- the ingredient to look for (kept by name in product, so deleting the ingredient loses nothing)
    ingredient_id        uuid          references ingredients (id) on delete set null,
    product              varchar(200)  not null,
    -- DAILY, EVERY_OTHER_DAY, TWICE_A_WEEK, WEEKLY
    frequency            varchar(16)   not null,
    unique (routine_id, slot, position)
);

create table routine_check_ins (
    routine_id           uuid          not null references routines (id) on delete cascade,
    check_date           date          not null,
    slot                 varchar(2)    not null,
    created_at           timestamptz   not null,
    primary key (routine_id, check_date, slot)
);
