-- CRM write-back: delivery leases on the outbox, plan-linked fund requests, incentive rules, their firings,
-- tier history and MDF eligibility. Nullable id columns are text: EclipseLink 4.0 cannot read a null uuid.

-- A claimed write carries a lease instead of a row lock held across the Salesforce call: a crashed instance's
-- claims expire and another instance re-sends them (safe, every write is an upsert or update by key).
alter table crm_outbox
    add column lease_until timestamp with time zone,
    add column lease_owner varchar(80);
create index crm_outbox_pending_idx on crm_outbox (kind, next_attempt_at, created_at) where status = 'PENDING';

-- One PartnerFundRequest per plan campaign with MDF, keyed by the external id Salesforce upserts on.
create table fund_request (
    external_id      varchar(80) primary key,
    plan_id          uuid not null references business_plan (id),
    campaign_key     varchar(40) not null,
    campaign_name    varchar(120) not null,
    requested_amount numeric(15, 2) not null,
    currency         varchar(3) not null,
    crm_campaign_id  varchar(18),
    requested_status varchar(40) not null,
    crm_id           varchar(18),
    crm_status       varchar(40),
    last_outbox_id   varchar(36),
    updated_at       timestamp with time zone not null,
    version          bigint not null default 0,
    unique (plan_id, campaign_key)
);

create table incentive_rule (
    id              uuid primary key,
    name            varchar(120) not null,
    template_id     varchar(36),
    condition       text not null,
    effect_type     varchar(20) not null,
    tier_level      varchar(80),
    mdf_cap_amount  numeric(15, 2),
    mdf_cap_percent numeric(7, 2),
    mdf_currency    varchar(3),
    active          boolean not null default true,
    created_by      varchar(255) not null,
    created_at      timestamp with time zone not null,
    version         bigint not null default 0
);

-- A rule's effect applied to a partner in a plan period; at most one live firing per rule, partner and period.
create table incentive_firing (
    id              uuid primary key,
    rule_id         uuid not null references incentive_rule (id),
    partner_account varchar(18) not null,
    period_label    varchar(40) not null,
    plan_id         uuid not null references business_plan (id),
    trigger_name    varchar(40) not null,
    evidence        text not null,
    fired_at        timestamp with time zone not null
);
create index incentive_firing_idx on incentive_firing (partner_account, period_label, fired_at);

create table tier_history (
    id              uuid primary key,
    partner_account varchar(18) not null,
    old_tier        varchar(80),
    new_tier        varchar(80) not null,
    rule_id         varchar(36),
    rule_name       varchar(120),
    plan_id         varchar(36),
    evidence        text not null,
    outbox_id       varchar(36),
    changed_at      timestamp with time zone not null
);
create index tier_history_partner_idx on tier_history (partner_account, changed_at desc);

-- The partner's current MDF eligibility: a cap per campaign, as an amount or a percentage of the plan's revenue target.
create table mdf_eligibility (
    partner_account varchar(18) primary key,
    cap_amount      numeric(15, 2),
    cap_percent     numeric(7, 2),
    currency        varchar(3),
    rule_id         varchar(36),
    updated_at      timestamp with time zone not null,
    version         bigint not null default 0
);
