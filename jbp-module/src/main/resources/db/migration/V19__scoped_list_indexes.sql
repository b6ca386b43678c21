-- A channel manager's lists are "their plans or their partners' plans" and a status (and for "ending soon" a
-- period end): with the scope leading, each side of the planner's BitmapOr reads only the scope's rows of that
-- status. At 50,000 plans (bench/README.md) the home's ending-soon list walked every ACTIVE plan of the org by
-- (status, period_end) and dropped 4,853 other managers' rows; the owner and partner indexes alone matched every
-- status of the scope (about 4,000 plans) before the status was applied.
create index business_plan_owner_status_end_idx on business_plan (owner_id, status, period_end);
create index business_plan_partner_status_end_idx on business_plan (partner_account_id, status, period_end);
-- owner_id is the new index's leading column; the partner index stays, the partner's plan list reads it in order
drop index business_plan_owner_idx;
