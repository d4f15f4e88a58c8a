#!/usr/bin/env bash
# The client SDKs, generated from the committed OpenAPI document by pinned generators:
# clients/typescript/src (@hey-api/openapi-ts, fetch client) and clients/python (the
# `sonla_client` package, openapi-python-client). Both are committed.
#
#   clients/generate.sh           regenerate both after a change to openapi/openapi.json
#   clients/generate.sh --check   regenerate into a scratch folder and fail on any difference
#                                 with the committed clients, then type-check the TypeScript
#                                 one (.ci/run calls this)
#
# The generators are pinned, with every dependency, by clients/tools/package-lock.json and
# clients/tools/requirements.txt, and installed from the npm registry and PyPI into .tools/
# on first use (again when a lock file changes); no global install.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
check=false
[ "${1:-}" = --check ] && check=true

node_tools=.tools/clients-node
if ! cmp -s clients/tools/package-lock.json "$node_tools/package-lock.json"; then
  rm -rf "$node_tools"
  mkdir -p "$node_tools"
  cp clients/tools/package.json clients/tools/package-lock.json "$node_tools/"
  npm ci --silent --no-audit --no-fund --prefix "$node_tools" >/dev/null
fi
venv=.tools/clients-venv
if ! cmp -s clients/tools/requirements.txt "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r clients/tools/requirements.txt
  cp clients/tools/requirements.txt "$venv/requirements.txt"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
spec="$root/openapi/openapi.json"

# TypeScript: types, one function per operation, the fetch client.
"$root/$node_tools/node_modules/.bin/openapi-ts" --input "$spec" --output "$out/typescript/src" \
  >"$out/typescript.log" 2>&1 || { cat "$out/typescript.log" >&2; exit 1; }

# Python: an installable package `sonla_client` (ruff formats it: the venv comes first on PATH).
cat >"$out/python.yaml" <<'YAML'
project_name_override: sonla-client
package_name_override: sonla_client
YAML
(cd "$out" && PATH="$root/$venv/bin:$PATH" "$root/$venv/bin/openapi-python-client" generate \
  --path "$spec" --config "$out/python.yaml" --meta setup --output-path "$out/python" \
  >"$out/python.log" 2>&1) || { cat "$out/python.log" >&2; exit 1; }
if grep -qi "warning" "$out/python.log"; then
  cat "$out/python.log" >&2
  echo "clients/generate.sh: openapi-python-client warned; the spec must generate cleanly" >&2
  exit 1
fi
rm -rf "$out/python/.ruff_cache"

if $check; then
  # What installing or importing the package leaves beside it (ignored by git) is not compared.
  compare() {
    diff -r --exclude=build --exclude='*.egg-info' --exclude=__pycache__ --exclude=.ruff_cache \
      --exclude=node_modules "$@"
  }
  status=0
  compare "$out/typescript/src" clients/typescript/src >/dev/null || status=1
  compare "$out/python" clients/python >/dev/null || status=1
  if [ $status -ne 0 ]; then
    echo "clients/ differ from what openapi/openapi.json generates: run clients/generate.sh and commit" >&2
    compare "$out/typescript/src" clients/typescript/src | head -20 >&2 || true
    compare "$out/python" clients/python | head -20 >&2 || true
    exit 1
  fi
  echo "clients/ match openapi/openapi.json"
  # The TypeScript client type-checks, strictly, with the pinned compiler.
  "$root/$node_tools/node_modules/.bin/tsc" -p clients/typescript
  echo "clients/typescript type-checks"
else
  rm -rf clients/typescript/src clients/python
  mkdir -p clients/typescript
  cp -r "$out/typescript/src" clients/typescript/src
  cp -r "$out/python" clients/python
  echo "clients/typescript/src and clients/python regenerated"
fi
