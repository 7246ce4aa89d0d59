-- Level 4: the identity of each chain this database was built from, pinned on the first index.
-- A node whose chain id or genesis block differs (a restarted devnet, a fork keeping the chain id)
-- is refused instead of mixing two chains in one database.
CREATE TABLE chain_identity (
  chain        TEXT    NOT NULL PRIMARY KEY CHECK (chain IN ('root', 'child')),
  chain_id     INTEGER NOT NULL CHECK (chain_id >= 0),
  genesis_hash BLOB    NOT NULL CHECK (length(genesis_hash) = 32),
  pinned_at    INTEGER NOT NULL
) STRICT;
