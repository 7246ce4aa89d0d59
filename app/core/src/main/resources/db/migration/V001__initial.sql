-- Level 1: what the indexer and the verifier write.
--
-- Conventions, for this and every later migration:
--  * uint256 values (ids, amounts, voting power, block round) are BLOB(32), big-endian unsigned:
--    lossless, and byte order equals numeric order, so ranges and ORDER BY work on them.
--  * addresses are BLOB(20), hashes BLOB(32); never hex text, never REAL.
--  * block numbers, log and tx indexes, epochs: INTEGER. block_time is the block header's unix
--    seconds; *_at columns are the local clock in unix milliseconds.
--  * block_number is always the block, on the table's own chain, that the row was read from, so a
--    reorg rewind is DELETE ... WHERE block_number > ? on that chain's tables (Reorgs.java).
--  * STRICT tables: a value of the wrong type is an error, not a silent conversion.
--  * Indexer rows have a natural key (tx_hash, log_index) or (submit_tx), so re-indexing after a
--    crash inserts with ON CONFLICT DO NOTHING and never duplicates.

CREATE TABLE chain_cursor (
  chain           TEXT    NOT NULL PRIMARY KEY CHECK (chain IN ('root', 'child')),
  last_block      INTEGER NOT NULL CHECK (last_block >= 0),
  last_block_hash BLOB    NOT NULL CHECK (length(last_block_hash) = 32),
  updated_at      INTEGER NOT NULL
) STRICT;

-- The last N indexed blocks per chain, to find where a reorg forked by parent hash.
CREATE TABLE block_hashes (
  chain        TEXT    NOT NULL CHECK (chain IN ('root', 'child')),
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  hash         BLOB    NOT NULL CHECK (length(hash) = 32),
  parent_hash  BLOB    NOT NULL CHECK (length(parent_hash) = 32),
  PRIMARY KEY (chain, block_number)
) STRICT, WITHOUT ROWID;

-- Root StateSender.StateSynced. kind 'deposit' when data is an ERC-20 deposit
-- (abi.encode(DEPOSIT_SIG, token, depositor, recipient, amount)); then the four decoded columns are set.
CREATE TABLE state_syncs (
  id           BLOB    NOT NULL PRIMARY KEY CHECK (length(id) = 32),
  sender       BLOB    NOT NULL CHECK (length(sender) = 20),
  receiver     BLOB    NOT NULL CHECK (length(receiver) = 20),
  data         BLOB    NOT NULL,
  kind         TEXT    NOT NULL CHECK (kind IN ('deposit', 'map_token', 'message')),
  token        BLOB    CHECK (token IS NULL OR length(token) = 20),
  depositor    BLOB    CHECK (depositor IS NULL OR length(depositor) = 20),
  recipient    BLOB    CHECK (recipient IS NULL OR length(recipient) = 20),
  amount       BLOB    CHECK (amount IS NULL OR length(amount) = 32),
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  block_time   INTEGER NOT NULL,
  tx_hash      BLOB    NOT NULL CHECK (length(tx_hash) = 32),
  log_index    INTEGER NOT NULL CHECK (log_index >= 0),
  UNIQUE (tx_hash, log_index),
  CHECK ((kind = 'deposit') = (amount IS NOT NULL))
) STRICT;
CREATE INDEX state_syncs_by_block ON state_syncs (block_number);
CREATE INDEX state_syncs_by_time ON state_syncs (block_time, id);
CREATE INDEX state_syncs_by_sender ON state_syncs (sender, id);
CREATE INDEX state_syncs_by_receiver ON state_syncs (receiver, id);
CREATE INDEX state_syncs_by_depositor ON state_syncs (depositor, id) WHERE depositor IS NOT NULL;
CREATE INDEX state_syncs_by_recipient ON state_syncs (recipient, id) WHERE recipient IS NOT NULL;

