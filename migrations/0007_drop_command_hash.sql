-- idempotency_keys.command_hash was written only by an early key store the service never used;
-- a keyed command's fingerprint travels inside its stored result (CommandResult.Fingerprint),
-- which is what a retry is checked against. The column is dropped with that store.
alter table idempotency_keys drop column command_hash;
