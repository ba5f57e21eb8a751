"""Adopt, adapt or exclude, per recommendation (GRADE's adolopment).

When a region replaces a section, it states for each national recommendation in
it whether it keeps it, adapts it (in its own wording) or does not adopt it
(and why): through the admin's form (with CSRF, as a region's editor), in the
content format, for readers on the regional section's page, and flagged for
review when a newer national edition changes the recommendation.
"""

import datetime
import textwrap

import pytest
import yaml
from bs4 import BeautifulSoup
from django.utils.html import strip_tags
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.content import ContentError, export_content, import_content
from guidelines.editions.release import release_edition
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceSectionPageFactory,
    RegionalAdaptationPageFactory,
    entry,
    recommendation,
    stance,
    text,
)
from guidelines.models import GuidanceSectionPage, RegionalAdaptationPage
from tests.conftest import empty_site

from .test_adaptations_content import SITE, write
from .test_moderation import MIDT_EDITORS, post_form, soup


def fresh(page):
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def plan(guidance_index):
    """A document whose section 'indsatser' holds recommendations 2.1 and 2.2, and
    'opfoelgning' 3.1; one released edition."""
    document = GuidanceDocumentPageFactory(
        parent=guidance_index, slug="plan", title="Plan for forløb"
    )
    for number, (slug, title, body) in enumerate(
        [
            ("maalgruppe", "Målgruppe", [text("<p>Voksne.</p>")]),
            (
                "indsatser",
                "Indsatser",
                [
                    text("<p>Indsatserne hænger sammen.</p>"),
                    recommendation(
                        "2.1", title="Fælles plan", statement="<p>Lav en fælles plan.</p>"
                    ),
                    recommendation(
                        "2.2", title="Tovholder", statement="<p>Udpeg en tovholder.</p>"
                    ),
                ],
            ),
            ("opfoelgning", "Opfølgning", [recommendation("3.1", title="Følg op")]),
        ],
        start=1,
    ):
        GuidanceSectionPageFactory(
            parent=document, slug=slug, title=title, number=str(number), body=body
        )
    document = fresh(document)
    release_edition(
        document, label="1. udgave", effective_date=datetime.date(2015, 1, 1), change_summary="."
    )
    return fresh(document)


def new_edition(document, slug, body, label="2. udgave"):
    section = GuidanceSectionPage.objects.get(slug=slug, path__startswith=document.path)
    section.body = body
    section.save_revision().publish()
    release_edition(
        fresh(document), label=label, effective_date=datetime.date(2025, 1, 1), change_summary="."
    )
    return fresh(document)


INDSATSER_2_1_CHANGED = [
    text("<p>Indsatserne hænger sammen.</p>"),
    recommendation(
        "2.1", title="Fælles plan", statement="<p>Lav en fælles plan inden 14 dage.</p>"
    ),
    recommendation("2.2", title="Tovholder", statement="<p>Udpeg en tovholder.</p>"),
]


def adapt(region_page, document, stances, based_on=None, mode="replaced", **kwargs):
    return RegionalAdaptationPageFactory(
        parent=region_page,
        document=document,
        based_on=based_on or document.edition_list[-1],
        sections=[
            entry("indsatser", mode=mode, text="<p>Regionens egne indsatser.</p>"),
            entry("maalgruppe"),
        ],
        stances=stances,
        **kwargs,
    )


# --- The editor's form --------------------------------------------------------


@pytest.fixture
def editor(csrf_login, plan):
    return csrf_login("midt-redaktoer", MIDT_EDITORS)


