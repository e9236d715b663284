-- Start-up reconciliation (issue 14 item 5): a switching command without an outcome (the node
-- died while it ran) is settled by reading the relay back; reconciled_at marks it done.
ALTER TABLE meter_command ADD COLUMN reconciled_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_meter_command_unfinished ON meter_command (outcome, reconciled_at);
