"""Editions: released snapshots that readers cite, compare, subscribe to and print."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.admin.ui.menus.pages import get_page_header_buttons
from wagtail.models import PageLogEntry

from guidelines.editions.diff import code_sort_key, compare, word_diff
from guidelines.editions.release import ReleaseError, release_edition
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    recommendation,
    text,
)
from guidelines.models import Edition

TODAY = timezone.localdate()
BASE = "/vejledninger/dd/"


def republish(section, body, title=None):
    section.body = body
    if title:
        section.title = title
    section.save_revision().publish()


@pytest.fixture
def document(guidance_index):
    document = GuidanceDocumentPageFactory(
        parent=guidance_index, slug="dd", title="Dobbeltdiagnose"
    )
    GuidanceSectionPageFactory(
        parent=document,
        slug="maalgruppe",
        title="Målgruppe",
        number="1",
        body=[text("<p>Borgere med svær psykisk lidelse og misbrug.</p>"), recommendation("1.1")],
    )
    GuidanceSectionPageFactory(
        parent=document,
        slug="plan",
        title="Indsatsplan",
        number="2",
        body=[
            recommendation("2.1", statement="<p>Lav en fælles plan inden for en måned.</p>"),
            recommendation("2.2", title="Tovholder"),
        ],
    )
    return document


@pytest.fixture
def two_editions(document):
    first = release_edition(
        document,
        label="1. udgave, 2014",
        effective_date=datetime.date(2014, 8, 1),
        change_summary="Første udgave.",
    )
    plan = document.sections[1]
    republish(
        plan,
        [
            recommendation("2.1", statement="<p>Lav en fælles plan inden for to uger.</p>"),
            recommendation("2.3", title="Krisetelefon"),
        ],
    )
    GuidanceSectionPageFactory(
        parent=document,
        slug="integreret",
        title="Integreret behandling",
        number="3",
        body=[recommendation("3.1", title="Ingen forkert dør")],
    )
    document = type(document).objects.get(pk=document.pk)
    second = release_edition(
        document,
        label="2. udgave, 2024",
        effective_date=datetime.date(2024, 9, 1),
        change_summary="Integreret behandling.",
    )
    return document, first, second


def test_released_text_never_changes_when_live_pages_are_edited(client, document):
    release_edition(
        document, label="1. udgave", effective_date=TODAY, change_summary="Første udgave."
    )
    section = document.sections[0]
    republish(section, [text("<p>Helt ny tekst.</p>")], title="Nyt navn")

    html = client.get(BASE + "udgaver/1-udgave/").content.decode()
    assert "Borgere med svær psykisk lidelse og misbrug." in html
    assert "Helt ny tekst." not in html and "Nyt navn" not in html
    assert "Helt ny tekst." in client.get(section.url).content.decode()


def test_edition_snapshot_cannot_be_overwritten(document):
    edition = release_edition(document, label="A", effective_date=TODAY, change_summary="x")
    edition.snapshot["sections"] = []
    with pytest.raises(ValueError):
        edition.save()
    edition.refresh_from_db()
    assert len(edition.snapshot["sections"]) == 2


def test_drafts_are_not_released(document):
    section = document.sections[0]
    section.body = [text("<p>Kladde, ikke udgivet.</p>")]
    section.save_revision()
    edition = release_edition(document, label="A", effective_date=TODAY, change_summary="x")
    assert "Kladde" not in edition.snapshot["sections"][0]["html"]


def test_release_logs_to_the_audit_log(document, django_user_model):
    user = django_user_model.objects.create_user("national", password="x")
    release_edition(document, label="A", effective_date=TODAY, change_summary="x", user=user)
    entry = PageLogEntry.objects.get(page=document, action="guidelines.release_edition")
    assert entry.user == user and entry.data["edition"] == "A"


def test_duplicate_label_is_refused(document):
    release_edition(document, label="1. udgave", effective_date=TODAY, change_summary="x")
    with pytest.raises(ReleaseError):
        release_edition(document, label="1. Udgave", effective_date=TODAY, change_summary="y")


def test_superseded_edition_points_to_the_one_in_force(client, two_editions):
    document, first, second = two_editions
    html = client.get(BASE + "udgaver/1-udgave-2014/").content.decode()
    assert "Denne udgave er afløst af" in html
    assert f'href="{BASE}udgaver/2-udgave-2024/"' in html
    current = client.get(BASE + "udgaver/2-udgave-2024/").content.decode()
    assert "afløst" not in current and "Gældende" in current


def test_future_edition_is_marked_and_previous_stays_in_force(client, two_editions):
    document, first, second = two_editions
    future = release_edition(
        document,
        label="3. udgave",
        effective_date=TODAY + datetime.timedelta(days=30),
        change_summary="Kommer snart.",
    )
    document = type(document).objects.get(pk=document.pk)
    assert document.edition_in_force() == second
    assert future.status() == "future"
    html = client.get(BASE + "udgaver/3-udgave/").content.decode()
    assert "Denne udgave træder i kraft" in html
    live = client.get(BASE).content.decode()
    assert "Gældende udgave" in live and "2. udgave, 2024" in live
    assert "træder i kraft" in live


def test_live_document_says_which_edition_is_in_force(client, two_editions):
    html = client.get(BASE).content.decode()
    assert f'<a href="{BASE}udgaver/2-udgave-2024/">2. udgave, 2024</a>' in html


def test_comparison_lists_added_removed_and_changed_recommendations(two_editions):
    _, first, second = two_editions
    result = compare(first.snapshot, second.snapshot)
    by_status = {
        s: sorted(r.code for r in result.recommendations_with(s))
        for s in ("added", "removed", "changed")
    }
    assert by_status == {"added": ["2.3", "3.1"], "removed": ["2.2"], "changed": ["2.1"]}
    assert [s.slug for s in result.sections_with("added")] == ["integreret"]
    assert [s.slug for s in result.sections_with("changed")] == ["plan"]


def test_compare_page_marks_words_accessibly(client, two_editions):
    html = client.get(BASE + "sammenlign/1-udgave-2014/2-udgave-2024/").content.decode()
    assert '<del><span class="sr-only">[slettet: </span>en måned.' in html
    assert '<ins><span class="sr-only">[tilføjet: </span>to uger.' in html
    assert f'href="{BASE}udgaver/2-udgave-2024/#anbefaling-2-3"' in html
    assert f'href="{BASE}udgaver/1-udgave-2014/#anbefaling-2-2"' in html


def test_comparison_keeps_headings_paragraphs_lists_and_recommendation_boxes(client, document):
    maalgruppe = document.sections[0]
    republish(
        maalgruppe,
        [
            text(
                "<h2>Hvem</h2><p>Borgere med svær psykisk lidelse og misbrug.</p>"
                "<ul><li>Voksne</li><li>Unge</li></ul>"
            ),
            recommendation("1.1"),
        ],
    )
    release_edition(document, label="A", effective_date=TODAY, change_summary="x")
    republish(
        maalgruppe,
        [
            text(
                "<h2>Hvem</h2><p>Borgere med psykisk lidelse og samtidigt misbrug.</p>"
                "<ul><li>Voksne</li><li>Unge fra 16 år</li><li>Pårørende</li></ul>"
            ),
            recommendation("1.1", statement="<p>Ny tekst til anbefalingen.</p>"),
        ],
    )
    release_edition(document, label="B", effective_date=TODAY, change_summary="y")
    html = client.get(BASE + "sammenlign/a/b/").content.decode()
    diff = BeautifulSoup(html, "html.parser").select_one("#forskel-maalgruppe .diff")
    # The heading is a heading, unchanged; the paragraph one paragraph with its words marked.
    first = diff.find(True)
    assert (first.name, first["class"][-1], first.get_text()) == ("h4", "diff-block--same", "Hvem")
    paragraph = diff.select("p.diff-block--changed")[0]
    assert paragraph.find("del") and paragraph.find("ins")
    assert "svær" in paragraph.find("del").get_text()
    # The list stays one list: an item the same, one changed, one added.
    items = diff.select("ul > li")
    assert [li["class"][-1] for li in items] == [
        "diff-block--same",
        "diff-block--changed",
        "diff-block--added",
    ]
    # The recommendation is one box, its title a heading, its statement diffed inside it.
    box = diff.select_one(".recommendation--diff")
    assert box.select_one("h4").get_text(" ", strip=True).startswith("1.1")
    statement = box.select_one("p.diff-block--changed")
    added = " ".join(ins.get_text() for ins in statement.find_all("ins"))
    removed = " ".join(d.get_text() for d in statement.find_all("del"))
    assert "Ny tekst" in added and "anbefalingen." in added
    assert "Tekst" in removed and "1.1." in removed


def test_comparison_can_show_only_the_changed_sections(client, two_editions):
    url = BASE + "sammenlign/1-udgave-2014/2-udgave-2024/"
    every = BeautifulSoup(client.get(url).content, "html.parser").select(".section-diff")
    assert "section-diff--unchanged" in " ".join(" ".join(s["class"]) for s in every)
    response = client.get(url, {"vis": "aendrede"})
    shown = BeautifulSoup(response.content, "html.parser").select(".section-diff")
    assert [s["id"] for s in shown] == ["forskel-plan", "forskel-integreret"]
    assert "Vis alle afsnit" in response.content.decode()


def test_what_changed_since_previous_edition(client, two_editions):
    response = client.get(BASE + "udgaver/2-udgave-2024/aendringer/")
    assert response.status_code == 200
    assert "Krisetelefon" in response.content.decode()


def test_compare_form_redirects_to_the_compare_url(client, two_editions):
    response = client.get(BASE + "sammenlign/", {"fra": "1-udgave-2014", "til": "2-udgave-2024"})
    assert response.status_code == 302
    assert response["Location"] == BASE + "sammenlign/1-udgave-2014/2-udgave-2024/"


def test_moved_section_is_reported():
    def snap(order):
        return {
            "sections": [
                {"slug": s, "title": s, "number": "", "text": s, "recommendations": []}
                for s in order
            ]
        }

    result = compare(snap(["a", "b", "c"]), snap(["c", "a", "b"]))
    assert [s.slug for s in result.moved_sections] == ["c"]


def test_word_diff_escapes_html():
    assert "&lt;script&gt;" in word_diff("a", "a <script>")


@pytest.mark.parametrize(
    "path",
    [
        "udgaver/findes-ikke/",
        "udgaver/findes-ikke/pdf/",
        "udgaver/1-udgave-2014/aendringer/",
        "sammenlign/1-udgave-2014/findes-ikke/",
        "sammenlign/1-udgave-2014/",
        "sammenlign/?fra=1-udgave-2014&til=%3Cscript%3E",
        "sammenlign/%20/%20/",
        "udgaver/1.udgave/",
    ],
)
def test_unknown_edition_or_malformed_compare_url_is_404(client, two_editions, path):
    assert client.get(BASE + path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "udgaver/",
        "udgaver/1-udgave-2014/",
        "udgaver/2-udgave-2024/",
        "sammenlign/2-udgave-2024/1-udgave-2014/",
    ],
)
def test_edition_pages_answer_200(client, two_editions, path):
    assert client.get(BASE + path).status_code == 200


def test_document_feed_lists_releases(client, two_editions):
    response = client.get(BASE + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "2. udgave, 2024" in body and "1. udgave, 2014" in body
    assert "http://testserver/vejledninger/dd/udgaver/2-udgave-2024/" in body


def test_site_feed_lists_releases_of_every_document(client, two_editions, guidance_index):
    other = GuidanceDocumentPageFactory(parent=guidance_index, slug="andet", title="Andet dokument")
    GuidanceSectionPageFactory(parent=other, body=[recommendation("1.1")])
    release_edition(other, label="Første", effective_date=TODAY, change_summary="x")
    body = client.get("/udgaver/feed/").content.decode()
    assert "Andet dokument: Første" in body and "Dobbeltdiagnose: 2. udgave, 2024" in body


def test_pdf_is_made_once_and_kept(client, two_editions, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client.get(BASE + "udgaver/1-udgave-2014/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    assert pdf.startswith(b"%PDF")
    stored = Edition.objects.get(slug="1-udgave-2014").pdf.name
    assert stored
    client.get(BASE + "udgaver/1-udgave-2014/pdf/")
    assert Edition.objects.get(slug="1-udgave-2014").pdf.name == stored
    assert len(list(tmp_path.rglob("*.pdf"))) == 1


class TestAdminRelease:
    @pytest.fixture
    def national_editor(self, client, django_user_model):
        user = django_user_model.objects.create_user("national", password="x")
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="release_edition"),
        )
        client.force_login(user)
        return client

    @pytest.fixture
    def other_editor(self, client, django_user_model):
        user = django_user_model.objects.create_user("regional", password="x")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        return client

    def url(self, document):
        return f"/admin/udgaver/frigiv/{document.pk}/"

    def test_national_editor_releases_an_edition(self, national_editor, document):
        response = national_editor.post(
            self.url(document),
            {"label": "1. udgave", "effective_date": "2014-08-01", "change_summary": "Første."},
        )
        assert response.status_code == 302
        edition = Edition.objects.get(document=document)
        assert edition.label == "1. udgave" and edition.released_by.username == "national"

    def test_bad_input_is_a_form_error(self, national_editor, document):
        release_edition(document, label="1. udgave", effective_date=TODAY, change_summary="x")
        response = national_editor.post(
            self.url(document),
            {"label": "1. udgave", "effective_date": "i morgen", "change_summary": ""},
        )
        assert response.status_code == 200
        assert Edition.objects.filter(document=document).count() == 1
        assert "allerede en udgave" in response.content.decode()

    def test_editor_without_permission_cannot_release(self, other_editor, document):
        response = other_editor.post(
            self.url(document),
            {"label": "1. udgave", "effective_date": "2014-08-01", "change_summary": "x"},
        )
        # Wagtail answers a refused admin view by sending the user back to the dashboard.
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert not Edition.objects.exists()

    def test_release_button_only_for_those_who_may(self, national_editor, document, client):
        users = get_user_model().objects
        allowed = get_page_header_buttons(document, users.get(username="national"), None, "edit")
        assert any("Frigiv udgave" in str(b.label) for b in allowed)
        other = users.create_user("nobody", password="x")
        shown = get_page_header_buttons(document, other, None, "edit")
        assert not any("Frigiv udgave" in str(b.label) for b in shown)


def test_withdrawn_code_points_to_the_last_edition_that_has_it(client, two_editions):
    response = client.get(BASE + "anbefaling/2-2/")
    assert response.status_code == 410
    html = response.content.decode()
    assert "er udgået" in html
    assert f'href="{BASE}udgaver/1-udgave-2014/#anbefaling-2-2"' in html
    assert client.get(BASE + "anbefaling/9-9/").status_code == 404


def test_codes_with_letters_sort_after_their_number():
    assert sorted(["R1.1", "7.3", "7.2a", "10.1", "7.2"], key=code_sort_key) == [
        "7.2",
        "7.2a",
        "7.3",
        "10.1",
        "R1.1",
    ]


def test_demo_editions_show_what_the_revision_changed(demo_site, client):
    html = client.get(
        "/vejledninger/dobbeltdiagnose/sammenlign/1-udgave-2014/2-udgave-2024/"
    ).content.decode()
    summary = html[html.index("Overblik") : html.index("Afsnit for afsnit")]
    for status, code in [
        ("Udgået", "7.3"),
        ("Ny", "7.4"),
        ("Ny", "7.5"),
        ("Ny", "8.2"),
        ("Ændret", "3.1"),
        ("Ændret", "3.2"),
    ]:
        entry = summary[summary.index(f'<span class="code">{code}</span>') - 300 :]
        assert f"{status}:" in entry[:300], code
    assert "Integreret behandling" in summary


def change_marks(html):
    """{code: text of its change line} for every recommendation box on a page."""
    soup = BeautifulSoup(html, "html.parser")
    marks = {}
    for box in soup.select("section.recommendation"):
        code = box.select_one(".code").get_text()
        line = box.select_one(".recommendation__change")
        marks[code] = " ".join(line.get_text().split()) if line else ""
    return marks


def test_badges_mark_exactly_what_the_edition_in_force_changed(client, two_editions):
    """2.1 changed and 2.3, 3.1 came with the 2nd edition; 1.1 stayed as it was."""
    marks = change_marks(client.get(BASE + "plan/").content.decode())
    assert marks == {
        "2.1": "Ændret i 2. udgave, 2024 Sidst ændret: 1. september 2024",
        "2.3": "Ny i 2. udgave, 2024 Sidst ændret: 1. september 2024",
    }
    marks = change_marks(client.get(BASE + "maalgruppe/").content.decode())
    assert marks == {"1.1": "Sidst ændret: 1. august 2014"}
    marks = change_marks(client.get(BASE + "integreret/").content.decode())
    assert marks == {"3.1": "Ny i 2. udgave, 2024 Sidst ændret: 1. september 2024"}


def test_badges_wait_for_the_edition_to_come_into_force(client, two_editions):
    document, first, second = two_editions
    Edition.objects.filter(pk=second.pk).update(effective_date=TODAY + datetime.timedelta(days=30))
    marks = change_marks(client.get(BASE + "plan/").content.decode())
    # The live text already reads as the coming edition, but nothing is "new" before it applies.
    assert "Ændret" not in marks["2.1"] and "Ny" not in marks.get("2.3", "")
    assert marks["2.1"] == "Sidst ændret: 1. august 2014"


def test_recommendation_page_shows_its_history_with_the_diff(client, two_editions):
    soup = BeautifulSoup(client.get(BASE + "anbefaling/2-1/").content, "html.parser")
    assert "Ændret i 2. udgave, 2024" in soup.select_one(".recommendation__change").get_text()
    entries = soup.select(".recommendation-history li")
    assert len(entries) == 2
    newest, oldest = entries
    assert "2. udgave, 2024" in newest.get_text() and "blev ændret" in newest.get_text()
    assert newest.select_one("del").get_text(" ", strip=True) == "[slettet: en måned. ]"
    assert newest.select_one("ins").get_text(" ", strip=True) == "[tilføjet: to uger. ]"
    assert newest.a["href"] == BASE + "udgaver/2-udgave-2024/"
    assert "1. udgave, 2014" in oldest.get_text() and "kom til" in oldest.get_text()
    assert not oldest.select("details")


def test_a_recommendation_not_yet_in_an_edition_has_no_history(client, two_editions):
    document, _first, _second = two_editions
    republish(document.sections[2], [recommendation("3.1"), recommendation("3.2", title="Ny")])
    marks = change_marks(client.get(BASE + "integreret/").content.decode())
    assert marks["3.2"] == ""


def test_a_list_item_of_headings_and_paragraphs_stays_inside_an_item():
    """A pathway's phases are list items holding a heading and paragraphs: in the
    comparison every block of a list stands in an item, never loose in the list."""
    from guidelines.editions.structured_diff import structured_diff

    old = "<ol><li><h5>Start</h5><p>Første møde.</p></li></ol>"
    new = "<ol><li><h5>Start</h5><p>Første fælles møde.</p></li></ol>"
    soup = BeautifulSoup(structured_diff(old, new), "html.parser")
    ol = soup.select_one("ol")
    assert [child.name for child in ol.children] == ["li", "li"]
    assert ol.select_one("li > h6").get_text() == "Start"  # two levels down, as all headings
    assert "fælles" in ol.select_one("li > p").get_text()
