from pathlib import Path

import pytest
from wagtail.models import Page, Site

from guidelines.content import import_content
from guidelines.factories import GuidanceIndexPageFactory
from home.factories import HomePageFactory

DEMO_CONTENT = Path(__file__).resolve().parent.parent / "content" / "demo"


@pytest.fixture
def home(db):
    """A home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    welcome.delete()
    return home


@pytest.fixture
def guidance_index(home):
    return GuidanceIndexPageFactory(parent=home)


@pytest.fixture
def demo_site(db, settings):
    """The demo content, loaded exactly as `make run` loads it."""
    import_content(DEMO_CONTENT)
    Site.objects.filter(is_default_site=True).update(hostname="testserver")
    return Site.objects.get(is_default_site=True).root_page.specific
