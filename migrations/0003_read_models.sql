-- Inline read models (ARCHITECTURE.md section 4), written in the same transaction as the
-- events they project; `pasidledger projections rebuild` recreates them from events alone.

create table capacity_view (
    pool               text    not null,
    capacity           bigint  not null,
    available          bigint  not null,
    capacity_installed boolean not null,
    version            bigint  not null,
    constraint pk_capacity_view primary key (pool)
);

create table set_view (
    pool     text    not null,
    set_id   integer not null,
    type     text    not null,
    token    text,
    quota    bigint  not null,
    count    integer not null,
    state    text    not null,
    constraint pk_set_view primary key (pool, set_id)
);

create index ix_set_view_token on set_view (pool, token) where token is not null;

create table refcount_view (
    pool       text    not null,
    id         bigint  not null,
    generation integer not null,
    set_id     integer not null,
    state      text    not null,
    refs       integer not null,
    holders    jsonb   not null,
    spid       bigint,
    private    text,
    constraint pk_refcount_view primary key (pool, id)
);

create index ix_refcount_view_set on refcount_view (pool, set_id, id);

create table spid_index (
    pool   text    not null,
    set_id integer not null,
    spid   bigint  not null,
    id     bigint  not null,
    constraint pk_spid_index primary key (pool, set_id, spid)
);

create table notifier_view (
    pool          text    not null,
    notifier_id   integer not null,
    name          text    not null,
    scope         text    not null,
    set_id        integer,
    token         text,
    priority      text    not null,
    priority_rank integer not null,
    endpoint      text,
    reactions     jsonb   not null,
    active        boolean not null,
    chain_order   bigint  not null,
    constraint pk_notifier_view primary key (pool, notifier_id)
);

-- Rejections carry whether the kernel would merely ignore the call, the detail and the command type.
alter table rejections
    add column ignored      boolean not null default false,
    add column detail       text,
    add column command_type text;
