"""Translations in the content format: `locale: en` files (docs/content-format.md)."""

import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest
import yaml
from django.utils import translation
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail_localize.synctree import synchronize_tree

from casebook.models import (
    CasebookIndexPage,
    CasePage,
    CollaborationPage,
    FundingIndexPage,
    FundingPage,
    MeetingIndexPage,
    MeetingPage,
    MethodIndexPage,
    MethodPage,
)
from core.content import ContentError, export_content, import_content
from core.content.pages import mirror_order
from directory.models import DirectoryIndexPage, OfferPage, RegionalDirectoryPage
from glossary.models import GlossaryPage
from guidelines.models import (
    GuidanceDocumentPage,
    GuidanceIndexPage,
    GuidanceSectionPage,
    RegionalAdaptationPage,
    RegionIndexPage,
    RegionPage,
)
from home.models import AccessibilityStatementPage, HomePage, StandardPage
from tests.casebook.test_content import state as cases_and_meetings
from tests.conftest import DEMO_CONTENT, empty_site, shared_data
from tests.guidelines.test_content_format import (
    DOCUMENT,
    SITE,
    TRANSLATION,
    field_values,
    write,
)
from tests.guidelines.test_content_format import snapshot as all_pages

REGIONS = ["nordjylland", "midtjylland", "syddanmark", "hovedstaden", "sjaelland"]
# What content/demo/en translates: (page type, the Danish page's slug).
DEMO_TRANSLATIONS = {
    (HomePage, "forside"),
    (StandardPage, "om-platformen"),
    (AccessibilityStatementPage, "tilgaengelighedserklaering"),
    (StandardPage, "privatliv"),
    (StandardPage, "kontakt"),
    (GuidanceIndexPage, "vejledninger"),
    (RegionIndexPage, "regioner"),
    *((RegionPage, slug) for slug in REGIONS),
    (GuidanceDocumentPage, "forloebsprogrammer"),
    *(
        (GuidanceSectionPage, slug)
        for slug in [
            "om-modellen",
            "faelles-maal-og-forstaaelse",
            "maalgruppe",
            "relevante-indsatser",
            "organisatorisk-ramme",
            "implementering",
            "opfoelgning-og-tilpasning",
            "finansiering-og-lokale-programmer",
            # dobbeltdiagnose: "maalgruppe" is named above already
            "om-retningslinjerne",
            "den-forkerte-doer",
            "tovholder",
            # kl-2018
            "om-anbefalingerne",
            "udviklingen-i-tal",
            "et-samlet-loeft",
        ]
    ),
    (GuidanceDocumentPage, "dobbeltdiagnose"),
    (GuidanceDocumentPage, "kl-2018"),
    (GuidanceDocumentPage, "indsatsplan"),
    (CasebookIndexPage, "casebog"),
    *(
        (CasePage, slug)
        for slug in [
            "tovholder-dobbeltdiagnose-aalborg",
            "forloebsprogram-unge-vendsyssel",
            "forloebsprogram-skizofreni-silkeborg",
            "ips-sydvestjylland",
            "forloebsprogram-boern-adhd-nordvestsjaelland",
        ]
    ),
    (MeetingIndexPage, "moeder"),
    (MeetingPage, "informationsmoede-nordjylland-2014"),
    (RegionalAdaptationPage, "forloebsprogrammer"),
    (DirectoryIndexPage, "hvem-goer-hvad"),
    (RegionalDirectoryPage, "hvem-goer-hvad"),
    *(
        (OfferPage, slug)
        for slug in ["ambulatorium-randers", "misbrugsbehandling-randers", "akutteam-midt"]
    ),
    (GlossaryPage, "ordliste"),
    (FundingIndexPage, "puljer"),
    *(
        (FundingPage, slug)
        for slug in [
            "pulje-lokale-forloebsprogrammer-2015",
            "alliance-om-den-naere-psykiatri-midler",
        ]
    ),
    (CollaborationPage, "alliance-om-den-naere-psykiatri"),
    (MethodIndexPage, "metoder"),
    *(
        (MethodPage, slug)
        for slug in [
            "brobyggere",
            "udskrivningsaftaler-og-koordinationsplaner",
            "peerstoette",
            "ips",
            "aaben-dialog",
            "low-arousal",
            "fit",
            "akuttilbud",
            "psykiatrihuse",
        ]
    ),
}
TRANSLATED_SECTIONS = {
    "forloebsprogrammer": 8,  # all of them
    "dobbeltdiagnose": 4,
    "indsatsplan": 0,  # the overview only
    "kl-2018": 3,
}


