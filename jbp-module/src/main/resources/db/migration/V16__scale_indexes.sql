-- Indexes the benchmark's EXPLAIN (ANALYZE, BUFFERS) asked for at 50,000 plans (bench/README.md).
-- The lifecycle pass binds the status as a parameter, so the partial indexes of V10 (status as a literal) serve
-- only custom plans; with status leading and the date second, every plan of the query reads just the due rows.
create index business_plan_status_start_idx on business_plan (status, period_start);
create index business_plan_status_end_idx on business_plan (status, period_end);
-- status alone is the leading column of both, so it goes: the planner preferred it and read every APPROVED plan
drop index business_plan_status_idx;
-- "Ending soon without a next cycle" looks successors up by previous_plan_id: without this, a scan of every plan.
create index business_plan_previous_idx on business_plan (previous_plan_id);
-- The portfolio's and the home's tier and region filters compare case-insensitively.
create index partner_tier_region_idx on partner (lower(tier), lower(region));