-- Child StateReceiver.NewCommitment plus the decoded commit() input. signer_keys is the
-- signers' public keys concatenated (signer_count keys of equal length, in bitmap order);
-- the three signature columns are NULL when the input could not be decoded.
CREATE TABLE commitments (
  start_id     BLOB    NOT NULL CHECK (length(start_id) = 32),
  end_id       BLOB    NOT NULL CHECK (length(end_id) = 32),
  root         BLOB    NOT NULL CHECK (length(root) = 32),
  signature    BLOB,
  signer_keys  BLOB,
  signer_count INTEGER CHECK (signer_count IS NULL OR signer_count >= 0),
  bitmap       BLOB,
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  block_time   INTEGER NOT NULL,
  tx_hash      BLOB    NOT NULL CHECK (length(tx_hash) = 32),
  log_index    INTEGER NOT NULL CHECK (log_index >= 0),
  UNIQUE (tx_hash, log_index),
  CHECK (end_id >= start_id),
  CHECK ((signature IS NULL) = (signer_keys IS NULL) AND (signature IS NULL) = (bitmap IS NULL)
         AND (signature IS NULL) = (signer_count IS NULL)),
  CHECK (signer_count IS NULL OR (signer_count = 0 AND length(signer_keys) = 0)
         OR (signer_count > 0 AND length(signer_keys) % signer_count = 0))
) STRICT;
CREATE INDEX commitments_by_start ON commitments (start_id);
CREATE INDEX commitments_by_end ON commitments (end_id);
CREATE INDEX commitments_by_block ON commitments (block_number);

