-- Optimistic group commit (ARCHITECTURE.md section 2): a writer decides against its cached pool
-- state, then sends the pool lock, this check and all its writes in one batch that PostgreSQL runs
-- as one implicit transaction. Raising here, after the lock was granted, rolls the whole batch
-- back when another instance moved the stream meanwhile; the writer then catches up and redoes it.
-- SQLSTATE LD001 (class LD, "ledger", is not used by PostgreSQL) tells this apart from any other error.

create function expect_stream_version(p_stream_id text, p_expected bigint) returns void
language plpgsql volatile as $$
declare
    actual bigint;
begin
    select version into actual from streams where stream_id = p_stream_id;
    if coalesce(actual, 0) <> p_expected then
        raise exception 'stream % is at version %, expected %', p_stream_id, coalesce(actual, 0), p_expected
            using errcode = 'LD001';
    end if;
end;
$$;
