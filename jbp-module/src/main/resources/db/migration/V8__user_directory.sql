-- Names for the Salesforce user ids the plans store (owners, authors, approvers, deciders): filled from the
-- signed-in caller's token or Canvas context and, for people who never signed in, from Salesforce User records
-- read by the KPI sync. Keyed by the 18-character id when the id is a Salesforce id, else by the token's subject.
create table user_directory (
    user_id    varchar(255) primary key,
    name       varchar(255),
    email      varchar(255),
    -- null: not known (the id is not a user Salesforce returned)
    active     boolean,
    source     varchar(20)  not null check (source in ('TOKEN', 'CANVAS', 'SALESFORCE')),
    updated_at timestamp with time zone not null
);
-- the sync looks for entries not confirmed for a while
create index user_directory_updated_idx on user_directory (updated_at);
