"""/api/v1/changes/: what was published or released after a moment, newest first,
with the same ids and addresses as the rest of the API; never a draft, an
unpublished or a private page; a malformed moment is 422."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from guidelines.editions.release import release_edition
from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory, text
from guidelines.models import GuidanceDocumentPage

pytestmark = pytest.mark.django_db

CHANGES = "/api/v1/changes/"


def changes(client, since, **params):
    response = client.get(CHANGES, {"since": since.isoformat(), **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


def ids(found, kind=None):
    return [item["id"] for item in found["items"] if kind is None or item["kind"] == kind]


@pytest.fixture
def document(demo_site):
    return GuidanceDocumentPage.objects.get(slug="dobbeltdiagnose", locale__language_code="da")


def test_a_released_edition_is_listed_since_a_moment_before_it_not_after(client, document):
    before = timezone.now()
    edition = release_edition(
        document,
        label="3. udgave, 2026",
        effective_date=datetime.date(2026, 9, 1),
        change_summary="Ny udgave.",
    )
    after = timezone.now() + datetime.timedelta(seconds=1)

    found = changes(client, before)
    item = next(i for i in found["items"] if i["kind"] == "edition")
    assert item == {
        "kind": "edition",
        "id": "dobbeltdiagnose/3-udgave-2026",
        "title": f"{document.title}: 3. udgave, 2026",
        "time": item["time"],
        "url": "http://testserver/vejledninger/dobbeltdiagnose/udgaver/3-udgave-2026/",
        "api_url": "http://testserver/api/v1/documents/dobbeltdiagnose/editions/3-udgave-2026/",
    }
    # To the millisecond (JSON's precision): as the next `since`, it lists the
    # edition again rather than miss anything released in the same second.
    time = datetime.datetime.fromisoformat(item["time"])
    assert datetime.timedelta(0) <= edition.released_at - time < datetime.timedelta(milliseconds=1)
    assert client.get(item["api_url"]).json()["label"] == "3. udgave, 2026"
    assert client.get(item["url"]).status_code == 200
    assert "dobbeltdiagnose/3-udgave-2026" not in ids(changes(client, after))
    # The English document shows its original's editions, and so does its feed.
    english = changes(client, before, lang="en")
    assert ids(english, "edition") == ["dobbeltdiagnose/3-udgave-2026"]
    assert english["items"][0]["url"].startswith("http://testserver/en/")


def test_published_pages_are_listed_newest_first_with_their_ids(client, document):
    before = timezone.now()
    first = document.get_children().get(slug="maalgruppe").specific
    first.save_revision().publish()
    second = document.get_children().get(slug="om-retningslinjerne").specific
    second.save_revision().publish()
    release_edition(
        document,
        label="3. udgave, 2026",
        effective_date=datetime.date(2026, 9, 1),
        change_summary="Ny udgave.",
    )

    found = changes(client, before)
    assert ids(found)[:3] == [
        "dobbeltdiagnose/3-udgave-2026",
        "dobbeltdiagnose/om-retningslinjerne",
        "dobbeltdiagnose/maalgruppe",
    ]
    times = [item["time"] for item in found["items"]]
    assert times == sorted(times, reverse=True)
    section = found["items"][2]
    assert section["kind"] == "section" and section["title"] == "Målgruppe"
    assert section["url"] == "http://testserver/vejledninger/dobbeltdiagnose/maalgruppe/"
    assert client.get(section["api_url"]).json()["id"] == "dobbeltdiagnose/maalgruppe"


def test_the_whole_feed_pages_with_every_kind_under_the_api_ids(client, document):
    everything = changes(client, datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC), limit=100)
    assert everything["count"] > 20
    first = {}
    for item in everything["items"]:
        first.setdefault(item["kind"], item)
    assert first.keys() == {"document", "section", "adaptation", "case", "meeting", "edition"}
    for item in first.values():
        # The object's own endpoint knows it by the same id; its page is there.
        assert client.get(item["api_url"]).json()["id"] == item["id"], item
        assert client.get(item["url"]).status_code == 200, item
    second = client.get(everything["next"]).json() if everything["next"] else {"items": []}
    assert not set(ids(everything)) & set(ids(second))
    small = changes(client, datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC), limit=5, offset=3)
    assert ids(small) == ids(everything)[3:8]


def test_drafts_unpublished_and_private_pages_never_appear(client, document):
    before = timezone.now()
    section = document.get_children().get(slug="maalgruppe").specific
    section.body = [text("<p>Kladde.</p>")]
    section.save_revision()  # a draft of a page last published before `before`
    gone = GuidanceSectionPageFactory(parent=document, slug="trukket-tilbage", title="Væk")
    gone.save_revision().publish()
    gone.unpublish()
    private = GuidanceSectionPageFactory(parent=document, slug="fortrolig", title="Fortrolig")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden = GuidanceDocumentPageFactory(parent=document.get_parent(), slug="skjult-dokument")
    hidden.save_revision().publish()
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    release_edition(
        GuidanceDocumentPage.objects.get(pk=hidden.pk),
        label="1. udgave",
        effective_date=datetime.date(2026, 1, 1),
        change_summary="Første.",
        snapshot={"document": {}, "sections": []},
    )

    found = changes(client, before)
    text_of_answer = str(found)
    assert ids(found) == []
    for secret in ("maalgruppe", "trukket-tilbage", "fortrolig", "skjult-dokument"):
        assert secret not in text_of_answer


@pytest.mark.parametrize(
    "since", [None, "", "igår", "2026-13-01T00:00:00Z", "2026-01-01T25:00:00Z", "1.1.2026"]
)
def test_a_missing_or_malformed_moment_is_422(client, demo_site, since):
    params = {} if since is None else {"since": since}
    response = client.get(CHANGES, params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_a_moment_without_a_time_zone_is_danish_time(client, document):
    document.get_children().get(slug="maalgruppe").specific.save_revision().publish()
    published = timezone.localtime(document.get_children().get(slug="maalgruppe").last_published_at)
    naive = published.replace(tzinfo=None) - datetime.timedelta(seconds=1)
    found = client.get(CHANGES, {"since": naive.isoformat()}).json()
    assert "dobbeltdiagnose/maalgruppe" in ids(found)
    later = (published + datetime.timedelta(seconds=1)).replace(tzinfo=None)
    assert "dobbeltdiagnose/maalgruppe" not in ids(
        client.get(CHANGES, {"since": later.isoformat()}).json()
    )
