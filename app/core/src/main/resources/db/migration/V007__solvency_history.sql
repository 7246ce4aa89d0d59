-- Level 7: solvency verdicts kept beyond the session (docs/decisions/0027). One row per token row
-- (per id for ERC-1155) of a check that gave a verdict, written only when the row's escrow or
-- owed amount differs from that token's last kept row: a step history of each token's balance
-- sheet, small however often the check runs. token_key tells the rows apart: the root token's hex
-- address, with '#' and the decimal id for an ERC-1155 row. Amounts are uint256 (32 bytes); the
-- difference is escrow - owed. Observations, not derived rows: a reorg leaves them as they were
-- seen, with the blocks they were seen at.
CREATE TABLE solvency_history (
  seq         INTEGER PRIMARY KEY,
  checked_at  INTEGER NOT NULL CHECK (checked_at >= 0),
  root_block  INTEGER NOT NULL CHECK (root_block >= 0),
  child_block INTEGER NOT NULL CHECK (child_block >= 0),
  token_key   TEXT    NOT NULL,
  asset_kind  TEXT    NOT NULL CHECK (asset_kind IN ('erc20', 'erc721', 'erc1155')),
  token_home  TEXT    NOT NULL CHECK (token_home IN ('root_native', 'child_native')),
  root_token  BLOB    NOT NULL CHECK (length(root_token) = 20),
  child_token BLOB    CHECK (child_token IS NULL OR length(child_token) = 20),
  token_id    BLOB    CHECK (token_id IS NULL OR length(token_id) = 32),
  escrow      BLOB    NOT NULL CHECK (length(escrow) = 32),
  owed        BLOB    NOT NULL CHECK (length(owed) = 32),
  status      TEXT    NOT NULL CHECK (status IN ('balanced', 'deficit', 'surplus'))
) STRICT;
CREATE INDEX solvency_history_by_token ON solvency_history (token_key, seq);
CREATE INDEX solvency_history_by_block ON solvency_history (child_block, root_block);
