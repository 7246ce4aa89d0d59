-- Level 2: the wallet's transaction journal, the watch list and settings. Nothing here is
-- indexer data, so a reorg rewind leaves it alone; the wallet re-checks receipts itself.

-- Every transaction the wallet signs, written before it is sent, so a crash between signing and
-- sending is resumed by rebroadcasting raw_tx (signed bytes are public once sent; no key here).
CREATE TABLE tx_journal (
  id           INTEGER NOT NULL PRIMARY KEY,
  chain        TEXT    NOT NULL CHECK (chain IN ('root', 'child')),
  from_address BLOB    NOT NULL CHECK (length(from_address) = 20),
  nonce        INTEGER NOT NULL CHECK (nonce >= 0),
  raw_tx       BLOB    NOT NULL,
  tx_hash      BLOB    NOT NULL UNIQUE CHECK (length(tx_hash) = 32),
  purpose      TEXT    NOT NULL
               CHECK (purpose IN ('exit', 'batch_exit', 'deposit', 'approve', 'withdraw', 'execute', 'other')),
  related_id   BLOB    CHECK (related_id IS NULL OR length(related_id) = 32),
  state        TEXT    NOT NULL
               CHECK (state IN ('signed', 'sent', 'mined', 'failed', 'dropped', 'replaced')),
  block_number INTEGER CHECK (block_number IS NULL OR block_number >= 0),
  error        TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX tx_journal_by_state ON tx_journal (state, id);
CREATE INDEX tx_journal_by_sender ON tx_journal (chain, from_address, nonce);
CREATE INDEX tx_journal_by_related ON tx_journal (purpose, related_id) WHERE related_id IS NOT NULL;

-- What the user follows: an address (BLOB 20), a deposit or exit id (BLOB 32, uint256), a tx (BLOB 32).
CREATE TABLE watches (
  id         INTEGER NOT NULL PRIMARY KEY,
  kind       TEXT    NOT NULL CHECK (kind IN ('address', 'deposit', 'exit', 'tx')),
  value      BLOB    NOT NULL
             CHECK (length(value) = CASE kind WHEN 'address' THEN 20 ELSE 32 END),
  label      TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (kind, value)
) STRICT;

CREATE TABLE settings (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
