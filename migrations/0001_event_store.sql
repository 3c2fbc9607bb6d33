-- Event store: one stream per pool (ARCHITECTURE.md section 2). Every event row carries
-- the indexed columns that history queries filter on, besides its jsonb body, so
-- "everything that happened to ioasid 42 in pool host-a" is an index scan.

create table streams (
    stream_id  text        not null,
    pool       text        not null,
    version    bigint      not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint pk_streams primary key (stream_id),
    constraint ck_streams_version_not_negative check (version >= 0)
);

create table events (
    seq            bigserial   not null,
    event_id       uuid        not null,
    stream_id      text        not null,
    version        bigint      not null,
    pool           text        not null,
    ioasid         bigint,
    generation     integer,
    set_id         integer,
    token          text,
    type           text        not null,
    body           jsonb       not null,
    recorded_at    timestamptz not null,
    correlation_id uuid,
    causation_id   uuid,
    constraint pk_events primary key (seq),
    -- the optimistic-concurrency guard: a second writer of the same version fails (23505)
    constraint uq_events_stream_version unique (stream_id, version),
    constraint uq_events_event_id unique (event_id),
    constraint fk_events_stream foreign key (stream_id) references streams (stream_id),
    constraint ck_events_version_positive check (version > 0)
);

-- Few, useful indexes: one per history query. Partial where the column is mostly null.
create index ix_events_pool_ioasid_generation on events (pool, ioasid, generation) where ioasid is not null;
create index ix_events_pool_set_id on events (pool, set_id) where set_id is not null;
create index ix_events_token on events (token) where token is not null;
create index ix_events_type on events (type);
create index ix_events_recorded_at on events (recorded_at);
create index ix_events_correlation_id on events (correlation_id) where correlation_id is not null;
create index ix_events_causation_id on events (causation_id) where causation_id is not null;

-- Snapshots of a folded stream; every one is kept so time travel can start from the
-- nearest snapshot at or before a version (ARCHITECTURE.md section 4).
create table snapshots (
    stream_id text        not null,
    version   bigint      not null,
    body      jsonb       not null,
    taken_at  timestamptz not null default now(),
    constraint pk_snapshots primary key (stream_id, version),
    constraint ck_snapshots_version_positive check (version > 0)
);
