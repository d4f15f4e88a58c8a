#!/usr/bin/env bash
# Schemathesis (pinned in scripts/requirements-schemathesis.txt) against a running server's
# /openapi.json, with every check, failing on any failure.
#
# - Schemathesis comes from PyPI into .tools/schemathesis-venv on first use, and again whenever the
#   pins change; it needs Python >= 3.11 (`$PYTHON`, default python3).
# - The server is $API_BIN, or target/debug/api built with `cargo build -q -p api`. It runs on a free
#   port with a fresh temporary SQLite database and rate limits raised far above what the run sends.
# - Accounts: two ordinary users, alice and bob, and an administrator (`api create-admin`) who opens
#   a competition. Each user owns an organisation, a private, a members-only and a public idea, and
#   an entry in the competition.
# - Two runs against the same server, one as alice and one as bob (alice's objects are recreated
#   between them, since her own run may change them). Object-level authorisation is exercised three
#   ways: (1) both users are `peers` in a Web Fuzzing Commons auth file, so Schemathesis's
#   `object_level_authorization` check replays each successful read of one user's object as the
#   other and fails when the other gets it; (2) half of the `idea_id`, `organization_id` and
#   `entry_id` path values are the other user's objects (a `[parameters]` dictionary); (3) our
#   `foreign_object_access` check fails on any 2xx to the run's user for the other user's objects,
#   writes included, except the reads anyone logged in may make. Schemathesis logs each user in
#   itself (`POST /api/v1/auth/login`) and again before tokens expire.
# - Bounded: SCHEMATHESIS_MAX_EXAMPLES (default 25) cases per operation and phase, a fixed seed
#   (SCHEMATHESIS_SEED, default 20240611), 1 worker, and SCHEMATHESIS_RUN_TIMEOUT (default 420)
#   seconds per run, after which the run is stopped and counts as failed. About a minute in all,
#   after the build.
# - Reports (JUnit XML, and the console output with a curl line per failure) go to
#   SCHEMATHESIS_REPORT_DIR (default target/schemathesis/), one folder per run.
#
# Exit status: 0 when both runs pass; 1 on any failure, error or time-out. The server is stopped on
# every exit path.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

python=${PYTHON:-python3}
venv=.tools/schemathesis-venv
requirements=scripts/requirements-schemathesis.txt
max_examples=${SCHEMATHESIS_MAX_EXAMPLES:-25}
seed=${SCHEMATHESIS_SEED:-20240611}
run_timeout=${SCHEMATHESIS_RUN_TIMEOUT:-420}
report_root=${SCHEMATHESIS_REPORT_DIR:-$root/target/schemathesis}

# --- Schemathesis, installed when missing or when the pins changed -------------------------------
pins_hash=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ ! -x "$venv/bin/schemathesis" ] || [ "$(cat "$venv/.pins" 2>/dev/null || true)" != "$pins_hash" ]; then
  echo "== installing Schemathesis into $venv"
  "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Schemathesis needs Python 3.11 or later")'
  rm -rf "$venv"
  mkdir -p .tools
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements"
  "$venv/bin/python" -m pip check --disable-pip-version-check >/dev/null
  echo "$pins_hash" >"$venv/.pins"
fi
"$venv/bin/schemathesis" --version

# --- The server binary ---------------------------------------------------------------------------
if [ -n "${API_BIN:-}" ]; then
  api_bin=$API_BIN
else
  echo "== cargo build -p api"
  cargo build -q -p api
  api_bin=${CARGO_TARGET_DIR:-$root/target}/debug/api
fi
[ -x "$api_bin" ] || { echo "no server binary at $api_bin" >&2; exit 1; }

