#!/usr/bin/env bash
# Lints the committed OpenAPI document with Spectral and the OWASP API Security ruleset,
# failing on any warning. Both are pinned, with every dependency, by
# scripts/spectral/package-lock.json and installed from the npm registry into .tools/spectral
# on first use (again when the lock file changes); no global install.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=.tools/spectral
if ! cmp -s scripts/spectral/package-lock.json "$tools/package-lock.json"; then
  rm -rf "$tools"
  mkdir -p "$tools"
  cp scripts/spectral/package.json scripts/spectral/package-lock.json "$tools/"
  npm ci --silent --no-audit --no-fund --prefix "$tools" >/dev/null
fi
"$tools/node_modules/.bin/spectral" lint openapi/openapi.json --ruleset .spectral.yaml --fail-severity warn
