-- With dated exchange rates (Salesforce advanced currency management) a plan's money actuals are converted month
-- by month: the rate each month was converted with. plan_fx_rate keeps the current (undated) rate.
create table plan_fx_rate_month (
    plan_id       uuid           not null references business_plan (id),
    month         date           not null,
    from_currency char(3)        not null,
    to_currency   char(3)        not null,
    rate          numeric(24, 9) not null,
    recorded_at   timestamptz    not null,
    primary key (plan_id, month)
);

-- Queries Salesforce stopped with QUERY_TIMEOUT that the run answered by splitting them (fewer partners, fewer
-- months) instead of sending them again unchanged.
alter table sync_run add column query_splits integer not null default 0;

-- The org's dated rates as the last sync read them, so that the next incremental run sees a changed rate.
create table org_currency_dated (
    iso_code   char(3)        not null,
    start_date date           not null,
    rate       numeric(24, 9) not null,
    primary key (iso_code, start_date)
);

-- Per KPI source, how many records each plan's partner held when a run read them (staged under the run, kept
-- from the last completed one): a partner whose count changed lost records no change query names it for (moved
-- to another partner, purged).
create table sync_record_count (
    run_id     uuid        not null,
    source_key varchar(80) not null,
    partner_id varchar(18) not null,
    records    bigint      not null,
    primary key (run_id, source_key, partner_id)
);
