"""The site on several machines, on one: two app servers and a worker sharing one
PostgreSQL database, Redis and an S3-compatible object store (moto's server).

Started here as real processes with settings.production, as docs/deploy.md lays
them out. The test publishes through server A's admin and reads through server B,
releases an edition on A and downloads its PDF (made by the worker, kept in the
bucket) from B, and kills B under load while A keeps answering.

Run by `make test-cluster` (and by .ci/run): needs DATABASE_URL naming a PostgreSQL
server (the test makes and drops a database of its own there) and REDIS_URL.
"""

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import boto3
import psycopg
import pytest
import requests
from bs4 import BeautifulSoup

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "klynge-test-adgangskode-1"
BUCKET = "vejledning-cluster"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url.startswith("postgres") or not redis_url:
        pytest.skip("the cluster test needs DATABASE_URL (PostgreSQL) and REDIS_URL")
    parts = urlsplit(database_url)
    name = f"vejledning_cluster_{os.getpid()}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")

    processes = []

    def start(*command, env):
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(process)
        return process

    s3_port = free_port()
    start(str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port), env=dict(os.environ))
    s3_url = f"http://127.0.0.1:{s3_port}"
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="settings.production",
        SECRET_KEY="cluster-test-" + os.urandom(16).hex(),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=urlunsplit(parts._replace(path=f"/{name}")),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"cluster{os.getpid()}",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_url,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="cluster-test",
        AWS_SECRET_ACCESS_KEY="cluster-test",
        TASKS_BACKEND="database",
        DATA_DIR=str(tmp_path_factory.mktemp("cluster")),
        SEARCH_CACHE_DIR=str(ROOT / "var"),
        LOG_LEVEL="WARNING",
    )
    try:
        wait_for(s3_url + "/")  # S3's list of buckets
        bucket = boto3.client(
            "s3",
            endpoint_url=s3_url,
            region_name="us-east-1",
            aws_access_key_id="cluster-test",
            aws_secret_access_key="cluster-test",
        )
        bucket.create_bucket(Bucket=BUCKET)

        def manage(*args):
            subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )

        manage("migrate", "--noinput")
        manage("import_content", "content/demo")
        manage("collectstatic", "--noinput")
        superuser = {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD}
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "createsuperuser",
                "--noinput",
                "--username",
                "klynge",
                "--email",
                "klynge@example.invalid",
            ],
            cwd=ROOT,
            env=superuser,
            check=True,
            stdout=subprocess.DEVNULL,
        )

        servers = {}
        for server in ("A", "B"):
            port = free_port()
            servers[server] = (
                f"http://127.0.0.1:{port}",
                start(
                    str(BIN / "gunicorn"),
                    "-c",
                    "site/gunicorn.conf.py",
                    env={**env, "PORT": str(port), "WEB_CONCURRENCY": "2"},
                ),
            )
        start(
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.2",
            "--no-startup-delay",
            env=env,
        )
        for base, _process in servers.values():
            wait_for(base + "/readyz")
        yield {"servers": servers, "bucket": bucket}
    finally:
        for process in processes:
            with_group(process, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                with_group(process, signal.SIGKILL)
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def with_group(process, sig):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


class Editor:
    """A browser's part in the admin: cookies by hand (production marks them Secure,
    which an http:// client would not send back) and forms posted as rendered."""

    def __init__(self, base):
        self.base = base
        self.http = requests.Session()
        self.cookies = {}

    def request(self, method, path, **kwargs):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        response = self.http.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        return response

    def form(self, path, selector="form[method=post]"):
        page = self.request("GET", path)
        assert page.status_code == 200, (path, page.status_code)
        form = BeautifulSoup(page.text, "html.parser").select_one(selector)
        data = {}
        for field in form.select("input[name], textarea[name], select[name]"):
            kind = field.get("type", "")
            if kind in ("submit", "button", "file") or (
                kind in ("checkbox", "radio") and not field.has_attr("checked")
            ):
                continue
            if field.name == "textarea":
                data[field["name"]] = field.text
            elif field.name == "select":
                chosen = field.select_one("option[selected]") or field.select_one("option")
                data[field["name"]] = chosen.get("value", "") if chosen else ""
            else:
                data[field["name"]] = field.get("value", "")
        return form.get("action") or path, data

    def post(self, path, data):
        return self.request("POST", path, data=data)

    def log_in(self):
        action, data = self.form("/admin/login/")
        data.update(username="klynge", password=PASSWORD)
        response = self.post("/admin/login/", data)
        assert response.status_code == 302, "login failed"


def page_id(editor, query):
    """A page's id, as an editor finds it: the admin's page search."""
    found = editor.request("GET", "/admin/pages/search/", params={"q": query})
    return re.search(r"/admin/pages/(\d+)/edit/", found.text).group(1)


def test_a_publish_on_a_is_read_on_b_within_two_seconds(cluster):
    (a, _), (b, _) = cluster["servers"]["A"], cluster["servers"]["B"]
    about = "/om-platformen/"
    assert requests.get(b + about).status_code == 200
    assert requests.get(b + about).headers.get("X-Page-Cache") == "hit"  # B keeps it

    editor = Editor(a)
    editor.log_in()
    page = page_id(editor, "Om platformen")
    action, data = editor.form(f"/admin/pages/{page}/edit/", "form#page-edit-form")
    new_title = f"Om platformen (ændret {os.getpid()})"
    data["title"] = new_title
    data["action-publish"] = "action-publish"
    published = editor.post(action, data)
    assert published.status_code == 302, published.text[:2000]
    done = time.monotonic()

    while new_title not in requests.get(b + about).text:
        assert time.monotonic() - done < 2, "B still serves the old page after 2 s"
        time.sleep(0.1)
    # And every page of B names it in its footer (the main navigation's tree).
    assert new_title in requests.get(b + "/").text


def test_an_edition_released_on_a_is_downloaded_from_b_out_of_the_bucket(cluster):
    (a, _), (b, _) = cluster["servers"]["A"], cluster["servers"]["B"]
    bucket = cluster["bucket"]
    editor = Editor(a)
    editor.log_in()
    document = page_id(editor, "Model for forløbsprogrammer")
    path = f"/admin/udgaver/frigiv/{document}/"
    action, data = editor.form(path, "form[method=post]")
    data.update(label="Klyngeudgave", effective_date="2026-12-01", change_summary="Prøve.")
    assert editor.post(path, data).status_code == 302

    # The worker makes the PDF and puts it in the bucket.
    deadline = time.monotonic() + 90
    while True:
        keys = [o["Key"] for o in bucket.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
        pdfs = [key for key in keys if key.endswith(".pdf") and "klyngeudgave" in key]
        if pdfs:
            break
        assert time.monotonic() < deadline, f"no PDF in the bucket: {keys}"
        time.sleep(0.5)
    stored = bucket.get_object(Bucket=BUCKET, Key=pdfs[0])["Body"].read()

    document_url = "/vejledninger/forloebsprogrammer/"
    pdf = requests.get(b + document_url + "udgaver/klyngeudgave/pdf/", timeout=60)
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.content == stored and pdf.content.startswith(b"%PDF")


def test_a_keeps_answering_when_b_is_killed_under_load(cluster):
    (a, _), (b, b_process) = cluster["servers"]["A"], cluster["servers"]["B"]
    pages = ["/", "/vejledninger/", "/casebog/", "/casebog/?region=nordjylland", "/soeg/?q=misbrug"]
    answers = {"A": [], "B": []}
    stop = threading.Event()

    def hammer(name, base):
        session = requests.Session()
        while not stop.is_set():
            for path in pages:
                try:
                    answers[name].append(session.get(base + path, timeout=10).status_code)
                except requests.RequestException as error:
                    answers[name].append(type(error).__name__)

    threads = [
        threading.Thread(target=hammer, args=(n, u))
        for n, u in (("A", a), ("B", b))
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    before_kill = len(answers["A"])
    with_group(b_process, signal.SIGKILL)  # B's master and its workers, mid-load
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join(15)

    assert before_kill > 0 and len(answers["A"]) > before_kill  # A went on after B died
    assert set(answers["A"]) == {200}, [x for x in answers["A"] if x != 200][:10]
    assert any(x != 200 for x in answers["B"])  # B really went away