@pytest.fixture(autouse=True)
def _language_back():
    """A request under /en/ leaves English active in this thread (LocaleMiddleware
    activates the URL's language and nothing deactivates it): put it back."""
    language = translation.get_language()
    yield
    translation.activate(language)


def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def danish():
    return Locale.get_default()


def translations(locale=None):
    """The real translations (not aliases) in `locale`, as specific pages."""
    return (
        Page.objects.filter(locale=locale or english(), alias_of__isnull=True, depth__gt=1)
        .order_by("path")
        .specific()
    )


def source(page):
    return Page.objects.get(translation_key=page.translation_key, locale=danish()).specific


def snapshot(locale):
    """One locale's pages as a reader sees them, with their child objects and
    whether each is an alias (a reader sees the Danish text there)."""
    rows = []
    pages = Page.objects.filter(depth__gt=1, locale=locale).order_by("path").specific()
    for page in pages:
        fields = field_values(page, skip=("page_ptr",))
        for relation in get_all_child_relations(page):
            name = relation.get_accessor_name()
            fields[name] = [
                field_values(child, skip=(relation.field.name,))
                for child in getattr(page, name).all()
            ]
        editions = (
            [(e.slug, e.label, e.snapshot) for e in page.editions.all()]
            if isinstance(page, GuidanceDocumentPage)
            else None
        )
        rows.append(
            (
                page.url_path,
                type(page).__name__,
                page.title,
                page.live,
                page.alias_of_id is not None,
                fields,
                editions,
            )
        )
    return rows


def synchronise():
    """What wagtail-localize's LocaleSynchronization does for pages made in the admin
    (and `manage.py sync_languages` for imported ones): an English alias for every
    Danish page that has no English version, in the Danish order."""
    synchronize_tree(danish(), english())
    mirror_order(english())


@shared_data("module", params=["synced", "not synced"])
def translated_demo(request):
    """The demo content, translated into an English tree that wagtail-localize has
    synchronised with aliases ("synced": the translations replace them), or into
    an empty one (Wagtail copies the parents a translation needs as aliases).

    Loaded once per module and variant (it takes seconds): the tests read it, or
    change it in a savepoint of their own (`demo`)."""
    english()
    if request.param == "synced":
        with tempfile.TemporaryDirectory() as folder:
            danish_only = Path(folder) / "danish"
            shutil.copytree(DEMO_CONTENT, danish_only, ignore=shutil.ignore_patterns("en"))
            import_content(danish_only)
        synchronise()
        assert Page.objects.filter(locale=english(), alias_of__isnull=True).count() == 0
    import_content(DEMO_CONTENT)
    return request.param


@pytest.fixture
def demo(translated_demo, db):
    """The translated demo (see translated_demo), for one test: "synced" or "not synced"."""
    return translated_demo


def test_demo_translates_exactly_the_listed_pages(demo, client):
    pages = list(translations())
    assert {(type(page), source(page).slug) for page in pages} == DEMO_TRANSLATIONS

    # Every page type of the Danish site has an English version.
    danish_types = {
        type(page) for page in Page.objects.filter(locale=danish(), depth__gt=1).specific()
    }
    assert danish_types <= {type(page) for page in pages}

    for page in pages:
        original = source(page)
        assert page.live and not page.has_unpublished_changes, page.url_path
        assert page.title != original.title, page.url_path  # written in English
        assert page.is_demo
        if page.depth > 2:  # the home page is a sibling of the Danish one: "forside-en"
            assert page.slug == original.slug, page.url_path

    # Partly translated documents: their other sections are aliases when synced.
    for slug, count in TRANSLATED_SECTIONS.items():
        document = GuidanceDocumentPage.objects.get(locale=english(), slug=slug)
        sections = GuidanceSectionPage.objects.child_of(document)
        assert sections.filter(alias_of__isnull=True).count() == count
        danish_sections = GuidanceSectionPage.objects.child_of(source(document))
        if demo == "synced":
            # Every section, in the Danish order; the untranslated ones show the Danish text.
            assert [s.translation_key for s in sections] == [
                s.translation_key for s in danish_sections
            ]
        else:
            assert sections.filter(alias_of__isnull=False).count() == 0

    # English pages are served under /en/.
    home = HomePage.objects.get(locale=english())
    assert home.url == "/en/"
    response = client.get("/en/vejledninger/forloebsprogrammer/")
    assert response.status_code == 200
    assert "Model for care pathway programmes" in response.content.decode()