def post_adaptation(client, region_page, document, sections, stances, action="action-submit"):
    data = nested_form_data(
        {
            "title": "Plan i Midtjylland",
            "slug": "plan",
            "document": document.pk,
            "based_on": document.edition_list[-1].pk,
            "intro": "",
            "section_adaptations": inline_formset(
                [
                    {
                        "section": slug,
                        "mode": mode,
                        "text": rich_text("<p>Lokal tekst.</p>"),
                        "reason": "Lokalt." if mode == "replaced" else "",
                    }
                    for slug, mode in sections
                ]
            ),
            "recommendation_stances": inline_formset(
                [
                    {"code": code, "stance": value, "text": rich_text(wording), "reason": reason}
                    for code, value, wording, reason in stances
                ]
            ),
            action: action,
        }
    )
    return post_form(
        client, f"/admin/pages/add/guidelines/regionaladaptationpage/{region_page.pk}/", data
    )


class TestEditorForm:
    def test_a_replaced_section_with_a_stance_on_each_recommendation_is_saved(
        self, editor, regions, plan
    ):
        response = post_adaptation(
            editor,
            regions["midtjylland"],
            plan,
            [("indsatser", "replaced")],
            [
                ("2.1", "kept", "", ""),
                ("2.2", "adapted", "<p>Tovholderen er fra kommunen.</p>", ""),
            ],
        )
        assert response.status_code == 302
        page = (
            RegionalAdaptationPage.objects.child_of(regions["midtjylland"])
            .get()
            .get_latest_revision_as_object()
        )
        assert [
            (s.code, s.stance, strip_tags(s.text)) for s in page.recommendation_stances.all()
        ] == [("2.1", "kept", ""), ("2.2", "adapted", "Tovholderen er fra kommunen.")]
        assert page.recommendation_stances.all()[0].text == ""  # not an empty paragraph

    def test_the_form_offers_the_documents_recommendations_grouped_by_section(
        self, editor, regions, plan
    ):
        url = (
            f"/admin/pages/add/guidelines/regionaladaptationpage/{regions['midtjylland'].pk}/"
            f"?dokument={plan.pk}"
        )
        template = soup(editor.get(url)).find(id="id_recommendation_stances-EMPTY_FORM_TEMPLATE")
        groups = BeautifulSoup(template.decode_contents(), "html.parser").find_all("optgroup")
        by_label = {g["label"]: [o["value"] for o in g.find_all("option")] for g in groups}
        assert by_label["2. Indsatser"] == ["2.1", "2.2"]

    def test_a_draft_too_has_a_row_for_each_recommendation_of_a_replaced_section(
        self, editor, regions, plan
    ):
        """Wagtail lets a draft leave a row's stance unchosen (required fields wait
        for publishing), but not leave a recommendation out."""
        sections = [("indsatser", "replaced")]
        response = post_adaptation(
            editor, regions["midtjylland"], plan, sections, [("2.1", "kept", "", "")], "action-save"
        )
        assert "angiv for anbefaling 2.2" in response.content.decode()
        unchosen = [("2.1", "kept", "", ""), ("2.2", "", "", "")]
        response = post_adaptation(
            editor, regions["midtjylland"], plan, sections, unchosen, "action-save"
        )
        assert response.status_code == 302

    @pytest.mark.parametrize(
        "sections, stances, message",
        [
            (
                [("indsatser", "replaced")],
                [("2.1", "kept", "", "")],
                "Regionen erstatter afsnittet “2. Indsatser”: angiv for anbefaling 2.2",
            ),
            (
                [("indsatser", "replaced")],
                [("2.1", "kept", "", ""), ("2.2", "kept", "", ""), ("2.1", "excluded", "", "Nej")],
                "Anbefaling 2.1 har allerede en holdning",
            ),
            (
                [("indsatser", "supplemented")],
                [("2.1", "kept", "", "")],
                "Anbefaling 2.1 står ikke i et afsnit, regionen erstatter",
            ),
            (
                [("indsatser", "replaced")],
                [("2.1", "adapted", "", ""), ("2.2", "kept", "", "")],
                "Skriv regionens formulering af anbefalingen.",
            ),
            (
                [("indsatser", "replaced")],
                [("2.1", "excluded", "", ""), ("2.2", "kept", "", "")],
                "Skriv, hvorfor regionen ikke vedtager anbefalingen.",
            ),
            (
                [("indsatser", "replaced")],
                [("2.1", "kept", "<p>Alligevel.</p>", ""), ("2.2", "kept", "", "")],
                "En anbefaling, der beholdes, vises med den nationale ordlyd",
            ),
            (
                [("indsatser", "replaced")],
                [("9.9", "kept", "", ""), ("2.2", "kept", "", "")],
                "Vejledningen har ingen anbefaling 9.9.",
            ),
            (
                [("indsatser", "replaced")],
                [("2.1", "", "", ""), ("2.2", "kept", "", "")],
                "Vælg, om anbefalingen beholdes, tilpasses eller ikke vedtages.",
            ),
        ],
        ids=[
            "missing",
            "twice",
            "outside-replaced",
            "adapted-without-wording",
            "excluded-without-reason",
            "kept-with-text",
            "unknown-code",
            "no-stance",
        ],
    )
    def test_bad_stances_are_danish_form_errors_and_nothing_is_saved(
        self, editor, regions, plan, sections, stances, message
    ):
        response = post_adaptation(editor, regions["midtjylland"], plan, sections, stances)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not RegionalAdaptationPage.objects.exists()


