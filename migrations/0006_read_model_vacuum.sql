-- Read models churn (docs/benchmarks.md, "Store"): every allocation inserts a refcount_view row
-- and every reclaim deletes it, SPID binds do the same in spid_index, and each group commit
-- rewrites the set and capacity rows. Left to the default autovacuum trigger (20% of the table
-- dead), a pool with a few hundred live IOASIDs piles up thousands of dead rows between vacuums,
-- and every read-model statement wades through them. Vacuum these small tables after a fixed
-- number of dead rows instead, without cost-based pauses.
alter table capacity_view set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);
alter table set_view set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);
alter table refcount_view set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);
alter table spid_index set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);
