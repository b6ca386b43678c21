-- Incremental runs keep the changed partners per KPI source, so that each source is read again only for the
-- partners whose records of that source changed, not for every partner touched anywhere.
alter table sync_touched add column source_key varchar(80) not null default '';
alter table sync_touched drop constraint sync_touched_pkey;
alter table sync_touched add primary key (run_id, source_key, partner_id);
