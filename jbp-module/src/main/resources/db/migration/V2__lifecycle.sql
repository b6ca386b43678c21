-- Lifecycle: approval chains, notifications, the CRM outbox, KPI actuals, reviews, amendments, close and next cycle.

alter table business_plan
    add column approval_round      integer not null default 0,
    add column submitted_at        timestamp with time zone,
    add column approved_at         timestamp with time zone,
    add column activated_at        timestamp with time zone,
    add column closed_at           timestamp with time zone,
    add column closed_by           varchar(255),
    add column baseline_revision   integer,
    add column previous_plan_id    uuid references business_plan (id),
    add column baseline_actuals    text,
    add column closing_report      text,
    add column vendor_delivered    text;

create table approval_step (
    id                uuid primary key,
    plan_id           uuid not null references business_plan (id),
    amendment_id      uuid,
    round             integer not null,
    position          integer not null,
    kind              varchar(20) not null,
    name              varchar(120) not null,
    approver_role     varchar(60),
    approver_user     varchar(18),
    sla_hours         integer not null,
    status            varchar(20) not null,
    opened_at         timestamp with time zone,
    due_at            timestamp with time zone,
    decided_by        varchar(255),
    decided_by_name   varchar(255),
    decided_at        timestamp with time zone,
    reason            varchar(2000),
    escalated_at      timestamp with time zone,
    escalated_to      varchar(60),
    version           bigint not null default 0,
    unique (plan_id, round, position)
);
create index approval_step_open_idx on approval_step (status, due_at);

create table notification (
    id                uuid primary key,
    recipient_user    varchar(255),
    recipient_role    varchar(60),
    recipient_account varchar(18),
    plan_id           uuid references business_plan (id),
    kind              varchar(40) not null,
    message           varchar(2000) not null,
    created_at        timestamp with time zone not null,
    check (recipient_user is not null or recipient_role is not null)
);
create index notification_user_idx on notification (recipient_user, created_at desc);
create index notification_role_idx on notification (recipient_role, created_at desc);

-- Every write to Salesforce, recorded in the transaction of the change that causes it; delivered by a job.
create table crm_outbox (
    id                 uuid primary key,
    kind               varchar(30)  not null,
    external_id        varchar(80)  not null,
    plan_id            uuid references business_plan (id),
    payload            text         not null,
    status             varchar(20)  not null,
    attempts           integer      not null default 0,
    next_attempt_at    timestamp with time zone not null,
    last_error_code    varchar(80),
    last_error_message varchar(2000),
    crm_id             varchar(18),
    created_at         timestamp with time zone not null,
    delivered_at       timestamp with time zone,
    version            bigint not null default 0
);
create index crm_outbox_due_idx on crm_outbox (status, next_attempt_at);
create index crm_outbox_external_idx on crm_outbox (external_id);

-- KPI actuals: one row per recorded value; the newest per plan, metric and quarter is current.
create table kpi_actual (
    id           bigserial primary key,
    plan_id      uuid not null references business_plan (id),
    metric       varchar(60) not null,
    quarter      integer not null default 0,
    value        numeric(19, 2) not null,
    source       varchar(20) not null,
    recorded_at  timestamp with time zone not null,
    recorded_by  varchar(255) not null
);
create index kpi_actual_plan_idx on kpi_actual (plan_id, metric, quarter, recorded_at desc);

create table plan_review (
    id                 uuid primary key,
    plan_id            uuid not null references business_plan (id),
    due_date           date not null,
    status             varchar(20) not null,
    notes              text,
    decisions          text,
    actions            text,
    kpi_snapshot       text,
    completed_by       varchar(255),
    completed_at       timestamp with time zone,
    overdue_notified_at timestamp with time zone,
    version            bigint not null default 0
);
create index plan_review_due_idx on plan_review (status, due_date);

create table plan_amendment (
    id               uuid primary key,
    plan_id          uuid not null references business_plan (id),
    rationale        varchar(2000) not null,
    proposed_content text not null,
    base_revision    integer not null,
    status           varchar(20) not null,
    created_by       varchar(255) not null,
    created_at       timestamp with time zone not null,
    decided_at       timestamp with time zone,
    applied_revision integer,
    version          bigint not null default 0
);
create unique index plan_amendment_one_open_idx on plan_amendment (plan_id) where status = 'IN_APPROVAL';
