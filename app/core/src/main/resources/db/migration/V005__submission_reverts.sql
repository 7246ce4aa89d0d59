-- Level 5: why a checkpoint submission failed on the root (receipt status 0). One row per failed
-- submission stored in checkpoints (success = 0); the reason comes from ots_getTransactionError,
-- from replaying the call with eth_call, or is 'reverted, reason unavailable' (source 'none').
CREATE TABLE submission_reverts (
  submit_tx    BLOB    NOT NULL PRIMARY KEY CHECK (length(submit_tx) = 32),
  reason       TEXT    NOT NULL,
  source       TEXT    NOT NULL CHECK (source IN ('otterscan', 'replay', 'none')),
  block_number INTEGER NOT NULL CHECK (block_number >= 0)
) STRICT;
CREATE INDEX submission_reverts_by_block ON submission_reverts (block_number);
