-- KPI facts are staged per calendar month: a plan's quarters start wherever its period starts and are summed from
-- months, so a fiscal year from April or a period from February lands in the plan's own quarters.
-- Staged facts are transient (cleared when a run finishes), so the column is renamed in place.
alter table sync_fact rename column quarter to month;
