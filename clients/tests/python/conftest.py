"""A real server for the journey: the api binary on a fresh SQLite file and a free port, with
its first administrator created by `api create-admin`, as an operator would."""

import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[3]
ADMIN_EMAIL = "quantri@sokhcn.sonla.gov.vn"
ADMIN_PASSWORD = "mật khẩu quản trị đủ dài"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    api = os.environ.get("API_BIN", str(ROOT / "target" / "debug" / "api"))
    work = tempfile.mkdtemp(prefix="sonla-journey-")
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DATABASE_URL": f"sqlite://{work}/journey.db",
        "DATA_DIR": work,
        "BIND_ADDRESS": f"127.0.0.1:{port}",
        "RUST_LOG": "warn",
        # One address makes every request of the journey: the limits are raised, as the
        # README advises for tests.
        "RATE_LIMIT_PER_MINUTE": "100000",
        "RATE_LIMIT_BURST": "100000",
        "AUTH_RATE_LIMIT_PER_MINUTE": "100000",
        "AUTH_RATE_LIMIT_BURST": "100000",
    }
    subprocess.run(
        [api, "create-admin", "--email", ADMIN_EMAIL, "--name", "Quản trị viên"],
        env={**env, "ADMIN_PASSWORD": ADMIN_PASSWORD},
        check=True,
        capture_output=True,
    )
    log = open(Path(work) / "server.log", "wb")
    process = subprocess.Popen([api, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/health/ready").status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError(f"the server did not start; see {work}/server.log")
    yield base
    process.terminate()
    process.wait(timeout=10)
    log.close()
