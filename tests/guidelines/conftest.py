import pytest
from django.contrib.auth.models import Group
from django.test import Client

from guidelines.factories import RegionalAdaptationPageFactory, entry
from guidelines.permissions import setup_permissions

from .test_content_format import DOCUMENT, SITE, write


@pytest.fixture
def midtjylland_adaptation(regions, national):
    """Midtjylland supplements 'maalgruppe' and replaces 'opfoelgning'."""
    return RegionalAdaptationPageFactory(
        parent=regions["midtjylland"],
        document=national,
        based_on=national.edition_list[-1],
        title="Model for forløbsprogrammer i Region Midtjylland",
        sections=[
            entry("maalgruppe", text="<p>I Midtjylland også unge fra 16 år.</p>"),
            entry(
                "opfoelgning",
                mode="replaced",
                text="<p>Følg op hvert halve år på det fælles møde.</p>",
                reason="Regionens samarbejdsaftale har kortere interval.",
            ),
        ],
    )


@pytest.fixture
def content(tmp_path):
    """A content folder with a site and one document (test_content_format's SITE
    and DOCUMENT), not yet imported."""
    content = tmp_path / "content"
    content.mkdir()
    write(content, "site.yaml", SITE)
    write(content, "doc.yaml", DOCUMENT)
    return content


@pytest.fixture
def csrf_login(django_user_model, regions):
    """login(username, group): an admin client that enforces CSRF, as a browser's
    requests meet it, for a new user in the named group. The groups and workflows
    are set up at the first login, once the test's pages exist."""

    def login(username, group):
        if not Group.objects.filter(name=group).exists():
            setup_permissions()
        user = django_user_model.objects.create_user(username, password="x")
        user.groups.set(Group.objects.filter(name=group))
        assert user.groups.exists(), group
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        return client

    return login
