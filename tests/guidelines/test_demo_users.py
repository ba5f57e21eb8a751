"""`manage.py setup_demo_users`: one demo user per role, passwords only with DEBUG."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from guidelines.permissions import setup_permissions

EXPECTED = {
    "admin": None,
    "national": "Nationale redaktører",
    "midt-redaktoer": "Region Midtjylland – redaktører",
    "midt-moderator": "Region Midtjylland – moderatorer",
    "syd-redaktoer": "Region Syddanmark – redaktører",
    "syd-moderator": "Region Syddanmark – moderatorer",
}


@pytest.fixture
def groups(regions):
    setup_permissions()


def run():
    out = StringIO()
    call_command("setup_demo_users", stdout=out)
    return out.getvalue()


def table(output):
    """The printed table's rows after the header, by user: the other cells."""
    rows = {}
    for line in output.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if cells[0] in EXPECTED:
            rows[cells[0]] = cells[1:]
    return rows


def logs_in(username, password):
    """Whether `password` logs `username` in, through the admin's login page as a
    browser does (django-axes needs the request, which Client.login does not give)."""
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    client.post(
        "/admin/login/",
        {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    return "_auth_user_id" in client.session


def group_names(username):
    user = get_user_model().objects.get(username=username)
    return sorted(user.groups.values_list("name", flat=True))


def test_with_debug_every_role_gets_a_password_that_logs_in(groups, settings):
    settings.DEBUG = True
    rows = table(run())
    assert set(rows) == set(EXPECTED)
    for username, group in EXPECTED.items():
        role, password = rows[username]
        assert logs_in(username, password), username
        assert group_names(username) == ([group] if group else [])
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert not get_user_model().objects.filter(is_superuser=True).exclude(username="admin")


def test_without_debug_no_password_is_printed_or_usable(groups, settings):
    settings.DEBUG = False
    output = run()
    rows = table(output)
    assert set(rows) == set(EXPECTED)
    assert all(len(cells) == 1 for cells in rows.values()), output  # the role, nothing else
    assert "kun med DEBUG" in output and "manage.py changepassword <bruger>" in output
    for username, group in EXPECTED.items():
        user = get_user_model().objects.get(username=username)
        assert not user.has_usable_password()
        assert not logs_in(username, "")
        assert group_names(username) == ([group] if group else [])


def test_running_again_gives_new_passwords_and_changes_nothing_else(groups, settings):
    settings.DEBUG = True
    first = table(run())
    second = table(run())
    assert get_user_model().objects.count() == len(EXPECTED)
    for username, group in EXPECTED.items():
        assert first[username][1] != second[username][1]
        assert not logs_in(username, first[username][1])
        assert logs_in(username, second[username][1])
        assert group_names(username) == ([group] if group else [])

    # Without DEBUG a later run leaves a password alone (e.g. one set with changepassword).
    settings.DEBUG = False
    run()
    assert logs_in("national", second["national"][1])


def test_a_changed_user_is_put_right(groups, settings):
    settings.DEBUG = False
    run()
    user = get_user_model().objects.get(username="midt-redaktoer")
    user.is_superuser = True
    user.save()
    user.groups.clear()
    run()
    user.refresh_from_db()
    assert not user.is_superuser
    assert group_names("midt-redaktoer") == [EXPECTED["midt-redaktoer"]]


def test_without_the_groups_it_says_to_run_setup_permissions_first(regions):
    with pytest.raises(CommandError, match="setup_permissions"):
        run()
    assert not get_user_model().objects.exists()
