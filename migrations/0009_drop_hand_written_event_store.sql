-- The hand-written event store gives way to Marten's (0008): the pool streams live in mt_streams and
-- mt_events now. There is no deployment yet, so nothing is copied over (issue 9).
drop function expect_stream_version(text, bigint);
drop table events;
drop table streams;

-- The version guard of a group commit without events (DeferredWrites.GuardWhenNoEvents): with events,
-- Marten's append checks the version; without, nothing would. The writer holds the pool's advisory
-- lock when it runs, so the version read here stays until the commit. Raises SQLSTATE LD001 (class LD,
-- "ledger", is not used by PostgreSQL) when the stream is not at the version the batch was decided against.
create function expect_stream_version(p_stream_id text, p_expected bigint) returns void
language plpgsql volatile as $$
declare
    actual bigint;
begin
    select version into actual from mt_streams where id = p_stream_id;
    if coalesce(actual, 0) <> p_expected then
        raise exception 'stream % is at version %, expected %', p_stream_id, coalesce(actual, 0), p_expected
            using errcode = 'LD001';
    end if;
end;
$$;
