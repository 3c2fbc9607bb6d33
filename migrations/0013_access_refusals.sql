-- Refused authorizations (issue 10): a 403 Forbidden changes nothing in any pool, but who tried what is
-- audited here. A client must not be able to flood the store with it, so refusals are tallied in the
-- service and written at most once per flush, one row per hour, principal, method and route (a route
-- pattern such as /v1/pools/{pool}/ioasids/{id}/free, never the raw path): the rows are bounded by
-- the principals an operator issued tokens to, not by how many requests they send.
create table access_refusals (
    hour       timestamptz not null,
    principal  text        not null,
    role       text        not null,
    method     text        not null,
    route      text        not null,
    count      bigint      not null,
    first_at   timestamptz not null,
    last_at    timestamptz not null,
    last_pool  text,
    last_path  text        not null,
    last_detail text       not null,
    constraint pk_access_refusals primary key (hour, principal, method, route)
);

create index ix_access_refusals_last_at on access_refusals (last_at);
