-- Atrium baseline: the plumbing every feature stands on.

-- Transactional outbox: a feature writes its row and an outbox row in one transaction;
-- the relay publishes unsent rows to RabbitMQ with publisher confirms.
create table outbox_messages (
    id              uuid primary key,
    message_type    varchar(100) not null,
    routing_key     varchar(200) not null,
    payload         text         not null,
    request_id      varchar(64),
    created_at      timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    sent_at         timestamptz
);
create index outbox_messages_unsent_idx on outbox_messages (next_attempt_at) where sent_at is null;

-- Consumer idempotency and job outcome: one row per message id a consumer has finished,
-- written in the same transaction as the job's result. A redelivered message finds its row
-- and is acknowledged without running again.
create table job_runs (
    message_id   uuid         not null,
    consumer     varchar(100) not null,
    message_type varchar(100) not null,
    status       varchar(16)  not null,
    attempts     integer      not null,
    error        varchar(500),
    finished_at  timestamptz  not null,
    primary key (message_id, consumer),
    constraint job_runs_status_chk check (status in ('DONE', 'FAILED'))
);

-- Uploads: presigned upload, worker check and clean, result shown by the API.
create table uploads (
    id                 uuid primary key,
    owner_account_id   uuid          not null,
    clinic_id          uuid,
    purpose            varchar(32)   not null,
    status             varchar(32)   not null,
    file_name          varchar(255)  not null,
    content_type       varchar(100)  not null,
    declared_size      bigint        not null,
    object_key         varchar(300)  not null,
    thumbnail_key      varchar(300),
    stored_size        bigint,
    width              integer,
    height             integer,
    sha256             varchar(64),
    rejection_reason   varchar(500),
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    completed_at       timestamptz,
    processed_at       timestamptz,
    version            bigint        not null default 0,
    constraint uploads_status_chk check (status in ('PENDING_UPLOAD', 'PROCESSING', 'READY', 'REJECTED', 'FAILED')),
    constraint uploads_size_chk check (declared_size > 0)
);
create index uploads_owner_idx on uploads (owner_account_id, id desc);
