#!/usr/bin/env python3
"""Durability test driver: write load, SIGKILL mid-load, restart, check every 2xx survived.

Run through scripts/durability.sh, which builds the binary and prepares the database. This
driver, for one backend:

1. creates an admin with `api create-admin`, starts the server on a free port, and sets up
   over HTTP an officer, judges, idea leads and idea creators, and a competition in judging
   with many assignments (officer creates it and a round, leads create, submit and enter
   ideas, judges are added, auto-assigned);
2. runs a write load from several threads: creating ideas, and saving then submitting score
   sheets; SIGKILLs the server while requests are in flight;
3. restarts the server on the same database and checks that every idea creation and every
   sheet save or submission that got a 2xx response is there, unchanged.

Standard library only. Exit status 0 when everything acknowledged is present, 1 otherwise
(including a failed setup or a load that acknowledged nothing).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field

API = "/api/v1"
PASSWORD = "Durability-test-password-2026"
LOAD_THREADS = 8
JUDGES = 8
LEADS = 6
ENTRIES_PER_LEAD = 8  # 48 entries
JUDGES_PER_ENTRY = 3  # 144 assignments, so 144 sheets to save and submit under load
CRITERIA = [
    {"name": "Tính mới", "weight": 2, "max_score": 10},
    {"name": "Khả thi", "weight": 1, "max_score": 10},
    {"name": "Tác động xã hội", "weight": 1, "max_score": 5},
]
REQUEST_TIMEOUT = 20.0


class Failure(Exception):
    """The test failed: setup, load or verification."""


class ConnError(Exception):
    """No HTTP response was received (refused, reset, closed, timed out)."""


@dataclass
class Response:
    status: int
    body: object
    headers: dict

    def ok(self) -> bool:
        return 200 <= self.status < 300


def log(message: str) -> None:
    print(f"  {message}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Http:
    """A tiny JSON client. `persistent` keeps one keep-alive connection per thread."""

    def __init__(self, port: int, persistent: bool) -> None:
        self.port = port
        self.persistent = persistent
        self.local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        conn = getattr(self.local, "conn", None) if self.persistent else None
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
            if self.persistent:
                self.local.conn = conn
        return conn

    def _drop(self, conn: http.client.HTTPConnection) -> None:
        conn.close()
        if self.persistent:
            self.local.conn = None

    def request(self, method: str, path: str, body=None, token: str | None = None,
                headers: dict | None = None) -> Response:
        conn = self._connection()
        data = None if body is None else json.dumps(body).encode()
        sent = {"Accept": "application/json", "Accept-Language": "en"}
        if data is not None:
            sent["Content-Type"] = "application/json"
        if token:
            sent["Authorization"] = f"Bearer {token}"
        sent.update(headers or {})
        try:
            conn.request(method, path, body=data, headers=sent)
            resp = conn.getresponse()
            raw = resp.read()
        except (OSError, http.client.HTTPException) as error:
            self._drop(conn)
            raise ConnError(f"{type(error).__name__}: {error}") from error
        if not self.persistent or resp.will_close:
            self._drop(conn)
        parsed: object = None
        if raw:
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = raw.decode("utf-8", "replace")
        return Response(resp.status, parsed, {k.lower(): v for k, v in resp.getheaders()})


def expect(resp: Response, status: int, what: str) -> object:
    if resp.status != status:
        raise Failure(f"setup: {what}: expected {status}, got {resp.status}: {resp.body}")
    return resp.body


class Server:
    """The API process: started, killed, restarted; never left running."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.runs = 0
        self.logs: list[str] = []
        self.jwt_secret = secrets.token_hex(32)

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("DATABASE_", "JWT_", "RATE_LIMIT", "AUTH_RATE_LIMIT"))}
        env.update({
            "APP_ENV": "development",
            "DATABASE_URL": self.args.database_url,
            "DATA_DIR": self.args.workdir,
            "JWT_SECRET": self.jwt_secret,
            "RUST_LOG": os.environ.get("DURABILITY_RUST_LOG", "info"),
            "RUST_LOG_FORMAT": "text",
            "MIGRATE_ON_START": "true",
            # The load must not be throttled.
            "RATE_LIMIT_PER_MINUTE": "1000000",
            "RATE_LIMIT_BURST": "1000000",
            "AUTH_RATE_LIMIT_PER_MINUTE": "1000000",
            "AUTH_RATE_LIMIT_BURST": "1000000",
            "SHUTDOWN_TIMEOUT_SECS": "5",
        })
        return env

    def create_admin(self, email: str) -> None:
        env = self.env()
        env["ADMIN_PASSWORD"] = PASSWORD
        done = subprocess.run(
            [self.args.bin, "create-admin", "--email", email, "--name", "Quản trị viên"],
            env=env, cwd=self.args.workdir, stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            raise Failure(f"setup: create-admin exited {done.returncode}: "
                          f"{done.stdout.strip()} {done.stderr.strip()[-2000:]}")

    def start(self) -> None:
        self.runs += 1
        self.port = free_port()
        path = os.path.join(self.args.workdir, f"server-{self.runs}.log")
        self.logs.append(path)
        env = self.env()
        env["BIND_ADDRESS"] = f"127.0.0.1:{self.port}"
        with open(path, "ab") as out:
            self.proc = subprocess.Popen([self.args.bin, "serve"], env=env, cwd=self.args.workdir,
                                         stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT)
        # The shell wrapper kills whatever is named here if this driver dies abruptly.
        with open(os.path.join(self.args.workdir, "server.pid"), "w") as f:
            f.write(f"{self.proc.pid}\n")
        self.wait_ready()

    def wait_ready(self, timeout: float = 60.0) -> None:
        client = Http(self.port, persistent=False)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f"the server exited with {self.proc.returncode} while starting")
            try:
                if client.request("GET", "/health/ready").status == 200:
                    return
            except ConnError:
                pass
            time.sleep(0.1)
        raise Failure(f"the server was not ready within {timeout:.0f} s")

    def sigkill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)

    def reap(self, timeout: float = 10.0) -> int:
        code = self.proc.wait(timeout=timeout)
        self.forget()
        return code

    def forget(self) -> None:
        try:
            os.remove(os.path.join(self.args.workdir, "server.pid"))
        except FileNotFoundError:
            pass

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after a grace period; harmless when already stopped."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.forget()

    def tail(self, lines: int = 40) -> str:
        out = []
        for path in self.logs:
            try:
                with open(path, "rb") as f:
                    text = f.read().decode("utf-8", "replace").splitlines()
            except OSError:
                continue
            out.append(f"--- last {min(lines, len(text))} lines of {path}")
            out.extend(re.sub(r"\x1b\[[0-9;]*m", "", line) for line in text[-lines:])
        return "\n".join(out)