def test_english_links_go_to_english_pages(demo):
    en = english()
    model = GuidanceDocumentPage.objects.get(locale=en, slug="forloebsprogrammer")
    dual = GuidanceDocumentPage.objects.get(locale=en, slug="dobbeltdiagnose")

    # A translated case links to the English recommendations.
    case = CasePage.objects.get(locale=en, slug="tovholder-dobbeltdiagnose-aalborg")
    assert case.region.slug == "nordjylland"  # reference data, not translated
    assert case.get_parent().specific == RegionPage.objects.get(
        locale=en, region__slug="nordjylland"
    )
    links = [(link.document, link.code) for link in case.recommendation_links.all()]
    assert links == [(dual, "6.1"), (dual, "6.2"), (dual, "3.1")]
    assert dual.find_recommendation("6.1")[1]["title"] == "One named care coordinator"
    assert dual.recommendation_url("6.1").startswith("/en/")

    # A meeting lists the English case, and the Danish one where there is no
    # translation (not its alias: the site shows a link to it as one to the alias).
    meeting = MeetingPage.objects.get(locale=en, alias_of__isnull=True)
    presented = [link.case for link in meeting.presented_cases.all()]
    assert presented[0] == case
    untranslated = CasePage.objects.get(
        locale=danish(), slug="laeringsnetvaerk-koordinerende-indsatsplaner"
    )
    assert presented[1] == untranslated

    # The adaptation adapts the English model and is based on its English edition.
    adaptation = RegionalAdaptationPage.objects.get(locale=en, alias_of__isnull=True)
    assert adaptation.document == model
    assert adaptation.based_on.document == model
    assert adaptation.based_on.slug == "2-udgave-2025-demo"
    assert adaptation.get_parent().specific.title == "Central Denmark Region"


def test_english_model_has_its_own_english_editions(demo, client):
    model = GuidanceDocumentPage.objects.get(locale=english(), slug="forloebsprogrammer")
    editions = list(model.editions.all())
    assert [(e.slug, e.label) for e in editions] == [
        ("1-udgave-2015", "1st edition, 2015"),
        ("2-udgave-2025-demo", "2nd edition, 2025 (demo)"),
    ]
    old, new = editions
    sections = {s["slug"]: s for s in old.snapshot["sections"]}
    assert sections["opfoelgning-og-tilpasning"]["title"] == "Follow-up and adjustment"
    assert "no later than six months" not in sections["opfoelgning-og-tilpasning"]["text"]
    assert (
        "no later than six months"
        in {s["slug"]: s for s in new.snapshot["sections"]}["opfoelgning-og-tilpasning"]["text"]
    )
    # The Danish editions are the Danish document's own.
    assert source(model).editions.get(slug="1-udgave-2015").label == "1. udgave, 2015"

    response = client.get(
        "/en/vejledninger/forloebsprogrammer/sammenlign/1-udgave-2015/2-udgave-2025-demo/"
    )
    assert response.status_code == 200
    assert "Organisational framework" in response.content.decode()


def test_importing_the_demo_again_changes_nothing(demo):
    before = (
        snapshot(english()),
        snapshot(danish()),
        Revision.objects.count(),
        list(Page.objects.order_by("pk").values_list("pk", "last_published_at")),
    )
    stats = import_content(DEMO_CONTENT)
    assert stats["created"] == stats["updated"] == 0
    after = (
        snapshot(english()),
        snapshot(danish()),
        Revision.objects.count(),
        list(Page.objects.order_by("pk").values_list("pk", "last_published_at")),
    )
    assert before == after


# The one round trip of the whole demo (it takes seconds), on the demo as the site runs
# it: every Danish page has an English counterpart. Importing into the emptied database
# makes the English tree as "not synced" has it; synchronising then completes it. The
# other round trips use small files: test_content_format, tests/casebook/test_content.
@pytest.mark.parametrize("translated_demo", ["synced"], indirect=True)
def test_export_then_import_into_an_empty_database_round_trips_both_locales(demo, tmp_path):
    """Every page of both locales with its fields, child objects and editions; the
    pages as test_content_format compares them (e.g. show_in_menus); and the cases and
    meetings with their regions, municipalities, themes and links."""
    original = {locale: snapshot(locale) for locale in (danish(), english())}
    original_pages = all_pages()
    original_cases = cases_and_meetings()
    assert original_cases[0] and original_cases[1]
    written = export_content(tmp_path / "export")

    english_files = sorted(
        str(path.relative_to(tmp_path / "export"))
        for path in written
        if (tmp_path / "export" / "en") in path.parents
    )
    assert english_files == [
        "en/adaptations/midtjylland-forloebsprogrammer.yaml",
        "en/documents/dobbeltdiagnose.yaml",
        "en/documents/forloebsprogrammer.yaml",
        "en/documents/indsatsplan.yaml",
        "en/documents/kl-2018.yaml",
        "en/site.yaml",
    ]
    site = yaml.safe_load((tmp_path / "export" / "en" / "site.yaml").read_text())
    assert site["locale"] == "en"
    assert site["site"]["home"]["slug"] == "forside"  # the Danish page's slug names it
    assert [case["slug"] for case in site["cases"]] == [
        "tovholder-dobbeltdiagnose-aalborg",
        "forloebsprogram-unge-vendsyssel",
        "forloebsprogram-skizofreni-silkeborg",
        "ips-sydvestjylland",
        "forloebsprogram-boern-adhd-nordvestsjaelland",
    ]
    dual = yaml.safe_load((tmp_path / "export" / "en/documents/dobbeltdiagnose.yaml").read_text())
    assert len(dual["documents"][0]["sections"]) == 4  # only what is translated

    empty_site()
    assert Page.objects.filter(depth__gt=1).count() == 0
    import_content(tmp_path / "export")
    synchronise()  # aliases are not content: the synchronisation makes them again
    assert {locale: snapshot(locale) for locale in (danish(), english())} == original
    assert all_pages() == original_pages
    assert cases_and_meetings() == original_cases


