"""Regional adaptations as readers see them, and review after a new national edition."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from guidelines.adaptations.review import changed_sections
from guidelines.editions.release import release_edition
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    RegionalAdaptationPageFactory,
    entry,
    text,
)
from guidelines.models import GuidanceSectionPage, SectionAdaptation

BASE = "/regioner/midtjylland/model/"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def switch_link(page, label, nav_label):
    nav = page.find("nav", attrs={"aria-label": nav_label})
    return next(a for a in nav.find_all("a") if a.get_text(strip=True) == label)


class TestReading:
    def test_overview_marks_each_section_with_its_mode(self, client, midtjylland_adaptation):
        page = soup(client.get(BASE))
        rows = {
            li.a.get_text(strip=True): li.find(class_="mode").get_text(strip=True)
            for li in page.select(".toc__sections > li")
        }
        assert rows == {
            "1. Målgruppe": "Suppleret lokalt",
            "2. Indsatser": "Som national",
            "3. Opfølgning": "Erstattet lokalt",
        }
        assert page.find("a", href="/vejledninger/model/")  # the national document

    def test_supplemented_section_shows_national_text_and_marked_local_addition(
        self, client, midtjylland_adaptation
    ):
        page = soup(client.get(BASE + "maalgruppe/"))
        content = page.find(id="indhold")
        assert "Voksne med svære psykiske lidelser." in content.get_text()
        local = content.find(class_="local-part--supplemented")
        assert "Lokal tilføjelse fra Region Midtjylland" in local.get_text()
        assert "også unge fra 16 år" in local.get_text()

    def test_replaced_section_shows_local_text_with_reason_instead_of_national(
        self, client, midtjylland_adaptation
    ):
        content = soup(client.get(BASE + "opfoelgning/")).find(id="indhold")
        assert "Følg op hvert halve år" in content.get_text()
        assert "kortere interval" in content.get_text()  # the reason
        assert "Følg op hvert år." not in content.get_text()

    def test_section_switch_is_a_link_to_the_national_text_and_back(
        self, client, midtjylland_adaptation
    ):
        regional = soup(client.get(BASE + "opfoelgning/"))
        to_national = switch_link(regional, "National tekst", "Vis dette afsnit i")["href"]
        assert to_national.startswith(BASE + "opfoelgning/?")

        national = soup(client.get(to_national.split("#")[0]))
        content = national.find(id="indhold")
        assert "Følg op hvert år." in content.get_text()
        assert "Følg op hvert halve år" not in content.get_text()
        current = national.find("nav", attrs={"aria-label": "Vis dette afsnit i"}).find(
            attrs={"aria-current": "true"}
        )
        assert current.get_text(strip=True) == "National tekst"

        back = switch_link(national, "Regional version", "Vis dette afsnit i")["href"]
        assert "Følg op hvert halve år" in soup(client.get(back.split("#")[0])).get_text()

    def test_whole_document_switch_is_kept_while_reading_on(self, client, midtjylland_adaptation):
        overview = soup(client.get(BASE))
        to_national = switch_link(overview, "National tekst", "Vis hele dokumentet i")["href"]
        national = soup(client.get(to_national))
        first = national.select_one(".toc__sections a")["href"]
        assert first == BASE + "maalgruppe/?visning=national"

        section = soup(client.get(first))
        assert not section.find(class_="local-part")
        assert "Voksne med svære psykiske lidelser." in section.find(id="indhold").get_text()
        next_href = section.find("a", rel="next")["href"]
        assert next_href == BASE + "indsatser/?visning=national"

        # One section back to regional while the document stays national.
        regional = switch_link(section, "Regional version", "Vis dette afsnit i")["href"]
        page = soup(client.get(regional.split("#")[0]))
        assert page.find(class_="local-part--supplemented")
        assert page.find("a", rel="next")["href"] == BASE + "indsatser/?visning=national"

    def test_section_as_national_has_no_switch(self, client, midtjylland_adaptation):
        page = soup(client.get(BASE + "indsatser/"))
        assert not page.find("nav", attrs={"aria-label": "Vis dette afsnit i"})
        assert "følger den nationale tekst" in page.get_text()

    @pytest.mark.parametrize("query", ["?visning=x", "?tekst=%00", "?visning=national&tekst=x"])
    def test_junk_switch_values_fall_back_without_error(
        self, client, midtjylland_adaptation, query
    ):
        assert client.get(BASE + "opfoelgning/" + query).status_code == 200

    def test_unknown_section_is_404(self, client, midtjylland_adaptation):
        assert client.get(BASE + "findes-ikke/").status_code == 404

    def test_draft_changes_are_not_shown_to_readers(self, client, midtjylland_adaptation):
        adaptation = midtjylland_adaptation
        adaptation.section_adaptations.first().text = "<p>Hemmelig kladde.</p>"
        adaptation.save_revision()
        assert "Hemmelig kladde" not in client.get(BASE + "maalgruppe/").content.decode()


def new_edition(document, label="2. udgave, 2025", **changes):
    """Republish sections with new text, then release an edition of the document."""
    for slug, html in changes.items():
        section = GuidanceSectionPage.objects.get(slug=slug, path__startswith=document.path)
        section.body = [text(html)]
        section.save_revision().publish()
    document = type(document).objects.get(pk=document.pk)
    release_edition(
        document, label=label, effective_date=datetime.date(2025, 6, 1), change_summary="Nyt."
    )
    return type(document).objects.get(pk=document.pk)


@pytest.fixture
def three_regions(regions, national, midtjylland_adaptation):
    """Midtjylland replaces 'opfoelgning'; Syddanmark supplements 'maalgruppe';
    Nordjylland lists 'opfoelgning' as national."""
    first = national.edition_list[0]
    syd = RegionalAdaptationPageFactory(
        parent=regions["syddanmark"],
        document=national,
        based_on=first,
        sections=[entry("maalgruppe")],
    )
    nord = RegionalAdaptationPageFactory(
        parent=regions["nordjylland"],
        document=national,
        based_on=first,
        sections=[entry("opfoelgning", mode="national")],
    )
    return midtjylland_adaptation, syd, nord


def children(page):
    return fresh(page).get_children()


def fresh(page):
    return type(page).objects.get(pk=page.pk)


class TestReview:
    def test_new_edition_flags_exactly_the_adaptations_whose_sections_changed(
        self, national, three_regions
    ):
        assert not any(fresh(page).review.needed for page in three_regions)
        new_edition(national, opfoelgning="<p>Følg op hver sjette måned.</p>")
        midt, syd, nord = (fresh(page) for page in three_regions)
        assert midt.review.needed and midt.review.sections == ["opfoelgning"]
        assert not syd.review.needed  # its section did not change
        assert not nord.review.needed  # as national follows the national text by itself

    def test_change_in_an_unadapted_section_flags_nobody(self, national, three_regions):
        new_edition(national, indsatser="<p>Nye indsatser.</p>")
        assert not any(fresh(page).review.needed for page in three_regions)

    def test_removed_section_counts_as_changed(self, national):
        old = {"sections": [{"slug": "a", "title": "A", "text": "x"}]}
        assert changed_sections(old, {"sections": []}) == {"a"}
        assert changed_sections(old, old) == set()

    def test_following_the_new_edition_clears_the_flag(self, national, three_regions):
        document = new_edition(national, opfoelgning="<p>Følg op hver sjette måned.</p>")
        midt = fresh(three_regions[0])
        midt.based_on = document.edition_list[-1]
        midt.save_revision().publish()
        assert not fresh(midt).review.needed

    def test_readers_get_a_discreet_note_with_the_upstream_change(
        self, client, national, three_regions
    ):
        new_edition(national, opfoelgning="<p>Følg op hver sjette måned.</p>")
        overview = soup(client.get(BASE))
        note = overview.find(class_="review-note")
        assert "2. udgave, 2025" in note.get_text()
        assert note.a["href"] == "/vejledninger/model/sammenlign/1-udgave-2015/2-udgave-2025/"
        section = soup(client.get(BASE + "opfoelgning/"))
        assert section.find(class_="review-note")
        assert not soup(client.get(BASE + "maalgruppe/")).find(class_="review-note")


class TestReviewInTheAdmin:
    @pytest.fixture
    def flagged(self, national, three_regions):
        new_edition(national, opfoelgning="<p>Følg op hver sjette måned.</p>")
        return fresh(three_regions[0])

    def test_editor_sees_the_upstream_difference_in_the_edit_form(self, admin_client, flagged):
        response = admin_client.get(f"/admin/pages/{flagged.pk}/edit/")
        panel = soup(response).find(class_="adaptation-review")
        assert "3. Opfølgning" in panel.get_text()
        assert "hver sjette måned." in panel.find("ins").get_text()
        assert panel.find("del")

    def test_no_notice_when_nothing_needs_review(self, admin_client, midtjylland_adaptation):
        response = admin_client.get(f"/admin/pages/{midtjylland_adaptation.pk}/edit/")
        assert not soup(response).find(class_="adaptation-review")

    def test_report_lists_adaptations_needing_review(self, admin_client, flagged):
        page = soup(admin_client.get("/admin/tilpasninger/til-gennemsyn/"))
        rows = page.select("table.listing tbody tr")
        assert len(rows) == 1
        assert flagged.title in rows[0].get_text()
        assert "opfoelgning" in rows[0].get_text()
        dashboard = soup(admin_client.get("/admin/"))
        assert dashboard.find(id="adaptation-reviews-heading")

    def test_report_lists_only_what_the_editor_may_edit(
        self, client, django_user_model, regions, flagged
    ):
        editor = django_user_model.objects.create_user("syd", password="x")
        group = Group.objects.create(name="Syd")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=regions["syddanmark"],
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        editor.groups.add(group)
        client.force_login(editor)
        page = soup(client.get("/admin/tilpasninger/til-gennemsyn/"))
        assert not page.select("table.listing tbody tr")
        assert "Ingen tilpasninger venter" in page.get_text()


class TestEditorForm:
    """Bad input in the adaptation form is a form error, never a 500, and nothing is lost."""

    def post(self, client, region_page, national, sections, based_on="first", **extra):
        edition = national.edition_list[0] if based_on == "first" else based_on
        data = nested_form_data(
            {
                "title": "Tilpasning",
                "slug": "tilpasning",
                "document": national.pk,
                "based_on": edition.pk if edition else "",
                "intro": "",
                "section_adaptations": inline_formset(
                    [
                        {
                            "section": slug,
                            "mode": mode,
                            "text": rich_text(text_html),
                            "reason": reason,
                        }
                        for slug, mode, text_html, reason in sections
                    ]
                ),
                "recommendation_stances": inline_formset([]),
                **extra,
            }
        )
        return client.post(
            f"/admin/pages/add/guidelines/regionaladaptationpage/{region_page.pk}/", data
        )

    def test_valid_adaptation_is_created(self, admin_client, regions, national):
        response = self.post(
            admin_client,
            regions["midtjylland"],
            national,
            [("maalgruppe", "supplemented", "Lokalt", ""), ("opfoelgning", "replaced", "X", "Y")],
        )
        assert response.status_code == 302, response.context["form"].errors
        page = children(regions["midtjylland"]).get(slug="tilpasning").specific
        draft = page.get_latest_revision_as_object()
        assert [(e.section, e.mode) for e in draft.section_adaptations.all()] == [
            ("maalgruppe", "supplemented"),
            ("opfoelgning", "replaced"),
        ]

    @pytest.mark.parametrize(
        "sections, message",
        [
            ([("opfoelgning", "replaced", "Lokal tekst", "")], "hvorfor regionen erstatter"),
            ([("maalgruppe", "supplemented", "", "")], "Skriv den lokale tekst"),
            ([("maalgruppe", "national", "Tekst", "")], "Et afsnit som nationalt"),
            (
                [("maalgruppe", "supplemented", "A", ""), ("maalgruppe", "supplemented", "B", "")],
                "mere end én gang",
            ),
            ([("findes-ikke", "supplemented", "A", "")], "findes-ikke"),
        ],
    )
    def test_bad_entries_are_form_errors(self, admin_client, regions, national, sections, message):
        response = self.post(admin_client, regions["midtjylland"], national, sections)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not children(regions["midtjylland"]).exists()

    def test_edition_of_another_document_is_refused(
        self, admin_client, regions, national, guidance_index
    ):
        other = GuidanceDocumentPageFactory(parent=guidance_index, slug="andet")
        GuidanceSectionPageFactory(parent=other, slug="x")
        other = fresh(other)
        edition = release_edition(
            other, label="1", effective_date=datetime.date(2020, 1, 1), change_summary="."
        )
        response = self.post(admin_client, regions["midtjylland"], national, [], based_on=edition)
        assert response.status_code == 200
        assert not children(regions["midtjylland"]).exists()

    def test_second_adaptation_of_the_same_document_in_a_region_is_refused(
        self, admin_client, regions, national, midtjylland_adaptation
    ):
        response = self.post(admin_client, regions["midtjylland"], national, [])
        assert response.status_code == 200
        assert "allerede en tilpasning" in response.content.decode()
        assert children(regions["midtjylland"]).count() == 1


def test_sitemap_lists_the_adaptation_and_each_of_its_sections(client, midtjylland_adaptation):
    body = client.get("/sitemap.xml").content.decode()
    for path in ("", "maalgruppe/", "indsatser/", "opfoelgning/"):
        assert f"<loc>http://testserver{BASE}{path}</loc>" in body


def test_entry_added_by_a_colleague_meanwhile_counts_against_duplicates(
    admin_client, midtjylland_adaptation
):
    """A stale form adding a section a colleague has just adapted: a form error, not a 500."""
    page = midtjylland_adaptation
    first, second = page.section_adaptations.all()
    stale = [
        {
            "id": first.pk,
            "section": first.section,
            "mode": first.mode,
            "text": rich_text(first.text),
            "reason": "",
        },
        {
            "id": second.pk,
            "section": second.section,
            "mode": second.mode,
            "text": rich_text(second.text),
            "reason": second.reason,
        },
        {
            "section": "indsatser",
            "mode": "supplemented",
            "text": rich_text("<p>Min</p>"),
            "reason": "",
        },
    ]
    # Meanwhile a colleague adapts 'indsatser' and publishes.
    page = fresh(page)
    page.section_adaptations.add(SectionAdaptation(section="indsatser", text="<p>Kollega</p>"))
    page.save_revision().publish()

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "document": page.document_id,
            "based_on": page.based_on_id,
            "intro": "",
            "section_adaptations": inline_formset(stale, initial=2),
            "recommendation_stances": inline_formset([]),
        }
    )
    for action in ({}, {"action-publish": "1"}):
        response = admin_client.post(f"/admin/pages/{page.pk}/edit/", {**data, **action})
        assert response.status_code == 200
        assert "mere end én gang" in response.content.decode()
    assert [e.section for e in fresh(page).section_adaptations.all()].count("indsatser") == 1


def test_an_adapted_document_cannot_be_deleted_from_under_its_adaptations(
    admin_client, midtjylland_adaptation, national
):
    confirm = admin_client.get(f"/admin/pages/{national.pk}/delete/")
    assert confirm.context["is_protected"]
    response = admin_client.post(f"/admin/pages/{national.pk}/delete/")
    assert response.status_code in (302, 403)
    assert type(national).objects.filter(pk=national.pk).exists()
    assert fresh(midtjylland_adaptation).document_id == national.pk
