-- An alert is about a metric: a KPI and a revenue target that read the same metric (revenue_won) are one
-- shortfall and share one alert. kpi_key stays as the line the alert shows.
alter table kpi_alert add column metric varchar(60);

-- a template KPI reads its sourceKey (its own key when it has none)
update kpi_alert a set metric = coalesce(k.value ->> 'sourceKey', a.kpi_key)
from business_plan p
join template_version t on t.template_id = p.template_id and t.version = p.template_version
cross join lateral jsonb_array_elements(coalesce(t.definition::jsonb -> 'kpis', '[]'::jsonb)) k
where p.id = a.plan_id and k.value ->> 'key' = a.kpi_key;

-- the revenue targets read fixed metrics (KpiDashboards)
update kpi_alert set metric = case kpi_key
        when 'pipeline' then 'pipeline_created'
        when 'closedRevenue' then 'revenue_won'
        when 'registeredDeals' then 'deals_registered'
        else kpi_key end
where metric is null;

-- of the open alerts on one metric the oldest stays open; the next evaluation refreshes its figures
update kpi_alert a set status = 'CLOSED', closed_at = now(), version = a.version + 1
where a.status = 'OPEN' and exists (
    select 1 from kpi_alert b
    where b.plan_id = a.plan_id and b.metric = a.metric and b.status = 'OPEN'
      and (b.opened_at, b.id) < (a.opened_at, a.id));

-- texts written before actuals existed read "(null of 11.02)"
update kpi_alert set message = regexp_replace(message, '\(null of ([^)]*)\)', '(no actual yet; \1 expected)')
where message like '%(null of %';

alter table kpi_alert alter column metric set not null;
drop index kpi_alert_one_open_idx;
create unique index kpi_alert_one_open_per_metric_idx on kpi_alert (plan_id, metric) where status = 'OPEN';