def test_single_yaml_file_holds_one_part_per_locale(db, tmp_path):
    english()
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "doc.yaml", DOCUMENT)
    (tmp_path / "en").mkdir()
    write(tmp_path / "en", "doc.yaml", TRANSLATION)
    import_content(tmp_path)
    original = {locale: snapshot(locale) for locale in (danish(), english())}

    export_content(tmp_path / "all.yaml")
    parts = list(yaml.safe_load_all((tmp_path / "all.yaml").read_text()))
    assert [part.get("locale") for part in parts] == [None, "en"]

    empty_site()
    import_content(tmp_path / "all.yaml")
    assert {locale: snapshot(locale) for locale in (danish(), english())} == original


# --- Small files -------------------------------------------------------------


@pytest.fixture
def danish_content(db, content):
    english()
    return content


def test_a_synchronised_alias_becomes_the_translation_in_its_place(danish_content, tmp_path):
    import_content(danish_content)
    synchronise()
    alias = GuidanceSectionPage.objects.get(locale=english(), slug="andet")
    assert alias.alias_of_id is not None and alias.title == "Andet afsnit"
    position = alias.path

    write(danish_content, "en.yaml", TRANSLATION)
    stats = import_content(danish_content)
    assert stats["created"] == 3  # home, document, section: from their aliases

    page = GuidanceSectionPage.objects.get(pk=alias.pk)
    assert page.alias_of_id is None and page.path == position
    assert page.title == "Second section" and page.live
    assert list(page.body[0].value["items"]) == ["one", "two"]
    assert PageLogEntry.objects.filter(page=page, action="wagtail.convert_alias").exists()
    # The untranslated section stays an alias, before the translated one.
    first, second = GuidanceSectionPage.objects.child_of(page.get_parent())
    assert first.alias_of_id is not None and second == page


def test_without_synchronisation_the_translation_is_a_copy(danish_content):
    write(danish_content, "en.yaml", TRANSLATION)
    import_content(danish_content)
    document = GuidanceDocumentPage.objects.get(locale=english())
    assert document.title == "Test document"
    # Only the translated section; the guidance index is an alias Wagtail made to hang it under.
    assert [s.title for s in GuidanceSectionPage.objects.child_of(document)] == ["Second section"]
    index = document.get_parent()
    assert index.alias_of_id is not None and index.locale == english()

    # A later translation of the first section takes its place before the second.
    write(
        danish_content,
        "en-2.yaml",
        """
        format: vejledning/1
        locale: en
        documents:
          - slug: proeve
            title: Test document
            document_type: guideline
            issuers: Danish Health Authority
            first_published: 2014-08-01
            summary: A short summary.
            sections:
              - {slug: foerste, title: First section, number: "1"}
        """,
    )
    with pytest.raises(ContentError, match="documents:proeve \\(en\\) findes også i"):
        import_content(danish_content)
    (danish_content / "en.yaml").unlink()
    import_content(danish_content)
    assert [s.title for s in GuidanceSectionPage.objects.child_of(document)] == [
        "First section",
        "Second section",  # a translation file is not the whole list: nothing is pruned
    ]


def test_a_translation_of_a_missing_danish_page_is_an_error(danish_content):
    import_content(danish_content)
    before = (snapshot(danish()), snapshot(english()), Revision.objects.count())
    bad = write(
        danish_content,
        "en.yaml",
        TRANSLATION.replace("slug: andet", "slug: tredje"),
    )
    with pytest.raises(ContentError) as caught:
        import_content(danish_content)
    error = caught.value
    assert str(bad) in str(error)
    assert error.item == "documents[0] (proeve) › sections[0] (tredje)"
    assert error.field == "slug"
    assert "ingen dansk side 'tredje'" in error.message
    assert (snapshot(danish()), snapshot(english()), Revision.objects.count()) == before


