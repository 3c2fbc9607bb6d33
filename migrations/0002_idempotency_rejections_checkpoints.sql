-- Idempotency keys, rejected commands and reader checkpoints (ARCHITECTURE.md sections 2 and 3).

-- A retried command returns the original result and appends nothing. command_hash lets
-- the writer tell a genuine retry from a key reused for a different command.
create table idempotency_keys (
    pool         text        not null,
    key          text        not null,
    command_hash text,
    result       jsonb       not null,
    recorded_at  timestamptz not null default now(),
    constraint pk_idempotency_keys primary key (pool, key)
);

-- Audit records of commands that were refused; they never change pool state.
create table rejections (
    id             bigserial   not null,
    pool           text        not null,
    reason         text        not null,
    errno          integer     not null,
    caller         text,
    command        jsonb       not null,
    correlation_id uuid,
    recorded_at    timestamptz not null,
    constraint pk_rejections primary key (id)
);

create index ix_rejections_pool_id on rejections (pool, id);

-- One checkpoint per reader and pool: a reader follows each pool stream by version.
create table checkpoints (
    name       text        not null,
    pool       text        not null,
    version    bigint      not null,
    updated_at timestamptz not null default now(),
    constraint pk_checkpoints primary key (name, pool),
    constraint ck_checkpoints_version_not_negative check (version >= 0)
);
