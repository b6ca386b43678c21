-- The org's active currencies as the last sync read them (CurrencyType): plans in another currency are refused,
-- and money actuals, which a multi-currency org aggregates in its corporate currency, are converted with them.
create table org_currency (
    iso_code  char(3)        primary key,
    rate      numeric(24, 9) not null,
    corporate boolean        not null,
    read_at   timestamptz    not null
);

-- The rate the last sync used to convert a plan's money actuals from the corporate currency.
create table plan_fx_rate (
    plan_id       uuid           primary key references business_plan (id),
    from_currency char(3)        not null,
    to_currency   char(3)        not null,
    rate          numeric(24, 9) not null,
    recorded_at   timestamptz    not null
);
