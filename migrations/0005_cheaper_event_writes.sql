-- Cheaper appends (docs/benchmarks.md, "Store"), measured with pg_stat_statements under the store load.
--
-- The foreign key from events to streams looked the stream row up once per inserted event. Every
-- append inserts its events only through the stream row it moved in the same statement
-- (EventAppendCommand: `with stream as (update streams ... returning ...) insert ... from stream`),
-- so an event without its stream cannot be written; the key is dropped.
--
-- recorded_at only grows along the table, the case BRIN is made for: time-window queries still
-- find their pages, and an insert no longer maintains a b-tree.
alter table events drop constraint fk_events_stream;
drop index ix_events_recorded_at;
create index ix_events_recorded_at on events using brin (recorded_at);