def test_an_unknown_language_is_an_error(danish_content):
    bad = write(danish_content, "fr.yaml", TRANSLATION.replace("locale: en", "locale: fr"))
    with pytest.raises(ContentError) as caught:
        import_content(danish_content)
    assert str(bad) in str(caught.value) and caught.value.field == "locale"


def test_a_translation_edited_in_the_file_is_updated(danish_content):
    write(danish_content, "en.yaml", TRANSLATION)
    import_content(danish_content)
    write(danish_content, "en.yaml", TRANSLATION.replace("Second section", "Section two"))
    stats = import_content(danish_content)
    assert stats["updated"] == 1
    section = GuidanceSectionPage.objects.get(locale=english(), slug="andet")
    assert section.title == "Section two" and not section.has_unpublished_changes


def test_pruning_a_danish_page_takes_its_translation_along(danish_content):
    write(danish_content, "en.yaml", TRANSLATION)
    import_content(danish_content)
    assert GuidanceSectionPage.objects.filter(slug="andet").count() == 2
    write(danish_content, "doc.yaml", DOCUMENT.split("      - slug: andet")[0])
    (danish_content / "en.yaml").unlink()
    import_content(danish_content)
    assert not GuidanceSectionPage.objects.filter(slug="andet").exists()


def test_the_danish_file_may_name_its_locale(danish_content):
    write(
        danish_content,
        "doc.yaml",
        DOCUMENT.replace("format: vejledning/1", "format: vejledning/1\nlocale: da"),
    )
    import_content(danish_content)
    assert GuidanceDocumentPage.objects.get(slug="proeve", alias_of__isnull=True).locale == danish()


def test_english_files_are_read_after_the_danish_ones(danish_content):
    # "a-en.yaml" sorts before "doc.yaml", but the Danish document must exist first.
    write(danish_content, "a-en.yaml", TRANSLATION)
    import_content(danish_content)
    assert GuidanceDocumentPage.objects.get(locale=english()).title == "Test document"


def test_the_edition_of_a_translation_is_its_own(danish_content):
    write(
        danish_content,
        "en.yaml",
        TRANSLATION
        + textwrap.indent(
            textwrap.dedent(
                """
                editions:
                  - slug: 1-udgave
                    label: 1st edition
                    effective_date: 2014-08-01
                    change_summary: First edition.
                """
            ),
            "    ",
        ),
    )
    import_content(danish_content)
    document = GuidanceDocumentPage.objects.get(locale=english())
    edition = document.editions.get()
    assert edition.label == "1st edition"
    assert [s["title"] for s in edition.snapshot["sections"]] == ["Second section"]
    assert not source(document).editions.exists()


CASES = """
format: vejledning/1
regions_index:
  slug: regioner
  title: Regioner
  regions:
    - {slug: nordjylland, region: nordjylland, title: Region Nordjylland}
    - {slug: midtjylland, region: midtjylland, title: Region Midtjylland}
casebook_index: {slug: casebog, title: Casebog}
cases:
  - slug: en-case
    title: En case
    region: nordjylland
    start_year: 2020
    status: i-gang
    summary: Et resumé.
    what_was_done: <p>Noget.</p>
"""


def test_a_translated_case_follows_its_danish_case_to_another_region(danish_content):
    write(danish_content, "cases.yaml", CASES)
    translation = (
        CASES.replace("format: vejledning/1", "format: vejledning/1\nlocale: en")
        .replace("title: En case", "title: A case")
        .replace("summary: Et resumé.", "summary: A summary.")
    )
    write(danish_content, "en.yaml", translation)
    import_content(danish_content)
    case = CasePage.objects.get(locale=english(), slug="en-case")
    assert case.title == "A case"
    assert case.get_parent().specific.region.slug == "nordjylland"

    write(
        danish_content,
        "cases.yaml",
        CASES.replace("region: nordjylland\n    start", "region: midtjylland\n    start"),
    )
    write(
        danish_content,
        "en.yaml",
        translation.replace("region: nordjylland\n    start", "region: midtjylland\n    start"),
    )
    import_content(danish_content)
    case = CasePage.objects.get(pk=case.pk)
    assert case.get_parent().specific.region.slug == "midtjylland"
    assert case.get_parent().locale == english()
    assert import_content(danish_content)["updated"] == 0
