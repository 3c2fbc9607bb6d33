-- A notification is acknowledged by its event id (issue 11, docs/wire-format.md §9): the lookup reads the one
-- mt_events row with that id. Marten makes this index when asked (Events.EnableUniqueIndexOnEventId in
-- LedgerEventStore); the line below is what `pasidledger migrate export-marten` prints for it now, in the
-- placeholder schema the migrator replaces, so MartenSchemaTests still finds configuration and schema alike.
CREATE UNIQUE INDEX idx_mt_events_event_id ON pasidledger_marten_schema.mt_events USING btree (id);