# --- Readers ------------------------------------------------------------------


class TestReaders:
    def test_the_regional_section_lists_each_recommendation_with_the_regions_stance(
        self, client, regions, plan
    ):
        adapt(
            regions["midtjylland"],
            plan,
            [
                stance("2.1", "excluded", reason="Kommunerne har allerede en fælles plan."),
                stance("2.2", "adapted", text="<p>Tovholderen er fra kommunen.</p>"),
            ],
        )
        page = soup(client.get("/regioner/midtjylland/plan/indsatser/"))
        items = page.select(".stances .stance")
        assert [li.select_one(".code").get_text() for li in items] == ["2.1", "2.2"]
        excluded, adapted = items
        assert "stance--excluded" in excluded["class"]
        assert "Ikke vedtaget" in excluded.get_text()
        assert "Kommunerne har allerede en fælles plan." in excluded.get_text()
        assert (
            "Lav en fælles plan." in excluded.find("details").get_text()
        )  # national, one click below
        assert "Tilpasset" in adapted.get_text()
        assert "Tovholderen er fra kommunen." in adapted.select_one(".stance__text").get_text()
        assert excluded.a["href"] == "/vejledninger/plan/anbefaling/2-1/"
        # The note that the region replaces the text names what it covers, up front.
        note = page.select_one(".local-part__note")
        assert [a["href"] for a in note.select("a")] == [
            "#stance-anbefaling-2-1",
            "#stance-anbefaling-2-2",
        ]
        assert excluded["id"] == "stance-anbefaling-2-1"

    def test_a_kept_recommendation_is_shown_in_its_national_wording(self, client, regions, plan):
        adapt(regions["midtjylland"], plan, [stance("2.1"), stance("2.2")])
        page = soup(client.get("/regioner/midtjylland/plan/indsatser/"))
        kept = page.select(".stances .stance")[1]
        assert "Beholdt" in kept.get_text()
        assert "Udpeg en tovholder." in kept.select_one(".stance__national").get_text()

    def test_no_list_in_the_national_text_or_a_supplemented_section(self, client, regions, plan):
        adapt(regions["midtjylland"], plan, [stance("2.1"), stance("2.2")])
        national = soup(client.get("/regioner/midtjylland/plan/indsatser/?tekst=national"))
        assert not national.select(".stances")
        assert not soup(client.get("/regioner/midtjylland/plan/maalgruppe/")).select(".stances")


# --- Review after a new national edition ----------------------------------------


@pytest.fixture
def two_regions(regions, plan):
    """Midtjylland and Syddanmark replace 'indsatser', with stances on 2.1 and 2.2,
    based on the first edition."""
    return [
        adapt(regions[slug], plan, [stance("2.1"), stance("2.2", "adapted")])
        for slug in ("midtjylland", "syddanmark")
    ]


