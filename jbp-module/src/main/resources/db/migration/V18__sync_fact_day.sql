-- A plan whose quarters start mid-month (a period from 15 February) cannot divide a monthly fact between two of
-- its quarters, so such plans' facts are staged per day: day is the day of the month a fact covers alone, 0 for a
-- fact of the whole month. Staged facts are transient, so existing rows simply get 0.
alter table sync_fact add column day smallint not null default 0;
