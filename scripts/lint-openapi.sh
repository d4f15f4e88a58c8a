#!/usr/bin/env bash
# Lints the committed OpenAPI document with Spectral (pinned), failing on any error.
# Spectral comes from the npm registry into .tools/ on first use; no global install.
set -euo pipefail
cd "$(dirname "$0")/.."

version=6.15.0
tools=.tools/spectral
if [ ! -x "$tools/node_modules/.bin/spectral" ]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" "@stoplight/spectral-cli@$version" >/dev/null
fi
"$tools/node_modules/.bin/spectral" lint openapi/openapi.json --ruleset .spectral.yaml --fail-severity error
