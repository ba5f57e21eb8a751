"""Login throttling (django-axes): too many wrong passwords lock the account.

Through the admin's real login page, with its CSRF token, as a browser logs in.
"""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "rigtig-adgangskode-1"
LOCKED = "Kontoen er spærret efter for mange forkerte adgangskoder"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktoer", password=PASSWORD)


def log_in(client, password, username="redaktoer"):
    assert client.get(LOGIN).status_code == 200
    return client.post(
        LOGIN,
        {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            "next": "/admin/",
        },
    )


def logged_in(client):
    return client.get("/admin/").status_code == 200


def test_twenty_wrong_passwords_lock_the_account_and_the_lockout_is_logged(editor, caplog):
    client = Client(enforce_csrf_checks=True)
    with caplog.at_level(logging.WARNING):
        for attempt in range(20):
            response = log_in(client, f"forkert-{attempt}")
            assert response.status_code in (200, 429), attempt
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    # The admin's login page, in Danish, saying why: not a bare 403 in English.
    assert 'class="login-form"' in html and LOCKED in html
    assert "30 minutter" in html
    assert not logged_in(client)
    # Logged, with the username, and in axes' own records.
    lockouts = [r for r in caplog.records if r.name == "core.login"]
    assert lockouts and "'redaktoer'" in lockouts[0].getMessage()
    assert lockouts[0].levelno == logging.WARNING
    assert any("Locking out" in r.getMessage() for r in caplog.records if r.name.startswith("axes"))
    attempt = AccessAttempt.objects.get(username="redaktoer")
    assert attempt.failures_since_start == 21  # the right password counts too, while locked
    assert PASSWORD not in attempt.post_data and "forkert" not in attempt.post_data


def test_the_lock_holds_for_the_account_from_anywhere(editor):
    attacker = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.7")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, f"forkert-{attempt}")
    editor_browser = Client(
        enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.2", HTTP_USER_AGENT="Editor's browser"
    )
    response = log_in(editor_browser, PASSWORD)
    assert response.status_code == 429 and LOCKED in response.content.decode()


def test_fewer_wrong_passwords_than_the_limit_then_the_right_one_logs_in(editor):
    client = Client(enforce_csrf_checks=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, f"forkert-{attempt}")
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)
    # A successful login forgets the mistakes.
    assert not AccessAttempt.objects.filter(username="redaktoer").exists()


def test_the_lock_ends_after_the_cool_off(editor):
    client = Client(enforce_csrf_checks=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"forkert-{attempt}")
    assert log_in(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    )
    assert log_in(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_expired_records_are_deleted_by_the_cleanup_command(editor):
    client = Client(enforce_csrf_checks=True)
    log_in(client, "forkert")
    log_in(client, "forkert", username="en-anden")
    AccessAttempt.objects.filter(username="redaktoer").update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    )
    call_command("expire_login_attempts", verbosity=0)
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["en-anden"]


def test_django_admin_login_names_the_lockout_too(editor):
    client = Client(enforce_csrf_checks=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"forkert-{attempt}")
    form = client.get("/django-admin/login/")
    response = client.post(
        "/django-admin/login/",
        {
            "username": "redaktoer",
            "password": PASSWORD,
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    assert form.status_code == 200
    assert response.status_code == 429 and LOCKED in response.content.decode()


def test_one_address_trying_many_accounts_is_locked_out(editor):
    attacker = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.7")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, "gaet", username=f"bruger-{attempt}")
    assert log_in(attacker, PASSWORD).status_code == 429
    # The editor, elsewhere, is not: the account itself had no failed logins.
    elsewhere = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.2")
    assert log_in(elsewhere, PASSWORD).status_code == 302