# --- A fresh server, stopped on every exit path --------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/schemathesis.XXXXXX")
server_pid= st_pid= tail_pid=
cleanup() {
  local status=$?
  if [ -n "$st_pid" ] && kill -0 "$st_pid" 2>/dev/null; then
    kill -INT "$st_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$st_pid" 2>/dev/null || break; sleep 0.1; done
    pkill -KILL -P "$st_pid" 2>/dev/null || true
    kill -KILL "$st_pid" 2>/dev/null || true
  fi
  [ -z "$tail_pid" ] || kill "$tail_pid" 2>/dev/null || true
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    mkdir -p "$report_root" && cp "$work/server.log" "$report_root/server.log" || true
    echo "server log: $report_root/server.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export APP_ENV=development
export DATABASE_URL="sqlite://$work/ecosystem.db"
export DATA_DIR="$work"
export BIND_ADDRESS=127.0.0.1:0
export JWT_SECRET
JWT_SECRET=$("$venv/bin/python" -c 'import secrets; print(secrets.token_hex(32))')
export RUST_LOG=info RUST_LOG_FORMAT=text WORKERS=2 SHUTDOWN_TIMEOUT_SECS=2
# Far above what a run sends, so no request is throttled into 429 (429 stays documented everywhere).
export RATE_LIMIT_PER_MINUTE=1000000 RATE_LIMIT_BURST=1000000
export AUTH_RATE_LIMIT_PER_MINUTE=1000000 AUTH_RATE_LIMIT_BURST=1000000
export LOGIN_MAX_FAILURES_PER_ACCOUNT=1000000 LOGIN_MAX_FAILURES_PER_ADDRESS=1000000
unset TRUST_FORWARDED_FOR CORS_ALLOWED_ORIGINS MIGRATE_ON_START

admin_email=admin@schemathesis.test
admin_password=$("$venv/bin/python" -c 'import secrets; print("Adm-" + secrets.token_urlsafe(18))')
ADMIN_PASSWORD=$admin_password "$api_bin" create-admin --email "$admin_email" --name "Quản trị viên" >/dev/null

"$api_bin" serve >"$work/server.log" 2>&1 &
server_pid=$!
base=
for _ in $(seq 1 100); do
  # The log line reads `listening address=http://127.0.0.1:PORT`, maybe with colour codes.
  base=$(sed 's/\x1b\[[0-9;]*m//g' "$work/server.log" | grep -a -o 'listening address=http://[0-9.]*:[0-9]*' \
    | head -n 1 | cut -d= -f2 || true)
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { cat "$work/server.log" >&2; echo "the server did not report its address" >&2; exit 1; }
echo "== server $base ($api_bin, $DATABASE_URL)"

# --- Accounts, data owned by each user, and the check that they stay apart -----------------------
# helper.py: `setup` registers alice and bob, has the admin open a competition, and writes the Web
# Fuzzing Commons auth file; `seed USER` creates USER's objects (organisation; private, members-only
# and public ideas; an entry) and lists them; `config USER OTHER` writes the run's configuration.
cat >"$work/helper.py" <<'PY'
import json, os, sys, time
import requests

work = os.path.dirname(os.path.abspath(__file__))
base = os.environ["BASE"]

def call(method, path, token=None, **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.request(method, base + path, headers=headers, timeout=30, **kwargs)
    if response.status_code >= 300:
        sys.exit(f"setup: {method} {path} -> {response.status_code} {response.text[:500]}")
    return response.json() if response.content else None

def accounts():
    with open(os.path.join(work, "accounts.json")) as f:
        return json.load(f)

def login(name):
    email, password = accounts()[name]
    return call("POST", "/api/v1/auth/login", json={"email": email, "password": password})["access_token"]

def setup():
    users = accounts()
    for name in ("alice", "bob"):
        email, password = users[name]
        call("POST", "/api/v1/auth/register", json={"email": email, "password": password, "full_name": name.title()})
    admin = login("admin")
    competition = call("POST", "/api/v1/competitions", admin, json={
        "title": "Cuộc thi Ý tưởng khởi nghiệp Sơn La", "audience": "everyone", "tracks": ["nông nghiệp", "du lịch"]})
    call("POST", f"/api/v1/competitions/{competition['id']}/rounds", admin, json={
        "name": "Vòng sơ khảo", "method": "mean", "judges_per_entry": 1,
        "criteria": [{"name": "Tính khả thi", "weight": 1, "max_score": 10}]})
    call("POST", f"/api/v1/competitions/{competition['id']}/open", admin, json={})
    with open(os.path.join(work, "competition"), "w") as f:
        f.write(competition["id"])
    # Schemathesis logs each user in itself, and again before the 15-minute tokens expire.
    def entry(name):
        email, password = users[name]
        return {"name": name, "loginEndpointAuth": {
            "endpoint": "/api/v1/auth/login", "verb": "POST", "contentType": "application/json",
            "payloadUserPwd": {"username": email, "usernameField": "email",
                               "password": password, "passwordField": "password"},
            "token": {"extractFrom": "body", "extractSelector": "/access_token", "sendIn": "header",
                      "sendName": "Authorization", "sendTemplate": "Bearer {token}"}}}
    with open(os.path.join(work, "auth.json"), "w") as f:
        json.dump({"schemaVersion": "0.1.0", "auth": [entry("alice"), entry("bob")]}, f)

def seed(owner):
    token = login(owner)
    tag = f"{owner} {time.time_ns()}"
    org = call("POST", "/api/v1/organizations", token, json={
        "name": f"Câu lạc bộ Khởi nghiệp {tag}", "kind": "club", "website": "https://clb.example.vn",
        "contact_email": "clb@example.vn", "locality": "Phường Chiềng Sinh"})
    idea = {"summary": "Sấy lạnh mận hậu giữ màu và vị.", "sector": "food_processing", "stage": "prototype",
            "tags": ["mận", "sấy lạnh"], "funding_need_vnd": 150000000, "funding_note": "Vốn đối ứng 30%."}
    private = call("POST", "/api/v1/ideas", token, json={**idea, "title": f"Riêng tư {tag}", "visibility": "private"})
    members = call("POST", "/api/v1/ideas", token, json={**idea, "title": f"Thành viên {tag}", "visibility": "members",
                                                        "organization_id": org["id"]})
    public = call("POST", "/api/v1/ideas", token, json={**idea, "title": f"Công khai {tag}", "visibility": "public"})
    call("POST", f"/api/v1/ideas/{public['id']}/submit", token, json={})
    with open(os.path.join(work, "competition")) as f:
        competition = f.read()
    entry = call("POST", f"/api/v1/competitions/{competition}/entries", token, json={"idea_id": public["id"]})
    objects = {
        "organizations": [org["id"]],
        "ideas": [private["id"], members["id"], public["id"]],
        "entries": [entry["id"]],
        # What others may read (`members` ideas are for anyone logged in); all else is the owner's.
        "public_reads": [f"/api/v1/organizations/{org['id']}"]
        + [f"/api/v1/ideas/{idea['id']}{sub}" for idea in (members, public) for sub in ("", "/members")],
    }
    with open(os.path.join(work, f"objects-{owner}.json"), "w") as f:
        json.dump(objects, f)

def config(user, other):
    with open(os.path.join(work, f"objects-{other}.json")) as f:
        objects = json.load(f)
    with open(os.path.join(work, f"objects-{user}.json")) as f:
        own = json.load(f)
    password = accounts()[user][1]
    q = json.dumps  # TOML basic strings and arrays of them read like JSON
    e = os.environ
    everything = objects["organizations"] + objects["ideas"] + objects["entries"]
    print(f"""seed = {e["SEED"]}
# One worker: with two, hypothesis's `ast.parse` of its filter lambdas races in CPython 3.11 and
# the run errors with "SystemError: AST constructor recursion depth mismatch".
workers = 1
request-timeout = 30
hooks = {q(os.path.join(work, "checks.py"))}

[generation]
max-examples = {e["MAX_EXAMPLES"]}
database = "none"

[cache]
enabled = false

[auth.wfc]
path = {q(os.path.join(work, "auth.json"))}
user = {q(user)}
# object_level_authorization replays each of the user's successful reads as the other peer.
peers = ["alice", "bob"]
refresh_interval = 600

# Half of the ids in paths are {other}'s objects, so {user}'s requests meet objects {user} does not own.
[dictionaries.foreign_ideas]
values = {q(objects["ideas"])}
[dictionaries.foreign_organizations]
values = {q(objects["organizations"])}
[dictionaries.foreign_entries]
values = {q(objects["entries"])}
# Values the schema cannot tell apart from wrong ones: an organisation to link must exist (and
# be {user}'s), and a new password must not be a common one; {user} keeps the same password, so
# the peers' logins keep working.
[dictionaries.own_organizations]
values = {q(own["organizations"])}
[dictionaries.own_password]
values = {q([password])}
[parameters]
"path.idea_id" = {{ dictionary = "foreign_ideas", probability = 0.5 }}
"path.organization_id" = {{ dictionary = "foreign_organizations", probability = 0.5 }}
"path.entry_id" = {{ dictionary = "foreign_entries", probability = 0.5 }}
"body.organization_id" = {{ dictionary = "own_organizations", probability = 1.0 }}
"body.new_password" = {{ dictionary = "own_password", probability = 1.0 }}

# Each block below widens what counts as an answer to schema-valid data, only for the
# operations named and only by the documented refusals of rules a schema cannot state.

# A `cursor` is opaque: the `next_cursor` of a previous page. Any other string the schema
# allows is 400 `invalid_cursor`, as documented.
[[operations]]
include-name = [
  "GET /api/v1/organizations/{{organization_id}}/members", "GET /api/v1/competitions",
  "GET /api/v1/me/assignments", "GET /api/v1/audit",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]
# The lists with `q` and the search also refuse a `q` without a letter or digit (422
# `no_words`), a rule of Unicode categories the schema's `pattern` cannot carry portably; the
# idea lists refuse `sort=relevance` without `q` (422): no words, no relevance.
[[operations]]
include-name = [
  "GET /api/v1/ideas", "GET /api/v1/ideas/count", "GET /api/v1/me/ideas", "GET /api/v1/search",
  "GET /api/v1/organizations", "GET /api/v1/users",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "422", "429", "5xx"]
# 422 for a common password (a list of 10,000 the schema does not carry), an organisation, a
# user or an idea that does not exist, a rejection without a note.
[[operations]]
include-name = [
  "POST /api/v1/auth/register", "POST /api/v1/me/password", "POST /api/v1/ideas",
  "POST /api/v1/ideas/{{idea_id}}/{{action}}", "POST /api/v1/ideas/{{idea_id}}/members",
  "POST /api/v1/organizations/{{organization_id}}/members",
  "POST /api/v1/competitions/{{competition_id}}/entries",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]

# A conditional change: any `If-Match` but the record's current tag is 412, as documented;
# an idea may only be linked to an organisation that exists (422).
[[operations]]
include-name = ["PATCH /api/v1/ideas/{{idea_id}}"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429", "5xx"]
[[operations]]
include-method = ["PUT", "PATCH", "DELETE"]
exclude-name = ["PATCH /api/v1/ideas/{{idea_id}}"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "428", "429", "5xx"]
[[operations]]
include-name = ["POST /api/v1/assignments/{{assignment_id}}/sheet/submit"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "428", "429", "5xx"]

[checks.foreign_object_access]
user = {q(user)}
owner = {q(other)}
objects = {q(everything)}
public_reads = {q(objects["public_reads"])}
""")

command = sys.argv[1]
if command == "setup":
    setup()
elif command == "seed":
    seed(sys.argv[2])
elif command == "config":
    config(sys.argv[2], sys.argv[3])
else:
    sys.exit(f"unknown command {command}")
PY

# A check of our own: object_level_authorization only replays reads, so writes and sub-resources of
# the other user's objects are checked here.
cat >"$work/checks.py" <<'PY'
import uuid
from urllib.parse import urlsplit

import schemathesis


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    """A fresh Idempotency-Key for each request, as a client sends one per distinct request.

    The fuzzer reuses one generated key across different bodies, which is the documented 422
    `idempotency_key_reused`, not a failure. Keys the schema forbids are kept, so their
    rejection is still tested."""
    key = (case.headers or {}).get("Idempotency-Key")
    if isinstance(key, str) and 1 <= len(key) <= 255:
        case.headers["Idempotency-Key"] = str(uuid.uuid4())


@schemathesis.check
class foreign_object_access:
    """The run's user gets no 2xx for another user's objects, except reads anyone may make."""

    def __init__(self, user="", owner="", objects=(), public_reads=()):
        self.user, self.owner = user, owner
        self.objects, self.public_reads = list(objects), set(public_reads)

    def after_response(self, ctx, response, case):
        if not 200 <= response.status_code < 300 or not response.request.headers.get("Authorization"):
            return
        if case.auth_identity not in (None, self.user):
            return
        path = urlsplit(response.request.url).path
        if not any(obj in path for obj in self.objects):
            return
        if case.method.upper() == "GET" and path.rstrip("/") in self.public_reads:
            return
        raise AssertionError(
            f"{self.user} got {response.status_code} for {case.method.upper()} {path}: "
            f"an object of {self.owner}'s that {self.user} may not read or change"
        )
PY

"$venv/bin/python" -c 'import json, sys; json.dump({"alice": ["alice@schemathesis.test", sys.argv[1]], "bob": ["bob@schemathesis.test", sys.argv[2]], "admin": [sys.argv[3], sys.argv[4]]}, open(sys.argv[5], "w"))' \
  "Alice-$("$venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(18))')" \
  "Bob-$("$venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(18))')" \
  "$admin_email" "$admin_password" "$work/accounts.json"
