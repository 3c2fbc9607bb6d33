-- History of one IOASID or set (issue 9: GET …/ioasids/{id}/history, …/sets/{setId}/history).
-- mt_events is Marten's and has no column for what an event is about, so each group commit also
-- writes, in the same batch, which IOASID, generation and set each of its events concerns
-- (EventMetadata): the history of one ID is an index scan here joined to mt_events by version.
create table event_subjects (
    stream_id  text    not null,
    version    bigint  not null,
    ioasid     bigint,
    generation integer,
    set_id     integer,
    constraint pk_event_subjects primary key (stream_id, version)
);

create index ix_event_subjects_ioasid on event_subjects (stream_id, ioasid, version) where ioasid is not null;
create index ix_event_subjects_set_id on event_subjects (stream_id, set_id, version) where set_id is not null;

-- A refusal shows in the same histories: the IOASID, generation and set its command named
-- (CommandSubject) and the stream version it was decided at, which orders it among the events.
-- Rows from before this migration have none of them.
alter table rejections
    add column version    bigint,
    add column ioasid     bigint,
    add column generation integer,
    add column set_id     integer;

create index ix_rejections_pool_ioasid on rejections (pool, ioasid) where ioasid is not null;
create index ix_rejections_pool_set_id on rejections (pool, set_id) where set_id is not null;
