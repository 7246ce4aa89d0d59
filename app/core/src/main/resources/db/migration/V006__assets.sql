-- Level 6: every bridge asset kind (docs/protocol.md, Every asset kind).
--
-- asset_payloads holds what each bridge message's data means, one row per message, decoded with
-- the predicate at its child-side address: direction 'to_child' rows describe state_syncs (id),
-- 'to_root' rows describe exits (id). A message no known predicate sent, or bytes a predicate
-- would not send, is asset_kind 'unknown' with the reason in problem; its bytes stay in the
-- message's own data column, so nothing is dropped. Rows are derived: a reorg deletes them with
-- their message (Reorgs.java) and they are written again when the message is indexed again.
CREATE TABLE asset_payloads (
  direction  TEXT    NOT NULL CHECK (direction IN ('to_child', 'to_root')),
  id         BLOB    NOT NULL CHECK (length(id) = 32),
  asset_kind TEXT    NOT NULL CHECK (asset_kind IN ('erc20', 'erc721', 'erc1155', 'unknown')),
  predicate  BLOB    CHECK (predicate IS NULL OR length(predicate) = 20),
  predicate_name TEXT CHECK (predicate_name IS NULL OR predicate_name IN
                      ('child_erc20', 'child_erc721', 'child_erc1155',
                       'root_mintable_erc20', 'root_mintable_erc721', 'root_mintable_erc1155')),
  token_home TEXT    CHECK (token_home IS NULL OR token_home IN ('root_native', 'child_native')),
  action     TEXT    CHECK (action IS NULL OR action IN
                      ('deposit', 'deposit_batch', 'withdraw', 'withdraw_batch', 'map_token')),
  token      BLOB    CHECK (token IS NULL OR length(token) = 20),
  sender     BLOB    CHECK (sender IS NULL OR length(sender) = 20),
  item_count INTEGER NOT NULL CHECK (item_count >= 0),
  name       TEXT,
  symbol     TEXT,
  decimals   INTEGER CHECK (decimals IS NULL OR decimals BETWEEN 0 AND 255),
  uri        TEXT,
  problem    TEXT,
  PRIMARY KEY (direction, id),
  CHECK ((asset_kind = 'unknown') = (problem IS NOT NULL)),
  CHECK ((asset_kind = 'unknown') = (action IS NULL)),
  CHECK ((action IS NULL) = (token IS NULL)),
  CHECK ((predicate IS NULL) = (token_home IS NULL) AND (predicate IS NULL) = (predicate_name IS NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX asset_payloads_by_kind ON asset_payloads (asset_kind, direction, id);
CREATE INDEX asset_payloads_by_token ON asset_payloads (token, direction, id) WHERE token IS NOT NULL;
CREATE INDEX asset_payloads_by_sender ON asset_payloads (sender, direction, id) WHERE sender IS NOT NULL;

-- The items a transfer moves, in payload order: one for a single transfer, one per array index of
-- a batch. token_id is NULL for ERC-20; amount is the ERC-20/ERC-1155 amount, 1 for an ERC-721 id.
CREATE TABLE asset_items (
  direction TEXT    NOT NULL CHECK (direction IN ('to_child', 'to_root')),
  id        BLOB    NOT NULL CHECK (length(id) = 32),
  item      INTEGER NOT NULL CHECK (item >= 0),
  recipient BLOB    NOT NULL CHECK (length(recipient) = 20),
  token_id  BLOB    CHECK (token_id IS NULL OR length(token_id) = 32),
  amount    BLOB    NOT NULL CHECK (length(amount) = 32),
  PRIMARY KEY (direction, id, item)
) STRICT, WITHOUT ROWID;
CREATE INDEX asset_items_by_recipient ON asset_items (recipient, direction, id);

-- Child-chain mapping events (L2TokenMapped, L2MintableTokenMapped): native_token is the token on
-- its home chain (the contracts' rootToken), mirror_token the clone on the other chain. Every
-- mapping of either family is announced on the child, so the child alone ties every pair.
CREATE TABLE token_mappings (
  predicate    BLOB    NOT NULL CHECK (length(predicate) = 20),
  predicate_name TEXT  NOT NULL CHECK (predicate_name IN
                        ('child_erc20', 'child_erc721', 'child_erc1155',
                         'root_mintable_erc20', 'root_mintable_erc721', 'root_mintable_erc1155')),
  asset_kind   TEXT    NOT NULL CHECK (asset_kind IN ('erc20', 'erc721', 'erc1155')),
  token_home   TEXT    NOT NULL CHECK (token_home IN ('root_native', 'child_native')),
  native_token BLOB    NOT NULL CHECK (length(native_token) = 20),
  mirror_token BLOB    NOT NULL CHECK (length(mirror_token) = 20),
  block_number INTEGER NOT NULL CHECK (block_number >= 0),
  tx_hash      BLOB    NOT NULL CHECK (length(tx_hash) = 32),
  log_index    INTEGER NOT NULL CHECK (log_index >= 0),
  UNIQUE (tx_hash, log_index)
) STRICT;
CREATE INDEX token_mappings_by_native ON token_mappings (native_token, predicate_name);
CREATE INDEX token_mappings_by_mirror ON token_mappings (mirror_token);
CREATE INDEX token_mappings_by_block ON token_mappings (block_number);

-- name(), symbol() and decimals() read once from a token contract. A call that reverted or
-- answered something that is not the value leaves that column NULL and says why in problem; such
-- a token shows raw amounts. A node that could not be reached writes nothing (asked again later).
CREATE TABLE token_metadata (
  chain    TEXT    NOT NULL CHECK (chain IN ('root', 'child')),
  token    BLOB    NOT NULL CHECK (length(token) = 20),
  name     TEXT,
  symbol   TEXT,
  decimals INTEGER CHECK (decimals IS NULL OR decimals BETWEEN 0 AND 255),
  problem  TEXT,
  read_at  INTEGER NOT NULL,
  PRIMARY KEY (chain, token)
) STRICT, WITHOUT ROWID;