helper() { BASE=$base SEED=$seed MAX_EXAMPLES=$max_examples "$venv/bin/python" "$work/helper.py" "$@"; }
helper setup
helper seed bob
helper seed alice

# --- Schemathesis, as alice and as bob -----------------------------------------------------------
run_as() {
  local user=$1 other=$2 dir="$report_root/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  helper config "$user" "$other" >"$work/schemathesis-$user.toml"
  echo "== schemathesis as $user, $other's objects in reach (max $max_examples examples per operation, seed $seed)"
  local status=0
  : >"$dir/output.txt"
  # In the background so a signal to this script is handled at once (cleanup stops the run); in
  # $work, so nothing (.hypothesis/, caches) lands in the checkout. `exec`: $st_pid is `timeout`,
  # which passes a signal on to Schemathesis.
  (cd "$work" && exec timeout --signal=INT --kill-after=30 "$run_timeout" \
    "$root/$venv/bin/schemathesis" --config-file "$work/schemathesis-$user.toml" run \
      "$base/openapi.json" --checks all --max-examples "$max_examples" --seed "$seed" --workers 1 \
      --report junit --report-dir "$dir" --no-color) >"$dir/output.txt" 2>&1 &
  st_pid=$!
  tail --pid="$st_pid" -n +1 -f "$dir/output.txt" &
  tail_pid=$!
  wait "$st_pid" || status=$?
  wait "$tail_pid" 2>/dev/null || true
  st_pid= tail_pid=
  if [ "$status" -eq 124 ]; then
    echo "schemathesis as $user: stopped after ${run_timeout}s" >&2
  fi
  return "$status"
}

failed=0
run_as alice bob || failed=1
# Alice's run may have changed or deleted her objects; bob meets fresh ones.
helper seed alice
run_as bob alice || failed=1
if [ "$failed" -ne 0 ]; then
  echo "Schemathesis found failures; reports in $report_root" >&2
  exit 1
fi
echo "Schemathesis: no failures"
