-- KPI sync: run records, the cluster-wide lease, watermarks, staged facts, and KPI alerts.

create table sync_run (
    id               uuid primary key,
    mode             varchar(20)  not null,
    status           varchar(20)  not null,
    phase            varchar(20)  not null,
    items_done       integer      not null default 0,
    items_total      integer      not null default 0,
    api_calls        bigint       not null default 0,
    errors           text,
    started_at       timestamp with time zone not null,
    ended_at         timestamp with time zone,
    instance         varchar(120) not null,
    executions       integer      not null default 1,
    requested_by     varchar(255) not null,
    -- where the run resumes: the phase's last finished item (source key or plan id)
    checkpoint       varchar(80),
    -- the time taken before the first CRM read; becomes the watermark when the run completes
    watermark_candidate timestamp with time zone,
    version          bigint       not null default 0
);
create index sync_run_started_idx on sync_run (started_at desc);

-- One row per job name. Whoever updates it with "expired or free" holds it; a holder renews it while running.
create table sync_lease (
    name       varchar(40) primary key,
    holder     varchar(120),
    run_id     uuid,
    expires_at timestamp with time zone not null
);
insert into sync_lease (name, holder, run_id, expires_at) values ('kpi-sync', null, null, timestamp with time zone '1970-01-01 00:00:00+00');

create table sync_watermark (
    source     varchar(80) primary key,
    watermark  timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

-- Facts fetched by a run, kept until the run completes so a restart does not fetch them again.
create table sync_fact (
    run_id     uuid        not null references sync_run (id) on delete cascade,
    source_key varchar(80) not null,
    partner_id varchar(18) not null,
    year       integer     not null,
    quarter    integer     not null,
    breakdown  varchar(80),
    value      numeric(19, 2) not null
);
create index sync_fact_run_partner_idx on sync_fact (run_id, partner_id);

-- Incremental runs: the partners whose CRM records changed since the watermark.
create table sync_touched (
    run_id     uuid        not null references sync_run (id) on delete cascade,
    partner_id varchar(18) not null,
    primary key (run_id, partner_id)
);

create table kpi_alert (
    id             uuid primary key,
    plan_id        uuid not null references business_plan (id),
    kpi_key        varchar(60) not null,
    status         varchar(20) not null,
    opened_at      timestamp with time zone not null,
    closed_at      timestamp with time zone,
    threshold      numeric(7, 2) not null,
    pace_percent   numeric(12, 2),
    actual         numeric(19, 2),
    expected       numeric(19, 2),
    review_id      uuid,
    message        varchar(500) not null,
    version        bigint not null default 0
);
-- one open alert per plan and KPI, also under concurrent evaluation
create unique index kpi_alert_one_open_idx on kpi_alert (plan_id, kpi_key) where status = 'OPEN';
create index kpi_alert_plan_idx on kpi_alert (plan_id, opened_at desc);
