"""Settings come from the environment; production refuses to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def settings_value(module, expression, **env):
    """Evaluate `expression` against a freshly imported settings module in a new process."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATA_DIR"}}
    environment.update(env)
    code = f"import sys; sys.path[:0] = ['.', 'site']; import {module} as s; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    return result


def test_defaults_give_sqlite_in_data_dir(tmp_path):
    result = settings_value(
        "settings.dev",
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
        DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout and str(tmp_path / "db.sqlite3") in result.stdout


def test_database_url_selects_postgresql(tmp_path):
    result = settings_value(
        "settings.dev",
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://u@db.example:5432/vejledning",
        DATA_DIR=str(tmp_path),
    )
    assert "postgresql" in result.stdout and "vejledning" in result.stdout


def test_redis_url_selects_the_redis_cache(tmp_path):
    result = settings_value(
        "settings.dev",
        "s.CACHES['default']['BACKEND']",
        REDIS_URL="redis://127.0.0.1:6379/1",
        DATA_DIR=str(tmp_path),
    )
    assert "RedisCache" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_secret_or_hosts(tmp_path, missing):
    env = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "vejledning.example", "DATA_DIR": str(tmp_path)}
    env[missing] = ""
    result = settings_value("settings.production", "s.DEBUG", **env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_passes_the_deployment_checklist(tmp_path):
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        SECRET_KEY="a-long-random-secret-key-for-the-deploy-check-0123456789abcdef",
        ALLOWED_HOSTS="vejledning.example",
        DATA_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_several_machines_share_sessions_files_and_the_task_queue(tmp_path):
    """With Redis and a bucket named, sessions go through the shared cache, media to
    the bucket, and production queues tasks for the worker."""
    env = {
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "vejledning.example",
        "DATA_DIR": str(tmp_path),
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "AWS_STORAGE_BUCKET_NAME": "vejledning-media",
        "AWS_S3_ENDPOINT_URL": "http://objects.example:9000",
    }
    result = settings_value(
        "settings.production",
        "s.SESSION_ENGINE, s.STORAGES['default']['BACKEND'], "
        "s.STORAGES['default']['OPTIONS']['endpoint_url'], s.TASKS['default']['BACKEND']",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert "cached_db" in result.stdout and "storages.backends.s3.S3Storage" in result.stdout
    assert "http://objects.example:9000" in result.stdout
    assert "django_tasks_db.DatabaseBackend" in result.stdout


def test_the_embedded_run_keeps_files_on_disk_and_runs_tasks_at_once(tmp_path):
    result = settings_value(
        "settings.dev",
        "getattr(s, 'SESSION_ENGINE', 'db'), s.STORAGES['default']['BACKEND'], "
        "s.TASKS['default']['BACKEND']",
        DATA_DIR=str(tmp_path),
    )
    assert "FileSystemStorage" in result.stdout and "ImmediateBackend" in result.stdout
    assert "cached_db" not in result.stdout
