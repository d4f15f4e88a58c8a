#!/usr/bin/env bash
# The client SDKs' journey tests, against a real server each test starts: the Python one
# (pytest, clients/tests/python) through the generated `sonla_client` package only.
#
#   clients/journeys.sh          builds target/debug/api (or runs $API_BIN) and the tests
#
# pytest and the package's dependencies are pinned by clients/tools/requirements-test.txt and
# installed from PyPI into .tools/clients-test-venv on first use (again when it changes); the
# generated package is installed afresh on every run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

venv=.tools/clients-test-venv
if ! cmp -s clients/tools/requirements-test.txt "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r clients/tools/requirements-test.txt
  cp clients/tools/requirements-test.txt "$venv/requirements.txt"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall ./clients/python
rm -rf clients/python/build clients/python/sonla_client.egg-info

if [ -z "${API_BIN:-}" ]; then
  cargo build -q -p api
  API_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/api"
fi
API_BIN="$API_BIN" "$venv/bin/python" -m pytest -q -p no:cacheprovider clients/tests/python