-- Child StateReceiver.StateSyncResult (the event's 'status' is success). Several per id are
-- possible: a failed execution is not marked processed and may be retried (protocol.md).
CREATE TABLE state_sync_results (
  id           BLOB    NOT NULL CHECK (length(id) = 32),
  success      INTEGER NOT NULL CHECK (success IN (0, 1)),
  message      BLOB    NOT NULL,
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  block_time   INTEGER NOT NULL,
  tx_hash      BLOB    NOT NULL CHECK (length(tx_hash) = 32),
  log_index    INTEGER NOT NULL CHECK (log_index >= 0),
  UNIQUE (tx_hash, log_index)
) STRICT;
CREATE INDEX state_sync_results_by_id ON state_sync_results (id, success);
CREATE INDEX state_sync_results_by_success ON state_sync_results (success, id);
CREATE INDEX state_sync_results_by_block ON state_sync_results (block_number);

-- Child L2StateSender.L2StateSynced. epoch is the epoch whose exit tree holds the exit: an exit
-- emitted in an epoch-ending block belongs to the next epoch (protocol.md, Withdrawal).
-- kind 'withdrawal' when data is abi.encode(WITHDRAW_SIG, token, withdrawer, recipient, amount).
CREATE TABLE exits (
  id           BLOB    NOT NULL PRIMARY KEY CHECK (length(id) = 32),
  sender       BLOB    NOT NULL CHECK (length(sender) = 20),
  receiver     BLOB    NOT NULL CHECK (length(receiver) = 20),
  data         BLOB    NOT NULL,
  epoch        INTEGER NOT NULL CHECK (epoch >= 0),
  kind         TEXT    NOT NULL CHECK (kind IN ('withdrawal', 'message')),
  token        BLOB    CHECK (token IS NULL OR length(token) = 20),
  withdrawer   BLOB    CHECK (withdrawer IS NULL OR length(withdrawer) = 20),
  recipient    BLOB    CHECK (recipient IS NULL OR length(recipient) = 20),
  amount       BLOB    CHECK (amount IS NULL OR length(amount) = 32),
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  block_time   INTEGER NOT NULL,
  tx_hash      BLOB    NOT NULL CHECK (length(tx_hash) = 32),
  log_index    INTEGER NOT NULL CHECK (log_index >= 0),
  UNIQUE (tx_hash, log_index),
  CHECK ((kind = 'withdrawal') = (amount IS NOT NULL))
) STRICT;
CREATE INDEX exits_by_block ON exits (block_number);
CREATE INDEX exits_by_epoch ON exits (epoch, id);
CREATE INDEX exits_by_time ON exits (block_time, id);
CREATE INDEX exits_by_sender ON exits (sender, id);
CREATE INDEX exits_by_receiver ON exits (receiver, id);
CREATE INDEX exits_by_withdrawer ON exits (withdrawer, id) WHERE withdrawer IS NOT NULL;
CREATE INDEX exits_by_recipient ON exits (recipient, id) WHERE recipient IS NOT NULL;

-- Root CheckpointManager.submit transactions (the contract emits no event). Failed submissions
-- are kept for the audit view. Several per epoch are allowed: the latest successful one of an
-- epoch holds that epoch's root. checkpoint_block is Checkpoint.blockNumber (a child block);
-- block_number/tx_index locate the submit transaction on root. The new validator set is in
-- validator_sets (source 'checkpoint', set_ref = submit_tx).
CREATE TABLE checkpoints (
  submit_tx                  BLOB    NOT NULL PRIMARY KEY CHECK (length(submit_tx) = 32),
  submitter                  BLOB    NOT NULL CHECK (length(submitter) = 20),
  success                    INTEGER NOT NULL CHECK (success IN (0, 1)),
  epoch                      INTEGER NOT NULL CHECK (epoch >= 0),
  checkpoint_block           INTEGER NOT NULL CHECK (checkpoint_block >= 0),
  event_root                 BLOB    NOT NULL CHECK (length(event_root) = 32),
  block_hash                 BLOB    NOT NULL CHECK (length(block_hash) = 32),
  block_round                BLOB    NOT NULL CHECK (length(block_round) = 32),
  current_validator_set_hash BLOB    NOT NULL CHECK (length(current_validator_set_hash) = 32),
  signature                  BLOB    NOT NULL,
  bitmap                     BLOB    NOT NULL,
  block_number               INTEGER NOT NULL CHECK (block_number >= 0),
  block_time                 INTEGER NOT NULL,
  tx_index                   INTEGER NOT NULL CHECK (tx_index >= 0)
) STRICT;
CREATE INDEX checkpoints_by_block ON checkpoints (block_number, tx_index);
CREATE INDEX checkpoints_by_epoch ON checkpoints (epoch, checkpoint_block);
CREATE INDEX checkpoints_covering ON checkpoints (checkpoint_block) WHERE success = 1;

-- Root ExitHelper.ExitProcessed. Failed exits are not marked processed and can be retried.
CREATE TABLE exit_results (
  id           BLOB    NOT NULL CHECK (length(id) = 32),
  success      INTEGER NOT NULL CHECK (success IN (0, 1)),
  return_data  BLOB    NOT NULL,
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  block_time   INTEGER NOT NULL,
  tx_hash      BLOB    NOT NULL CHECK (length(tx_hash) = 32),
  log_index    INTEGER NOT NULL CHECK (log_index >= 0),
  UNIQUE (tx_hash, log_index)
) STRICT;
CREATE INDEX exit_results_by_id ON exit_results (id, success);
CREATE INDEX exit_results_by_success ON exit_results (success, id);
CREATE INDEX exit_results_by_block ON exit_results (block_number);

-- Validator sets: 'genesis' (the initial set), 'checkpoint' (a submission's newValidatorSet,
-- set_ref = its submit_tx) and 'child' (read from the child ValidatorSet for an epoch).
-- set_ref is empty for the sources that have one set per epoch. bls_key is the key as the chain
-- gives it (bn254-edge: the four uint256 words of Validator.blsKey in on-chain order).
CREATE TABLE validator_sets (
  source       TEXT    NOT NULL CHECK (source IN ('genesis', 'checkpoint', 'child')),
  epoch        INTEGER NOT NULL CHECK (epoch >= 0),
  set_ref      BLOB    NOT NULL,
  idx          INTEGER NOT NULL CHECK (idx >= 0),
  address      BLOB    NOT NULL CHECK (length(address) = 20),
  bls_key      BLOB    NOT NULL CHECK (length(bls_key) > 0),
  voting_power BLOB    NOT NULL CHECK (length(voting_power) = 32),
  chain        TEXT    NOT NULL CHECK (chain IN ('root', 'child')),
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  PRIMARY KEY (source, epoch, set_ref, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX validator_sets_by_block ON validator_sets (chain, block_number);
CREATE INDEX validator_sets_by_address ON validator_sets (address);

-- The verifier's finding per commitment (subject_tx = the commit transaction, on child) or
-- checkpoint (subject_tx = the submit transaction, on root). chain/block_number are the
-- subject's, so a rewind drops verdicts with their subjects.
CREATE TABLE verdicts (
  kind         TEXT    NOT NULL CHECK (kind IN ('commitment', 'checkpoint')),
  subject_tx   BLOB    NOT NULL CHECK (length(subject_tx) = 32),
  chain        TEXT    NOT NULL CHECK (chain IN ('root', 'child')),
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  status       TEXT    NOT NULL
               CHECK (status IN ('verified', 'mismatch', 'invalid_signature', 'no_quorum', 'pending')),
  reason       TEXT,
  evidence     TEXT    CHECK (evidence IS NULL OR json_valid(evidence)),
  verified_at  INTEGER NOT NULL,
  PRIMARY KEY (kind, subject_tx)
) STRICT;
CREATE INDEX verdicts_by_status ON verdicts (kind, status);
CREATE INDEX verdicts_by_block ON verdicts (chain, block_number);
