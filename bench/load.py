"""Load benchmark: the site under gunicorn and settings.production, measured with wrk.

Sets up a throwaway database with the demo content (PostgreSQL when DATABASE_URL
names a server, where it creates and afterwards drops its own database; else a
SQLite file), collects the static files, starts gunicorn on a free loopback port
with one worker per core (REDIS_URL, when set, is the cache), and runs wrk
against a static file and each kind of page in turn. Prints requests per second,
each as a share of the static file's, latency percentiles and any non-2xx answer.

    .venv/bin/python bench/load.py [--seconds 10] [--connections 16] [--page-cache-seconds 0]

Needs wrk (Debian: apt-get install wrk). Loopback only; every run is bounded by
--seconds per address.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# What a reader asks for. The casebook and search carry queries, as readers send them.
ADDRESSES = [
    ("static file", "/static/css/site.css"),
    ("home", "/"),
    ("document", "/vejledninger/dobbeltdiagnose/"),
    ("section", "/vejledninger/dobbeltdiagnose/faelles-udredning/"),
    ("recommendation", "/vejledninger/dobbeltdiagnose/anbefaling/3-1/"),
    ("casebook, two facets", "/casebog/?region=nordjylland&tema=dobbeltdiagnose"),
    ("search", "/soeg/?q=misbrugsbehandling"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database(env):
    """A fresh database URL, and how to drop it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{env['DATA_DIR']}/load.sqlite3", lambda: None
    parts = urlsplit(url)
    name = f"vejledning_load_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))

    def psql(sql):
        subprocess.run(["psql", admin, "-qc", sql], check=True, stdout=subprocess.DEVNULL)

    psql(f"CREATE DATABASE {name}")
    return urlunsplit(parts._replace(path=f"/{name}")), lambda: psql(
        f"DROP DATABASE {name} WITH (FORCE)"
    )


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_until_up(base, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/static/css/site.css", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def run_wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    latency = dict(re.findall(r"\s(50|99)%\s+([\d.]+\w+)", out))
    return rate, int(bad.group(1)) if bad else 0, latency, errors.group(0) if errors else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument(
        "--page-cache-seconds", default="600", help="0 measures every page rendered anew"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    data_dir = tempfile.mkdtemp(prefix="vejledning-load-")
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="settings.production",
        SECRET_KEY="bench-only-" + os.urandom(8).hex(),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATA_DIR=data_dir,
        SEARCH_CACHE_DIR=str(ROOT / "var"),
        LOG_LEVEL="WARNING",
        PAGE_CACHE_SECONDS=args.page_cache_seconds,
    )
    env["DATABASE_URL"], drop = database(env)
    server = None
    try:
        print("Setting up the demo content ...", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "import_content", "content/demo")
        manage(env, "sync_languages")
        manage(env, "rebuild_search_index")
        manage(env, "collectstatic", "--noinput")
        port = free_port()
        server = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "wsgi:application",
                "--chdir",
                str(ROOT / "site"),
                "--pythonpath",
                str(ROOT),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        for _name, path in ADDRESSES:  # each page rendered once (and stored) before measuring
            with urllib.request.urlopen(base + path) as response:
                assert response.status == 200, path

        cores = os.cpu_count()
        print(
            f"\n{cores} cores; gunicorn, {args.workers} workers; wrk {args.connections} "
            f"connections, {args.seconds} s each; database {env['DATABASE_URL'].split(':')[0]}; "
            f"cache {'Redis' if env.get('REDIS_URL') else 'local memory'}, "
            f"pages kept {args.page_cache_seconds} s\n"
        )
        print(f"{'address':24} {'req/s':>8} {'of static':>9} {'p50':>9} {'p99':>9} {'non-2xx':>8}")
        static = None
        failures = 0
        for name, path in ADDRESSES:
            rate, bad, latency, errors = run_wrk(base + path, args.seconds, args.connections)
            static = static or rate
            failures += bad
            print(
                f"{name:24} {rate:8.0f} {rate / static:9.0%} {latency.get('50', '?'):>9} "
                f"{latency.get('99', '?'):>9} {bad:8d} {errors}",
                flush=True,
            )
        if failures:
            raise SystemExit(f"{failures} answers were not 2xx")
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        drop()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
