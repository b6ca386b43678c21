-- What Salesforce decided about each plan-linked fund request and what was claimed against it, read back by the
-- KPI sync; and the withdrawal of a request whose campaign an amendment removed (queued once, never twice).
alter table fund_request
    add column approved_amount numeric(15, 2),
    add column claimed_amount  numeric(15, 2),
    add column paid_amount     numeric(15, 2),
    add column claim_count     integer not null default 0,
    add column crm_read_at     timestamp with time zone,
    add column cancelled_at    timestamp with time zone;
