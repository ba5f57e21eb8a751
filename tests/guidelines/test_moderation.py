"""Informed moderation of a regional adaptation, through the admin over HTTP.

A Midtjylland editor writes a new adaptation and submits it; the region's
moderator previews it as readers will read it (every adapted section, both
switches), sees the national text beside the local text in the form, and
compares the revision with what readers see now. The clients enforce CSRF and
post the token from the form they were shown, as a browser does.
"""

import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from guidelines.models import RegionalAdaptationPage

MIDT_EDITORS = "Region Midtjylland – redaktører"
MIDT_MODERATORS = "Region Midtjylland – moderatorer"
SYD_MODERATORS = "Region Syddanmark – moderatorer"

SUPPLEMENT = "Midtjylland tager også unge fra 16 år med (kladde)."
REPLACEMENT = "Koordinationsforum følger op hvert kvartal (kladde)."
REASON = "Samarbejdsaftalen har kortere interval."
NATIONAL_TARGET = "Voksne med svære psykiske lidelser."
NATIONAL_FOLLOW_UP = "Følg op hvert år."


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def csrf_token(response):
    page = BeautifulSoup(response.content, "html.parser")
    return page.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]


def post_form(client, url, data):
    """GET the form, then POST `data` with the token the form carried. A new
    adaptation's form is opened for the document posted (adaptations/new.py)."""
    opened = url if "/edit/" in url else f"{url}?dokument={data['document']}"
    token = csrf_token(client.get(opened))
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def adaptation_data(document, action=None, text=SUPPLEMENT):
    data = nested_form_data(
        {
            "title": "Model for forløbsprogrammer i Region Midtjylland",
            "slug": "model",
            "document": document.pk,
            "based_on": document.edition_list[-1].pk,
            "intro": "Regionens udgave (kladde).",
            "section_adaptations": inline_formset(
                [
                    {
                        "section": "maalgruppe",
                        "mode": "supplemented",
                        "text": rich_text(f"<p>{text}</p>"),
                        "reason": "",
                    },
                    {
                        "section": "opfoelgning",
                        "mode": "replaced",
                        "text": rich_text(f"<p>{REPLACEMENT}</p>"),
                        "reason": REASON,
                    },
                ]
            ),
            "recommendation_stances": inline_formset([]),
        }
    )
    if action:
        data[action] = action
    return data


@pytest.fixture
def editor(csrf_login, national):
    return csrf_login("midt-redaktoer", MIDT_EDITORS)


@pytest.fixture
def moderator(csrf_login, national):
    return csrf_login("midt-moderator", MIDT_MODERATORS)


