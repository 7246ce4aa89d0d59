-- Level 3: the child chain's epochs, from ValidatorSet.NewEpoch(id, startBlock, endBlock, root).
-- They give the real epoch boundaries (a profile's fixed epochSize is checked against them), and
-- the validator set of each epoch is stored in validator_sets with source 'child'.
CREATE TABLE epochs (
  id           INTEGER NOT NULL PRIMARY KEY CHECK (id >= 1),
  start_block  INTEGER NOT NULL CHECK (start_block >= 0),
  end_block    INTEGER NOT NULL,
  epoch_root   BLOB    NOT NULL CHECK (length(epoch_root) = 32),
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  block_time   INTEGER NOT NULL,
  tx_hash      BLOB    NOT NULL CHECK (length(tx_hash) = 32),
  log_index    INTEGER NOT NULL CHECK (log_index >= 0),
  UNIQUE (tx_hash, log_index),
  CHECK (end_block >= start_block)
) STRICT;
CREATE INDEX epochs_by_block ON epochs (block_number);
CREATE INDEX epochs_by_end ON epochs (end_block);
