-- Every admin retry of a CRM write: who sent it again, when, and what it had stopped with, so the history of a
-- write that needed a hand stays visible after it was delivered (the write itself keeps only its last error).
create table crm_outbox_retry (
    id              uuid primary key,
    outbox_id       uuid         not null references crm_outbox (id),
    retried_by      varchar(255) not null,
    retried_at      timestamp with time zone not null,
    previous_status varchar(20)  not null,
    attempts        integer      not null,
    error_code      varchar(80),
    error_message   varchar(2000)
);
create index crm_outbox_retry_outbox_idx on crm_outbox_retry (outbox_id, retried_at desc);
