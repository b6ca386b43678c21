-- The plans a sync serves are the ACTIVE ones and those CLOSED within the grace period (SyncStore.eligiblePlans,
-- about ten times a run). Without an index on closed_at the CLOSED branch read every closed plan's row to test
-- its date: at 50,000 plans, 45,000 of them closed, about 24,000 blocks a call, in incremental runs too
-- (bench/README.md, "alert evaluation"). With status leading, it reads only the plans closed within the period.
create index business_plan_status_closed_idx on business_plan (status, closed_at);
