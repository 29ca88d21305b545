-- Issue 12 (skin analysis), part 1: a client's skin-analysis jobs. The API queues one (through the
-- outbox); the analysis worker measures the photos and writes the result once. Images are the
-- client's SKIN_IMAGE uploads, in order; an upload may be deleted meanwhile (the job then fails).
create table skin_analyses (
    id                   uuid          primary key,
    account_id           uuid          not null references accounts (id),
    -- QUEUED, PROCESSING, DONE, FAILED
    status               varchar(12)   not null,
    -- what the client said they care about, comma-separated codes (ACNE, REDNESS, ...)
    concerns             varchar(200)  not null default '',
    queued_at            timestamptz   not null,
    started_at           timestamptz,
    finished_at          timestamptz,
    analyzer_version     varchar(20),
    -- JSON: the summary and each image's measurements (docs/analysis.md)
    result               text,
    failure_code         varchar(30),
    failure_message      varchar(500),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    check ((status = 'DONE') = (result is not null)),
    check ((status = 'FAILED') = (failure_code is not null))
);
create index skin_analyses_account_idx on skin_analyses (account_id, id desc);

create table skin_analysis_images (
    analysis_id          uuid          not null references skin_analyses (id) on delete cascade,
    position             integer       not null,
    -- no foreign key: the client may delete the upload, and the job then fails with a reason
    upload_id            uuid          not null,
    primary key (analysis_id, position)
);
create index skin_analysis_images_upload_idx on skin_analysis_images (upload_id);
