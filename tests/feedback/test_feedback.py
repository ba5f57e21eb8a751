"""Readers say whether a page helped ("Var siden nyttig?") and may add a comment;
editors see what was said about the pages they may edit (issue 18, item 1)."""

import csv
import io
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from wagtail.models import Locale, Page

from casebook.models import CasePage
from core import ratelimit
from feedback.models import PageFeedback
from feedback.views import PER_MINUTE
from guidelines.models import GuidanceSectionPage, RegionalAdaptationPage
from guidelines.permissions import setup_permissions

MIDT_EDITORS = "Region Midtjylland – redaktører"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()  # the rate limit counts in the cache
    yield
    cache.clear()


def widget(client, path):
    """The feedback form's fields as a reader's browser would post them."""
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    form = soup.select_one("[data-page-feedback] form")
    assert form is not None, f"no feedback form on {path}"
    fields = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    return form["action"], {**fields, "website": ""}


def answer(client, path, helpful="nej", website="", **headers):
    action, fields = widget(client, path)
    return client.post(action, {**fields, "helpful": helpful, "website": website}, **headers)


@pytest.fixture
def section(demo_site):
    return GuidanceSectionPage.objects.live().filter(locale=Locale.get_default()).first()


def test_every_page_readers_use_asks_and_no_other(demo_site, client, section):
    case = CasePage.objects.live().filter(locale=Locale.get_default()).first()
    adaptation = RegionalAdaptationPage.objects.live().filter(locale=Locale.get_default()).first()
    document = section.get_parent().specific
    for path in (
        section.url,
        document.url,
        document.url + "anbefaling/3-1/",
        adaptation.url,
        case.url,
        "/en" + section.url,
    ):
        widget(client, path)  # has the form
    for path in ("/", "/casebog/", "/soeg/?q=plan"):
        html = client.get(path).content.decode()
        assert "data-page-feedback" not in html, path


def test_an_answer_without_javascript_stores_one_row_and_nothing_about_the_reader(client, section):
    response = answer(
        client,
        section.url,
        helpful="nej",
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Mozilla/5.0 (Testbrowser 99)",
    )
    assert response.status_code == 200
    assert "Tak for dit svar" in response.content.decode()
    row = PageFeedback.objects.get()
    assert (row.page_id, row.path, row.helpful, row.comment) == (section.pk, section.url, False, "")
    stored = " ".join(str(v) for v in PageFeedback.objects.values().get().values())
    assert "203.0.113.9" not in stored and "Testbrowser" not in stored
    assert {f.name for f in PageFeedback._meta.get_fields()} == {
        "id",
        "page",
        "path",
        "helpful",
        "comment",
        "created_at",
        "handled",
    }
    assert not response.cookies  # no cookie for answering either

    # The comment form on the thanks page adds to the same answer, once.
    soup = BeautifulSoup(response.content, "html.parser")
    comment_action = soup.select_one("form.page-feedback__comment")["action"]
    assert (
        client.post(comment_action, {"comment": "Mangler kontaktdata.", "website": ""}).status_code
        == 200
    )
    client.post(comment_action, {"comment": "Anden gang.", "website": ""})
    assert PageFeedback.objects.get().comment == "Mangler kontaktdata."


def test_with_javascript_the_reply_comes_back_to_put_in_place(client, section):
    action, fields = widget(client, section.url)
    response = client.post(action, {**fields, "helpful": "ja"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Tak for dit svar." in html and "<textarea" in html and "<html" not in html
    assert PageFeedback.objects.get().helpful is True


def test_a_hundred_answers_in_a_minute_are_refused_after_the_limit(client, section, monkeypatch):
    # One minute for all hundred, however slow the machine (the limit counts per minute).
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    action, fields = widget(client, section.url)
    statuses = [
        client.post(action, {**fields, "helpful": "nej"}, REMOTE_ADDR="198.51.100.7").status_code
        for _ in range(100)
    ]
    limit = PER_MINUTE
    assert statuses[:limit] == [200] * limit and set(statuses[limit:]) == {429}
    assert PageFeedback.objects.count() == limit
    refused = client.post(action, {**fields, "helpful": "nej"}, REMOTE_ADDR="198.51.100.7")
    assert "Prøv igen om et minut" in refused.content.decode()
    # Another reader is not held back by the first.
    other = client.post(action, {**fields, "helpful": "ja"}, REMOTE_ADDR="198.51.100.8")
    assert other.status_code == 200


@pytest.mark.parametrize(
    "change, message",
    [
        ({"stamp": "forfalsket"}, "kom ikke fra en side"),
        ({"helpful": "maaske"}, ""),
        ({"path": "//elsewhere.example/"}, "Ukendt side"),
    ],
)
def test_a_bad_answer_is_a_clear_400_and_stores_nothing(client, section, change, message):
    action, fields = widget(client, section.url)
    response = client.post(action, {**fields, "helpful": "ja", **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_filled_honeypot_is_thanked_and_forgotten(client, section):
    response = answer(client, section.url, website="http://spam.example")
    assert response.status_code == 200
    assert not PageFeedback.objects.exists()


def test_get_is_not_allowed(client):
    assert client.get("/tilbagemelding/").status_code == 405


def test_a_regional_editor_sees_only_feedback_on_their_regions_pages(
    demo_site, client, section, django_user_model
):
    midt = RegionalAdaptationPage.objects.live().get(
        locale=Locale.get_default(),
        path__startswith=Page.objects.get(slug="midtjylland", locale=Locale.get_default()).path,
    )
    syd = (
        RegionalAdaptationPage.objects.live()
        .filter(locale=Locale.get_default())
        .exclude(pk=midt.pk)
        .first()
    )
    answer(client, midt.url, helpful="nej", REMOTE_ADDR="192.0.2.1")
    answer(client, syd.url, helpful="nej", REMOTE_ADDR="192.0.2.2")
    answer(client, section.url, helpful="ja", REMOTE_ADDR="192.0.2.3")
    for row in PageFeedback.objects.all():
        row.comment = f"Kommentar til {row.path}"
        row.save()

    setup_permissions()
    editor = django_user_model.objects.create_user("midt", password="x")
    editor.groups.add(Group.objects.get(name=MIDT_EDITORS))
    staff = Client()
    staff.force_login(editor)
    html = staff.get("/admin/tilbagemeldinger/").content.decode()
    assert f"Kommentar til {midt.url}" in html
    assert f"Kommentar til {syd.url}" not in html and f"Kommentar til {section.url}" not in html
    rows = list(
        csv.reader(
            io.StringIO(
                staff.get("/admin/tilbagemeldinger/?format=csv").content.decode("utf-8-sig")
            )
        )
    )
    assert [row[2] for row in rows[1:]] == [midt.url]

    # Marking handled: their own, yes; another region's, no.
    own = PageFeedback.objects.get(path=midt.url)
    other = PageFeedback.objects.get(path=syd.url)
    staff.post(f"/admin/tilbagemeldinger/{own.pk}/behandlet/")
    staff.post(f"/admin/tilbagemeldinger/{other.pk}/behandlet/")
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.handled and not other.handled
    assert f"Kommentar til {midt.url}" not in staff.get("/admin/tilbagemeldinger/").content.decode()
