"""What changed: editions released and regional adaptations published, newest first,
on the home page, at /aendringer/ and in its feed; re-published pages are not listed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageLogEntry

from guidelines.editions.release import release_edition
from guidelines.models import Edition

ATOM = "{http://www.w3.org/2005/Atom}"


def entry_titles(html):
    soup = BeautifulSoup(html, "html.parser")
    return [" ".join(p.get_text().split()) for p in soup.select(".change-entry__title")]


@pytest.fixture
def changes(national, midtjylland_adaptation):
    """The national model's first edition (released a week ago), the Midtjylland
    adaptation published three days ago, a second edition released today, and a
    section re-published since."""
    now = timezone.now()
    Edition.objects.filter(document=national).update(released_at=now - datetime.timedelta(days=7))
    midtjylland_adaptation.save_revision().publish()
    PageLogEntry.objects.filter(page=midtjylland_adaptation, action="wagtail.publish").update(
        timestamp=now - datetime.timedelta(days=3)
    )
    release_edition(
        national,
        label="2. udgave",
        effective_date=timezone.localdate(),
        change_summary="Kortere opfølgning.",
    )
    national.get_children().first().specific.save_revision().publish()
    return national


def test_changes_page_lists_editions_and_regional_publications_newest_first(client, changes):
    response = client.get("/aendringer/")
    assert response.status_code == 200
    titles = entry_titles(response.content.decode())
    first_label = Edition.objects.filter(document=changes).order_by("released_at")[0].label
    assert titles == [
        "Model for forløbsprogrammer: 2. udgave",
        "Model for forløbsprogrammer i Region Midtjylland: Region Midtjylland",
        f"Model for forløbsprogrammer: {first_label}",
    ]
    assert "Kortere opfølgning." in response.content.decode()
    # A re-published section is not an entry of its own.
    assert not any(title.startswith("Målgruppe") for title in titles)


def test_home_page_shows_the_latest_changes_and_links_to_all(client, changes):
    html = client.get("/").content.decode()
    titles = entry_titles(html)
    assert titles[0] == "Model for forløbsprogrammer: 2. udgave"
    assert len(titles) == 3
    assert 'href="/aendringer/"' in html


def test_changes_feed_is_atom_with_the_same_entries(client, changes):
    response = client.get("/aendringer/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles[0] == "Ny udgave: Model for forløbsprogrammer (2. udgave)"
    assert titles[1].startswith("Regional tilpasning: Model for forløbsprogrammer i Region")
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
    assert links[0] == "http://testserver/vejledninger/model/udgaver/2-udgave/"


def test_an_unpublished_adaptation_leaves_the_list(client, changes, midtjylland_adaptation):
    midtjylland_adaptation.unpublish()
    titles = entry_titles(client.get("/aendringer/").content.decode())
    assert len(titles) == 2 and not any("Region Midtjylland" in title for title in titles)


def test_english_changes_page_shows_the_danish_editions_marked_as_danish(demo_site, client):
    response = client.get("/en/aendringer/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    labels = soup.select(".change-entry__title [lang=da]")
    assert labels and all(label.get_text().strip() for label in labels)
