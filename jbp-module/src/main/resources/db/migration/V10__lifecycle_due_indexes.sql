-- The lifecycle pass asks only for what is due: APPROVED plans whose period has started, ACTIVE plans whose period
-- has ended. With these the database reads the due rows, not every plan of the status.
create index business_plan_activation_due_idx on business_plan (period_start) where status = 'APPROVED';
create index business_plan_close_due_idx on business_plan (period_end) where status = 'ACTIVE';
