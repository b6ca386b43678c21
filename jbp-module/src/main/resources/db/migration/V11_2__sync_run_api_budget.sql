-- The org's API requests used and allowed today, from the LimitInfoHeader of the run's last Salesforce response.
alter table sync_run add column api_used_today bigint;
alter table sync_run add column api_limit_today bigint;
