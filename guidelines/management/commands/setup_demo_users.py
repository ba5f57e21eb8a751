"""Demo users, one per role, so that the demo can be tried from every side.

Run after `setup_permissions` (as `make demo` does): the users are put in the
groups it makes. Safe to run again: the users are made to match the list
below (one group each, superuser only for `admin`).

Passwords: with DEBUG on, every run gives each user a fresh random password
and prints it. With DEBUG off nothing is printed and no password is set, so a
new demo user cannot log in until someone gives it one with
`manage.py changepassword <user>` (a password set that way is left alone by
later runs without DEBUG).
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from guidelines.models import Region
from guidelines.permissions import NATIONAL_EDITORS, REGION_EDITORS, REGION_MODERATORS


def demo_users():
    """(username, role, group name or None for the superuser), one per role. The
    regional group names are built from the regions' names, as setup_permissions does."""
    names = dict(Region.objects.values_list("slug", "name"))
    users = [
        ("admin", "Administrator (superbruger)", None),
        ("national", "National redaktør", str(NATIONAL_EDITORS)),
    ]
    for prefix, slug in (("midt", "midtjylland"), ("syd", "syddanmark")):
        region = {"region": names[slug]}
        users += [
            (f"{prefix}-redaktoer", f"Redaktør, {names[slug]}", str(REGION_EDITORS % region)),
            (f"{prefix}-moderator", f"Moderator, {names[slug]}", str(REGION_MODERATORS % region)),
        ]
    return users


class Command(BaseCommand):
    help = (
        "Opretter en demobruger pr. rolle (administrator, national redaktør, redaktør og "
        "moderator i Region Midtjylland og Region Syddanmark). Med DEBUG slået til får "
        "brugerne nye tilfældige adgangskoder, som udskrives; ellers sættes ingen. "
        "Kør setup_permissions først. Kan køres igen uden skade."
    )

    @transaction.atomic
    def handle(self, **options):
        users = demo_users()
        missing = [group for _u, _r, group in users if group and not _group_exists(group)]
        if missing:
            raise CommandError(
                "Grupperne findes ikke endnu: "
                + ", ".join(f"“{name}”" for name in missing)
                + ". Kør først: manage.py setup_permissions"
            )
        show_passwords = settings.DEBUG
        rows = []
        for username, role, group in users:
            password = secrets.token_urlsafe(12) if show_passwords else None
            _make_user(username, role, group, password)
            rows.append((username, role, password))

        self.stdout.write(self.style.SUCCESS(f"{len(rows)} demobrugere er sat op."))
        header = ("bruger", "rolle", "adgangskode") if show_passwords else ("bruger", "rolle")
        self._table([header] + [row if show_passwords else row[:2] for row in rows])
        if not show_passwords:
            self.stdout.write(
                "Demobrugernes adgangskoder vises kun med DEBUG slået til. Giv en bruger en "
                "adgangskode med: manage.py changepassword <bruger>"
            )

    def _table(self, rows):
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for number, row in enumerate(rows):
            self.stdout.write(
                "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
            if number == 0:
                self.stdout.write("  ".join("-" * w for w in widths))


def _group_exists(name):
    return Group.objects.filter(name=name).exists()


def _make_user(username, role, group, password):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.invalid"}
    )
    user.first_name, user.last_name = "Demo", role
    user.is_active = True
    user.is_superuser = user.is_staff = group is None
    if password is not None:
        user.set_password(password)
    elif created:
        user.set_unusable_password()
    user.save()
    user.groups.set([Group.objects.get(name=group)] if group else [])
    return user
