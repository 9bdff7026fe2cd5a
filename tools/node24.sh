#!/usr/bin/env bash
# Provisions Node.js 24 (the LTS jalon is tested on) from the npm registry, whose `node` package
# ships the official binary, into a cache folder, and prints the folder to put first on PATH:
#   export PATH="$(bash tools/node24.sh):$PATH"
# It does nothing when the `node` on PATH is already 22 or newer.
set -euo pipefail
want=24
current=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$current" -ge 22 ]; then dirname "$(command -v node)"; exit 0; fi
prefix="${JALON_NODE_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/jalon/node$want}"
bin="$prefix/node_modules/node/bin"
if ! "$bin/node" --version >/dev/null 2>&1; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "node@$want" >&2
fi
"$bin/node" --version >&2
echo "$bin"
