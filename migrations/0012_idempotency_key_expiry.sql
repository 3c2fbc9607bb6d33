-- Idempotency keys expire after a retention window (Ledger:IdempotencyRetention, issue 10): a background
-- pruner deletes the keys recorded before it, in small batches off the write path. This index lets it
-- find them without reading the whole table.
create index ix_idempotency_keys_recorded_at on idempotency_keys (recorded_at);
