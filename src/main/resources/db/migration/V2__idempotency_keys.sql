-- Idempotency-Key (API.md): the first response of a POST that creates a job, booking, order or
-- payment, replayed for a retry with the same key and request within 24 hours.
create table idempotency_keys (
    account_id       uuid         not null,
    idempotency_key  varchar(255) not null,
    request_hash     varchar(64)  not null,
    response_body    text         not null,
    created_at       timestamptz  not null,
    primary key (account_id, idempotency_key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
