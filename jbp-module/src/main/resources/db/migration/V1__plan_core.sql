-- Plan core: partners, versioned templates, plans with their revisions and comment threads.

create table partner (
    account_id   varchar(18) primary key,
    name         varchar(255) not null,
    tier         varchar(80)  not null,
    partner_type varchar(80),
    owner_id     varchar(18),
    region       varchar(80),
    updated_at   timestamp with time zone not null,
    version      bigint not null default 0
);
create index partner_owner_idx on partner (owner_id);

create table template_version (
    id          bigserial primary key,
    template_id uuid         not null,
    version     integer      not null,
    name        varchar(120) not null,
    plan_type   varchar(20)  not null,
    definition  text         not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(255) not null,
    unique (template_id, version)
);

create table business_plan (
    id                 uuid primary key,
    partner_account_id varchar(18)  not null references partner (account_id),
    template_id        uuid         not null,
    template_version   integer      not null,
    currency           char(3)      not null,
    period_kind        varchar(20)  not null,
    fiscal_year        integer,
    fiscal_quarter     integer,
    period_start       date         not null,
    period_end         date         not null,
    status             varchar(20)  not null,
    owner_id           varchar(255) not null,
    title              varchar(200) not null,
    content            text         not null,
    revision           integer      not null,
    created_at         timestamp with time zone not null,
    created_by         varchar(255) not null,
    updated_at         timestamp with time zone not null,
    version            bigint       not null,
    foreign key (template_id, template_version) references template_version (template_id, version),
    check (period_end >= period_start)
);
create index business_plan_partner_idx on business_plan (partner_account_id, period_start desc);
create index business_plan_status_idx on business_plan (status);
create index business_plan_owner_idx on business_plan (owner_id);

create table plan_revision (
    id             bigserial primary key,
    plan_id        uuid    not null references business_plan (id),
    number         integer not null,
    author         varchar(255) not null,
    created_at     timestamp with time zone not null,
    reason         varchar(500),
    changed_fields text    not null,
    snapshot       text    not null,
    unique (plan_id, number)
);

create table plan_comment (
    id          uuid primary key,
    plan_id     uuid not null references business_plan (id),
    section     varchar(40) not null,
    thread_id   uuid references plan_comment (id),
    author_id   varchar(255) not null,
    author_name varchar(255),
    body        varchar(4000) not null,
    created_at  timestamp with time zone not null
);
create index plan_comment_plan_idx on plan_comment (plan_id, created_at);