@pytest.fixture
def submitted(editor, regions, national):
    """A new Midtjylland adaptation, never published, submitted for approval."""
    region = regions["midtjylland"]
    response = post_form(
        editor,
        f"/admin/pages/add/guidelines/regionaladaptationpage/{region.pk}/",
        adaptation_data(national, "action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = RegionalAdaptationPage.objects.child_of(region).get(slug="model")
    assert not page.live and page.current_workflow_task is not None
    return page


def workflow_preview_url(page):
    return f"/admin/pages/workflow/preview/{page.pk}/{page.current_workflow_task.pk}/"


def links_in(page, selector):
    return [unescape(a["href"]) for a in page.select(selector)]


class TestPreview:
    def test_the_moderator_reads_every_adapted_section_of_a_new_adaptation(
        self, moderator, submitted
    ):
        overview = soup(moderator.get(workflow_preview_url(submitted)))
        toc = links_in(overview, ".toc__sections a")
        assert len(toc) == 3
        # The links stay in the preview: the public site has no such page yet.
        assert all(link.startswith(workflow_preview_url(submitted) + "?afsnit=") for link in toc)
        assert Page.objects.get(pk=submitted.pk).live is False

        texts = {}
        for link in toc:
            response = moderator.get(link)
            assert response.status_code == 200
            texts[link.rsplit("=", 1)[1]] = soup(response).find(id="indhold").get_text()
        assert SUPPLEMENT in texts["maalgruppe"] and NATIONAL_TARGET in texts["maalgruppe"]
        assert REPLACEMENT in texts["opfoelgning"] and REASON in texts["opfoelgning"]
        assert NATIONAL_FOLLOW_UP not in texts["opfoelgning"]
        assert "Fælles plan" in texts["indsatser"]  # shown as national

    def test_the_readers_switches_work_in_the_preview(self, moderator, submitted):
        section = soup(moderator.get(workflow_preview_url(submitted) + "?afsnit=opfoelgning"))
        nav = section.find("nav", attrs={"aria-label": "Vis dette afsnit i"})
        to_national = next(
            a for a in nav.find_all("a") if a.get_text(strip=True) == "National tekst"
        )
        national = soup(moderator.get(unescape(to_national["href"]).split("#")[0]))
        content = national.find(id="indhold").get_text()
        assert NATIONAL_FOLLOW_UP in content and REPLACEMENT not in content

        # The whole document in national text, kept while moving on in the preview.
        switch = section.find("nav", attrs={"aria-label": "Vis hele dokumentet i"})
        whole = next(a for a in switch.find_all("a") if a.get_text(strip=True) == "National tekst")
        page = soup(moderator.get(unescape(whole["href"])))
        assert REPLACEMENT not in page.find(id="indhold").get_text()
        previous = unescape(page.find("a", rel="prev")["href"])
        assert "afsnit=indsatser" in previous and "visning=national" in previous

    def test_an_unknown_section_in_the_preview_is_404(self, moderator, submitted):
        response = moderator.get(workflow_preview_url(submitted) + "?afsnit=findes-ikke")
        assert response.status_code == 404

    def test_the_editor_previews_unsaved_changes_section_by_section(self, editor, submitted):
        url = f"/admin/pages/{submitted.pk}/edit/preview/"
        token = csrf_token(editor.get(f"/admin/pages/{submitted.pk}/edit/"))
        data = edit_data(submitted, {"maalgruppe": "<p>Endnu ikke gemt tekst.</p>"})
        stored = editor.post(url, {**data, "csrfmiddlewaretoken": token})
        assert stored.json() == {"is_valid": True, "is_available": True}

        overview = soup(editor.get(url + "?in_preview_panel=true"))
        link = next(a for a in links_in(overview, ".toc__sections a") if "maalgruppe" in a)
        assert link.startswith(url + "?") and "in_preview_panel=true" in link
        assert "Endnu ikke gemt tekst." in soup(editor.get(link)).find(id="indhold").get_text()

    def test_a_revision_is_previewed_section_by_section(self, moderator, submitted):
        revision = submitted.latest_revision
        url = f"/admin/pages/{submitted.pk}/revisions/{revision.pk}/view/"
        link = next(
            a for a in links_in(soup(moderator.get(url)), ".toc__sections a") if "opfoelgning" in a
        )
        assert REPLACEMENT in soup(moderator.get(link)).find(id="indhold").get_text()

    def test_preview_links_need_the_previews_permission(self, csrf_login, submitted):
        other = csrf_login("syd-moderator", SYD_MODERATORS)
        response = other.get(workflow_preview_url(submitted) + "?afsnit=opfoelgning")
        assert response.status_code in (302, 403, 404)
        assert REPLACEMENT not in response.content.decode()

    def test_a_new_adaptation_is_previewed_before_its_first_save(self, editor, regions, national):
        region = regions["midtjylland"]
        url = f"/admin/pages/add/guidelines/regionaladaptationpage/{region.pk}/preview/"
        token = csrf_token(
            editor.get(
                f"/admin/pages/add/guidelines/regionaladaptationpage/{region.pk}/"
                f"?dokument={national.pk}"
            )
        )
        assert editor.post(url, {**adaptation_data(national), "csrfmiddlewaretoken": token}).json()[
            "is_valid"
        ]
        overview = soup(editor.get(url))
        link = next(a for a in links_in(overview, ".toc__sections a") if "opfoelgning" in a)
        assert REPLACEMENT in soup(editor.get(link)).find(id="indhold").get_text()
        assert not RegionalAdaptationPage.objects.exists()


class TestSideBySide:
    def test_the_moderator_sees_the_national_text_beside_the_local_text(self, moderator, submitted):
        page = soup(moderator.get(f"/admin/pages/{submitted.pk}/edit/"))
        panel = page.find(class_="adaptation-side-by-side")
        sections = {
            s.h3["id"].removeprefix("side-by-side-"): s
            for s in panel.select(".adaptation-side-by-side__section")
        }
        assert set(sections) == {"maalgruppe", "opfoelgning"}  # supplemented or replaced only
        target = sections["maalgruppe"]
        assert NATIONAL_TARGET in target.find(class_="adaptation-side-by-side__national").get_text()
        assert SUPPLEMENT in target.find(class_="adaptation-side-by-side__local").get_text()
        follow_up = sections["opfoelgning"]
        assert (
            NATIONAL_FOLLOW_UP
            in follow_up.find(class_="adaptation-side-by-side__national").get_text()
        )
        local = follow_up.find(class_="adaptation-side-by-side__local").get_text()
        assert REPLACEMENT in local and REASON in local

    def test_a_new_page_form_has_no_side_by_side_yet(self, editor, regions, national):
        page = soup(
            editor.get(
                f"/admin/pages/add/guidelines/regionaladaptationpage/{regions['midtjylland'].pk}/"
                f"?dokument={national.pk}"
            )
        )
        assert not page.find(class_="adaptation-side-by-side")


class TestCompare:
    def test_a_never_published_page_is_compared_with_an_empty_page(self, moderator, submitted):
        panel = soup(moderator.get(f"/admin/pages/{submitted.pk}/edit/")).find(
            class_="adaptation-side-by-side"
        )
        compare_url = panel.find("a", href=re.compile(r"/revisions/compare/live\.\.\.latest/$"))[
            "href"
        ]
        page = soup(moderator.get(compare_url))
        text = page.get_text()
        assert "There are no differences" not in text and "ingen forskelle" not in text.lower()
        assert SUPPLEMENT in text and REPLACEMENT in text and REASON in text
        additions = page.select(".comparison__child-object.addition")
        assert len(additions) == 2  # one per adapted section

    def test_only_the_changed_sections_are_listed(self, moderator, submitted):
        # The moderator changes one section and saves a draft (the editor cannot
        # while the page awaits the moderators: it is locked for them).
        response = post_form(
            moderator,
            f"/admin/pages/{submitted.pk}/edit/",
            edit_data(submitted, {"maalgruppe": "<p>Også unge fra 15 år (kladde 2).</p>"}),
        )
        assert response.status_code == 302, response.context["form"].errors
        page = RegionalAdaptationPage.objects.get(pk=submitted.pk)
        first, second = page.revisions.order_by("created_at", "id")
        compared = soup(
            moderator.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
        )
        children = compared.select(".comparison__child-object")
        assert len(children) == 1
        assert "maalgruppe" in children[0].get_text()
        assert children[0].find("ins") or children[0].select(".addition")
        assert REPLACEMENT not in compared.get_text()  # the unchanged section is not listed

    def test_a_live_page_is_still_compared_with_its_live_version(
        self, admin_client, midtjylland_adaptation
    ):
        page = midtjylland_adaptation
        draft = page.get_latest_revision_as_object()
        draft.intro = "Ny introduktion i kladden."
        draft.save_revision()
        text = soup(
            admin_client.get(f"/admin/pages/{page.pk}/revisions/compare/live...latest/")
        ).get_text()
        assert "Ny introduktion i kladden." in text
        assert "også unge fra 16 år" not in text  # unchanged entries are not listed


def edit_data(page, texts):
    """The edit form as the browser posts it back, with new local texts by section."""
    draft = page.get_latest_revision_as_object()
    entries = [
        {
            "id": entry.pk or "",
            "section": entry.section,
            "mode": entry.mode,
            "text": rich_text(texts.get(entry.section, entry.text)),
            "reason": entry.reason,
        }
        for entry in draft.section_adaptations.all()
    ]
    return nested_form_data(
        {
            "title": draft.title,
            "slug": draft.slug,
            "document": draft.document_id,
            "based_on": draft.based_on_id,
            "intro": draft.intro,
            "section_adaptations": inline_formset(
                entries, initial=len([e for e in entries if e["id"]])
            ),
            "recommendation_stances": inline_formset([]),
        }
    )
