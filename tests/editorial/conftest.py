"""Regional staff of the demo, as `make demo` sets them up: groups from
setup_permissions(), users who are plain members of them (never superusers)."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Locale

from guidelines.models import RegionPage
from guidelines.permissions import setup_permissions

MIDT_EDITORS = "Region Midtjylland – redaktører"
MIDT_MODERATORS = "Region Midtjylland – moderatorer"
NATIONAL_EDITORS = "Nationale redaktører"
SIDEBAR = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S
)


@pytest.fixture
def staff(demo_site, django_user_model):
    """A logged-in admin client per role (`client.user` is the user)."""
    setup_permissions()

    def login(username, group_name=None, **extra):
        user = django_user_model.objects.create_user(username, password="x", **extra)
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        client = Client()
        client.force_login(user)
        client.user = user
        return client

    return {
        "editor": login("midt-redaktoer", MIDT_EDITORS),
        "moderator": login("midt-moderator", MIDT_MODERATORS),
        "national": login("national-redaktoer", NATIONAL_EDITORS),
        "admin": login("admin", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def midt(demo_site):
    """Region Midtjylland's page in Danish and in English."""
    danish = RegionPage.objects.get(slug="midtjylland", locale=Locale.get_default())
    return danish, danish.get_translation(Locale.objects.get(language_code="en"))


def sidebar_items(response):
    """(label, url) of every item in the admin's sidebar menu, submenus included,
    and the page explorer's start page id."""
    props = json.loads(SIDEBAR.search(response.content.decode()).group(1))
    items, start = [], None
    stack = [props]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                start = node["_args"][1]
            if "label" in node:
                items.append((node["label"], node.get("url")))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return items, start