@dataclass
class User:
    email: str
    id: str = ""
    token: str = ""


@dataclass
class Assignment:
    id: str
    judge: User


@dataclass
class LoadState:
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopped: bool = False
    killed: bool = False
    in_flight: int = 0
    in_flight_at_kill: int = 0
    in_flight_kinds_at_kill: dict = field(default_factory=dict)
    in_flight_kinds: dict = field(default_factory=dict)
    conn_errors: int = 0
    conn_errors_before_kill: list = field(default_factory=list)
    responses_after_kill: int = 0
    statuses: dict = field(default_factory=dict)  # (kind, status) -> count
    unexpected: list = field(default_factory=list)  # non-2xx before the kill, a sample
    ideas: list = field(default_factory=list)  # (id, title, creator)
    drafts: dict = field(default_factory=dict)  # assignment id -> (judge, scores, comment)
    submitted: dict = field(default_factory=dict)  # assignment id -> (judge, scores, comment)
    queue: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    requests: int = 0


class Durability:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.server = Server(args)
        self.tag = uuid.uuid4().hex[:8]
        self.admin = User(f"admin-{self.tag}@durability.test")
        self.criteria: list[tuple[str, float]] = []
        self.assignments: list[Assignment] = []
        self.creators: list[User] = []
        self.state = LoadState()

    # --- setup -----------------------------------------------------------------------------

    def login(self, client: Http, user: User) -> None:
        body = expect(client.request("POST", f"{API}/auth/login",
                                     {"email": user.email, "password": PASSWORD}),
                      200, f"login {user.email}")
        user.token = body["access_token"]

    def register(self, client: Http, user: User) -> None:
        body = expect(client.request("POST", f"{API}/auth/register", {
            "email": user.email, "password": PASSWORD,
            "full_name": f"Người dùng {user.email.split('@')[0]}"}), 201, f"register {user.email}")
        user.id = body["id"]

    def setup(self) -> None:
        started = time.monotonic()
        self.server.create_admin(self.admin.email)
        self.server.start()
        client = Http(self.server.port, persistent=False)
        self.login(client, self.admin)
        officer = User(f"officer-{self.tag}@durability.test")
        judges = [User(f"judge{i}-{self.tag}@durability.test") for i in range(JUDGES)]
        leads = [User(f"lead{i}-{self.tag}@durability.test") for i in range(LEADS)]
        self.creators = [User(f"creator{i}-{self.tag}@durability.test")
                         for i in range(LOAD_THREADS)]
        everyone = [officer, *judges, *leads, *self.creators]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda u: self.register(client, u), everyone))
        for user, role in [(officer, "officer"), *((j, "judge") for j in judges)]:
            expect(client.request("POST", f"{API}/users/{user.id}/roles", {"role": role},
                                  self.admin.token), 200, f"grant {role}")
        # Roles are in the access token: log in after the grants.
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda u: self.login(client, u), everyone))

        comp = expect(client.request("POST", f"{API}/competitions", {
            "title": f"Cuộc thi bền vững {self.tag}", "audience": "everyone"}, officer.token),
            201, "create competition")
        cid = comp["id"]
        rnd = expect(client.request("POST", f"{API}/competitions/{cid}/rounds", {
            "name": "Vòng sơ khảo", "method": "mean", "judges_per_entry": JUDGES_PER_ENTRY,
            "blind": False, "criteria": CRITERIA}, officer.token), 201, "create round")
        self.criteria = [(c["id"], float(c["max_score"])) for c in rnd["criteria"]]
        expect(client.request("POST", f"{API}/competitions/{cid}/open", {}, officer.token),
               200, "open competition")

        def enter(lead: User) -> int:
            for n in range(ENTRIES_PER_LEAD):
                idea = expect(client.request("POST", f"{API}/ideas", {
                    "title": f"Dự án {lead.email.split('-')[0]} số {n}",
                    "summary": "Tóm tắt", "sector": "agriculture", "stage": "idea",
                    "visibility": "private"}, lead.token), 201, "create entry idea")
                expect(client.request("POST", f"{API}/ideas/{idea['id']}/submit", {},
                                      lead.token), 200, "submit idea")
                expect(client.request("POST", f"{API}/competitions/{cid}/entries",
                                      {"idea_id": idea["id"]}, lead.token), 201, "enter idea")
            return ENTRIES_PER_LEAD

        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            entries = sum(pool.map(enter, leads))
        for judge in judges:
            expect(client.request("POST", f"{API}/competitions/{cid}/judges",
                                  {"user_id": judge.id}, officer.token), 201, "add judge")
        expect(client.request("POST", f"{API}/competitions/{cid}/start-judging", {},
                              officer.token), 200, "start judging")
        assigned = expect(client.request("POST", f"{API}/rounds/{rnd['id']}/auto-assign",
                                         {"seed": self.args.seed}, officer.token),
                          200, "auto-assign")
        if assigned["short"]:
            raise Failure(f"setup: entries short of judges: {assigned['short']}")
        by_id = {j.id: j for j in judges}
        self.assignments = [Assignment(a["id"], by_id[a["judge_id"]])
                            for a in assigned["assignments"]]
        if len(self.assignments) != entries * JUDGES_PER_ENTRY:
            raise Failure(f"setup: {len(self.assignments)} assignments, "
                          f"expected {entries * JUDGES_PER_ENTRY}")
        log(f"setup: {len(everyone) + 1} users, {entries} entries, "
            f"{len(self.assignments)} assignments in {time.monotonic() - started:.1f} s")

    # --- load ------------------------------------------------------------------------------

    def send(self, client: Http, kind: str, method: str, path: str, body=None,
             token: str | None = None, headers: dict | None = None) -> Response | None:
        """One load request, counted; None when stopped or when no response came."""
        st = self.state
        with st.lock:
            if st.stopped:
                return None
            st.in_flight += 1
            st.in_flight_kinds[kind] = st.in_flight_kinds.get(kind, 0) + 1
            st.requests += 1
        try:
            resp = client.request(method, path, body, token, headers)
        except ConnError as error:
            with st.lock:
                st.in_flight -= 1
                st.in_flight_kinds[kind] -= 1
                st.conn_errors += 1
                if not st.killed:
                    st.conn_errors_before_kill.append(f"{kind}: {error}")
            return None
        with st.lock:
            st.in_flight -= 1
            st.in_flight_kinds[kind] -= 1
            if st.killed:
                st.responses_after_kill += 1
            key = (kind, resp.status)
            st.statuses[key] = st.statuses.get(key, 0) + 1
            if not resp.ok() and len(st.unexpected) < 20:
                st.unexpected.append(f"{kind} {method} {path}: {resp.status} {resp.body}")
        return resp

    def create_idea(self, client: Http, worker: int, n: int) -> None:
        creator = self.creators[worker]
        title = f"Ý tưởng bền vững {self.tag} w{worker} n{n}"
        resp = self.send(client, "idea", "POST", f"{API}/ideas", {
            "title": title, "summary": "Kiểm tra độ bền dữ liệu", "sector": "technology",
            "stage": "idea", "visibility": "private", "tags": ["durability", f"w{worker}"]},
            creator.token)
        if resp is not None and resp.ok():
            if resp.status != 201 or not isinstance(resp.body, dict) or "id" not in resp.body:
                with self.state.lock:
                    self.state.errors.append(f"idea create answered {resp.status}: {resp.body}")
                return
            with self.state.lock:
                self.state.ideas.append((resp.body["id"], title, creator))

    def score_sheet(self, client: Http, a: Assignment, rng: random.Random) -> None:
        scores = {cid: rng.randint(0, int(2 * top)) / 2 for cid, top in self.criteria}
        comment = f"Góp ý {a.id[-12:]} {rng.randint(0, 10**6)}"
        resp = self.send(client, "sheet-save", "PUT", f"{API}/assignments/{a.id}/sheet", {
            "scores": [{"criterion_id": c, "value": v} for c, v in scores.items()],
            "comment": comment}, a.judge.token)
        if resp is None or not resp.ok():
            return
        version = resp.body.get("version") if isinstance(resp.body, dict) else None
        with self.state.lock:
            self.state.drafts[a.id] = (a.judge, scores, comment)
        resp = self.send(client, "sheet-submit", "POST",
                         f"{API}/assignments/{a.id}/sheet/submit", {}, a.judge.token,
                         {"If-Match": f'"{version}"'} if version is not None else None)
        if resp is not None and resp.ok():
            with self.state.lock:
                self.state.submitted[a.id] = (a.judge, scores, comment)

    def worker(self, worker: int, client: Http) -> None:
        rng = random.Random(self.args.seed * 1000 + worker)
        n = 0
        try:
            while not self.state.stopped:
                with self.state.lock:
                    a = self.state.queue.pop() if self.state.queue and rng.random() < 0.35 \
                        else None
                if a is not None:
                    self.score_sheet(client, a, rng)
                else:
                    n += 1
                    self.create_idea(client, worker, n)
        except Exception as error:  # noqa: BLE001 - a bug in this driver must fail the test
            with self.state.lock:
                self.state.errors.append(f"worker {worker}: {type(error).__name__}: {error}")

    def load(self) -> None:
        st = self.state
        st.queue = list(self.assignments)
        self.rng.shuffle(st.queue)
        total_sheets = len(st.queue)
        client = Http(self.server.port, persistent=True)
        # Kill between min_kill and max_kill seconds in, earlier when the sheets run low so
        # that some are still being scored when the server dies.
        min_kill, kill_at, max_kill = 1.0, self.rng.uniform(3.0, 6.0), 20.0
        threads = [threading.Thread(target=self.worker, args=(i, client), daemon=True)
                   for i in range(LOAD_THREADS)]
        started = time.monotonic()
        for t in threads:
            t.start()
        while True:
            time.sleep(0.005)
            elapsed = time.monotonic() - started
            with st.lock:
                acked = bool(st.ideas) and bool(st.submitted)
                due = (elapsed >= kill_at and acked) or elapsed >= max_kill or (
                    elapsed >= min_kill and acked and len(st.queue) <= total_sheets // 4)
                if due and (st.in_flight > 0 or elapsed >= max_kill + 5):
                    # Under the lock: no request starts or finishes while the count is taken.
                    self.server.sigkill()
                    st.killed = st.stopped = True
                    st.in_flight_at_kill = st.in_flight
                    st.in_flight_kinds_at_kill = {k: v for k, v in st.in_flight_kinds.items()
                                                  if v}
                    break
        code = self.server.reap()
        for t in threads:
            t.join(timeout=REQUEST_TIMEOUT + 5)
        if any(t.is_alive() for t in threads):
            raise Failure("load threads still running after the kill")
        self.kill_elapsed = elapsed
        kinds = ", ".join(f"{v} {k}" for k, v in sorted(st.in_flight_kinds_at_kill.items()))
        log(f"load: SIGKILL at {elapsed:.2f} s after {st.requests} requests; "
            f"{st.in_flight_at_kill} in flight ({kinds or 'none'}), "
            f"{st.conn_errors} got no response, {st.responses_after_kill} answered anyway; "
            f"server exit status {code}")
        if code != -signal.SIGKILL:
            raise Failure(f"the server did not die of SIGKILL (exit status {code})")
        if st.in_flight_at_kill == 0:
            raise Failure("no request was in flight when the server was killed")
        if st.errors:
            raise Failure("load: " + "; ".join(st.errors[:10]))
        if st.conn_errors_before_kill:
            raise Failure("load: requests failed before the kill: "
                          + "; ".join(st.conn_errors_before_kill[:10]))
        if not st.ideas or not st.submitted:
            raise Failure(f"the load acknowledged {len(st.ideas)} ideas and "
                          f"{len(st.submitted)} submitted sheets: nothing to check")
        fives = {k: v for k, v in st.statuses.items() if k[1] >= 500}
        if fives:
            log(f"WARNING: 5xx answers during the load: {fives}")
        others = {f"{k[0]} {k[1]}": v for k, v in st.statuses.items() if not 200 <= k[1] < 300}
        if others:
            log(f"non-2xx answers during the load: {others}; first: {st.unexpected[:3]}")

    # --- verification ----------------------------------------------------------------------

    def verify(self) -> list[str]:
        st = self.state
        self.server.start()
        log(f"restart: ready on port {self.server.port}")
        client = Http(self.server.port, persistent=True)

        def get(path: str, token: str) -> Response:
            try:
                return client.request("GET", path, token=token)
            except ConnError:  # a keep-alive connection closed while idle: GET again
                return client.request("GET", path, token=token)

        ideas = list(st.ideas)

        def check_idea(item) -> str | None:
            idea_id, title, creator = item
            resp = get(f"{API}/ideas/{idea_id}", creator.token)
            if resp.status != 200:
                return f"idea {idea_id} ({title!r}): GET answered {resp.status} {resp.body}"
            if resp.body.get("title") != title:
                return f"idea {idea_id}: title {resp.body.get('title')!r}, expected {title!r}"
            return None

        def check_sheet(item) -> str | None:
            assignment_id, (judge, scores, comment), must_be_submitted = item
            resp = get(f"{API}/assignments/{assignment_id}/sheet", judge.token)
            if resp.status != 200:
                return f"sheet {assignment_id}: GET answered {resp.status} {resp.body}"
            body = resp.body
            wanted = ("submitted",) if must_be_submitted else ("draft", "submitted")
            found = {s["criterion_id"]: float(s["value"]) for s in body.get("scores", [])}
            problems = []
            if body.get("status") not in wanted:
                problems.append(f"status {body.get('status')!r}, expected {' or '.join(wanted)}")
            if found != scores:
                problems.append(f"scores {found}, expected {scores}")
            if body.get("comment") != comment:
                problems.append(f"comment {body.get('comment')!r}, expected {comment!r}")
            if must_be_submitted and not body.get("submitted_at"):
                problems.append("no submitted_at")
            return f"sheet {assignment_id}: " + "; ".join(problems) if problems else None

        sheets = [(a, v, True) for a, v in st.submitted.items()]
        sheets += [(a, v, False) for a, v in st.drafts.items() if a not in st.submitted]
        missing: list[str] = []
        with concurrent.futures.ThreadPoolExecutor(LOAD_THREADS) as pool:
            for result in pool.map(check_idea, ideas):
                if result:
                    missing.append(result)
            for result in pool.map(check_sheet, sheets):
                if result:
                    missing.append(result)
        # The restarted server still takes writes.
        resp = Http(self.server.port, persistent=False).request("POST", f"{API}/ideas", {
            "title": f"Sau khởi động lại {self.tag}", "summary": "Kiểm tra",
            "sector": "technology", "stage": "idea", "visibility": "private"},
            self.creators[0].token)
        if resp.status != 201:
            missing.append(f"a new idea after the restart answered {resp.status} {resp.body}")
        return missing

    def run(self) -> int:
        started = time.monotonic()
        try:
            self.setup()
            self.load()
            missing = self.verify()
        except Failure as failure:
            print(f"durability {self.args.backend}: FAILED: {failure}", flush=True)
            print(self.server.tail(), file=sys.stderr, flush=True)
            return 1
        except KeyboardInterrupt:
            print(f"durability {self.args.backend}: interrupted", flush=True)
            return 130
        finally:
            self.server.stop()
        st = self.state
        drafts_only = len([a for a in st.drafts if a not in st.submitted])
        if missing:
            print(f"durability {self.args.backend}: FAILED: {len(missing)} of "
                  f"{len(st.ideas)} ideas and {len(st.submitted)} submitted sheets "
                  f"(+{drafts_only} saved drafts) acknowledged before SIGKILL are missing or "
                  f"changed after restart:", flush=True)
            for line in missing[:50]:
                print(f"  missing: {line}", flush=True)
            if len(missing) > 50:
                print(f"  … and {len(missing) - 50} more", flush=True)
            print(self.server.tail(), file=sys.stderr, flush=True)
            return 1
        print(f"durability {self.args.backend}: {len(st.ideas)} ideas and "
              f"{len(st.submitted)} sheets (+{drafts_only} drafts) acknowledged before SIGKILL "
              f"at {self.kill_elapsed:.1f} s ({st.in_flight_at_kill} requests in flight), "
              f"all present after restart [{time.monotonic() - started:.0f} s, "
              f"seed {self.args.seed}]", flush=True)
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", required=True, help="name shown in the summary")
    parser.add_argument("--bin", required=True, help="the api binary")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--workdir", required=True, help="temp dir: logs, DATA_DIR, pid file")
    parser.add_argument("--seed", type=int,
                        default=int(os.environ.get("DURABILITY_SEED", "0") or 0)
                        or random.randrange(1, 10**6))
    args = parser.parse_args()
    # SIGTERM (from `timeout` or the wrapper) fails the run, which stops the server.
    def terminated(*_):
        raise Failure("terminated by SIGTERM (the time limit of scripts/durability.sh?)")

    signal.signal(signal.SIGTERM, terminated)
    return Durability(args).run()


if __name__ == "__main__":
    sys.exit(main())