class TestReview:
    def test_a_changed_recommendation_flags_exactly_the_stances_on_it(self, plan, two_regions):
        assert not any(fresh(page).review.needed for page in two_regions)
        new_edition(plan, "indsatser", INDSATSER_2_1_CHANGED)
        for page in two_regions:
            review = fresh(page).review
            assert review.stances == ["2.1"]
            assert set(review.flagged_stances) == {"2.1"}
            assert "inden 14 dage" in review.flagged_stances["2.1"].diff

    def test_a_change_elsewhere_flags_no_stance(self, plan, two_regions):
        new_edition(plan, "opfoelgning", [recommendation("3.1", title="Følg op hvert år")])
        assert not any(fresh(page).review.stances for page in two_regions)

    def test_a_removed_recommendation_flags_the_stance_on_it(self, plan, two_regions):
        new_edition(plan, "indsatser", INDSATSER_2_1_CHANGED[:2])  # 2.2 is gone
        assert fresh(two_regions[0]).review.stances == ["2.1", "2.2"]

    def test_following_the_new_edition_clears_the_flags(self, plan, two_regions):
        document = new_edition(plan, "indsatser", INDSATSER_2_1_CHANGED)
        page = fresh(two_regions[0])
        page.based_on = document.edition_list[-1]
        page.save_revision().publish()
        assert not fresh(page).review.needed

    def test_the_editor_sees_the_flag_in_the_form_the_report_and_the_side_by_side(
        self, admin_client, plan, two_regions
    ):
        new_edition(plan, "indsatser", INDSATSER_2_1_CHANGED)
        page = two_regions[0]
        form = soup(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
        review = form.find(class_="adaptation-review")
        stances = review.select(".adaptation-review__stance")
        assert len(stances) == 1 and "Anbefaling 2.1 Fælles plan" in stances[0].get_text()
        assert "inden 14 dage" in stances[0].find("ins").get_text()

        rows = form.select(".adaptation-side-by-side__stances tbody tr")
        flagged = [row.th.get_text(strip=True) for row in rows if row.select(".stance-review")]
        assert flagged == ["2.1 Fælles plan"]

        report = soup(admin_client.get("/admin/tilpasninger/til-gennemsyn/"))
        cells = [row.find_all("td")[-1].get_text(strip=True) for row in report.select("tbody tr")]
        assert cells == ["anbefaling 2.1", "anbefaling 2.1"]

    def test_readers_see_which_stance_awaits_review(self, client, plan, two_regions):
        new_edition(plan, "indsatser", INDSATSER_2_1_CHANGED)
        items = soup(client.get("/regioner/midtjylland/plan/indsatser/")).select(".stances .stance")
        assert [bool(li.select(".review-note")) for li in items] == [True, False]


# --- The content format ---------------------------------------------------------

DOCUMENT = """
format: vejledning/1
documents:
  - slug: plan
    title: Plan
    document_type: model
    issuers: Sundhedsstyrelsen
    first_published: 2015-08-01
    summary: En plan.
    sections:
      - slug: indsatser
        title: Indsatser
        number: "2"
        body:
          - type: recommendation
            value:
              code: "2.1"
              title: Fælles plan
              strength: boer
              statement: <p>Lav en plan.</p>
          - type: recommendation
            value:
              code: "2.2"
              title: Tovholder
              strength: kan
              statement: <p>Udpeg en.</p>
      - slug: opfoelgning
        title: Opfølgning
        number: "3"
        body:
          - type: recommendation
            value:
              code: "3.1"
              title: Følg op
              strength: boer
              statement: <p>Følg op.</p>
"""

ADAPTATION = """
format: vejledning/1
adaptations:
  - region: midtjylland
    slug: plan
    title: Plan i Midtjylland
    document: plan
    sections:
      - section: indsatser
        mode: replaced
        text: <p>Egne indsatser.</p>
        reason: Lokale aftaler.
    stances:
      - code: "2.1"
        stance: adapted
        text: <p>Planen laves på første møde.</p>
      - code: "2.2"
        stance: excluded
        reason: Kommunen har allerede tovholdere.
"""


STANCE_2_2 = """\
      - code: "2.2"
        stance: excluded
        reason: Kommunen har allerede tovholdere.
"""


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    write(folder, "site.yaml", SITE)
    write(folder, "documents.yaml", DOCUMENT)
    write(folder, "adaptations.yaml", ADAPTATION)
    return folder


def stances():
    return [
        (
            page.region.slug,
            [(s.code, s.stance, s.text, s.reason) for s in page.recommendation_stances.all()],
        )
        for page in RegionalAdaptationPage.objects.order_by("path")
    ]


class TestContentFormat:
    def test_import_export_and_import_again_keep_the_stances(self, db, content, tmp_path):
        import_content(content)
        before = stances()
        assert before == [
            (
                "midtjylland",
                [
                    ("2.1", "adapted", "<p>Planen laves på første møde.</p>", ""),
                    ("2.2", "excluded", "", "Kommunen har allerede tovholdere."),
                ],
            )
        ]
        export_content(tmp_path / "export")
        exported = yaml.safe_load(
            (tmp_path / "export" / "adaptations" / "midtjylland-plan.yaml").read_text("utf-8")
        )
        assert [s["code"] for s in exported["adaptations"][0]["stances"]] == ["2.1", "2.2"]
        empty_site()
        import_content(tmp_path / "export")
        assert stances() == before
        stats = import_content(tmp_path / "export")
        assert (stats["created"], stats["updated"]) == (0, 0)

    @pytest.mark.parametrize(
        "old, new, item, field",
        [
            (
                STANCE_2_2,
                "",
                "adaptations[0] (midtjylland/plan)",
                "stances",
            ),
            ('code: "2.2"', 'code: "3.1"', "stances[1] (3.1)", "code"),
            ('code: "2.2"', 'code: "2.1"', "stances[1] (2.1)", "code"),
            (
                "        reason: Kommunen har allerede tovholdere.\n",
                "",
                "stances[1] (2.2)",
                "reason",
            ),
            ("stance: adapted", "stance: vedtaget", "stances[0]", "stance"),
            ("<p>Planen laves på første møde.</p>", "<h2>Plan</h2>", "stances[0]", "text"),
        ],
        ids=["missing", "outside-replaced", "twice", "no-reason", "unknown-stance", "heading"],
    )
    def test_bad_stances_are_rejected_with_item_and_field(self, db, content, old, new, item, field):
        source = textwrap.dedent(ADAPTATION)
        assert old in source
        write(content, "adaptations.yaml", source.replace(old, new, 1))
        with pytest.raises(ContentError) as caught:
            import_content(content)
        assert item in (caught.value.item or ""), str(caught.value)
        assert field in (caught.value.field or ""), str(caught.value)
        assert not RegionalAdaptationPage.objects.exists()


# --- The demo ---------------------------------------------------------------------


def test_the_demo_shows_stances_and_flags_syddanmarks_for_review(client, demo_site):
    midt = soup(client.get("/regioner/midtjylland/forloebsprogrammer/opfoelgning-og-tilpasning/"))
    kept = midt.select(".stances .stance")
    assert [li.select_one(".code").get_text() for li in kept] == ["7.1"]
    assert "Beholdt" in kept[0].get_text() and not kept[0].select(".review-note")

    syd = soup(client.get("/regioner/syddanmark/forloebsprogrammer/opfoelgning-og-tilpasning/"))
    adapted = syd.select_one(".stances .stance")
    assert "Tilpasset" in adapted.get_text() and "(demo)" in adapted.get_text()
    assert adapted.select(".review-note")  # 7.1 changed in the (demo) 2nd edition
    page = RegionalAdaptationPage.objects.get(
        url_path__endswith="/syddanmark/forloebsprogrammer/", locale__language_code="da"
    )
    assert page.review.stances == ["7.1"]
