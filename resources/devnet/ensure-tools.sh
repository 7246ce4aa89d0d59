#!/usr/bin/env bash
# Installs the pinned devnet tools (anvil, solc-js, @noble/curves) with `npm ci`
# when node_modules is missing or older than package-lock.json. Idempotent and quiet when up to date.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stamp="$here/node_modules/.bridgescope-lock.sha256"
if ! command -v npm >/dev/null 2>&1; then
  echo "bridgescope: npm is missing. Install Node.js 20+ and npm (Debian: apt-get install nodejs npm), then run this again." >&2
  exit 3
fi
want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
anvil_bin="$here/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [ "$want" != "$have" ] || [ ! -d "$here/node_modules/solc" ]; then
  echo "bridgescope: installing devnet tools (npm ci in resources/devnet) ..." >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$want" > "$stamp"
fi
