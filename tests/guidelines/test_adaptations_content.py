"""Regional adaptations in the content format: import, export, round trip and errors."""

import textwrap

import pytest
import yaml
from wagtail.models import Page, Revision

from core.content import ContentError, export_content, import_content
from guidelines.models import RegionalAdaptationPage
from tests.conftest import empty_site

from .test_content_format import snapshot

SITE = """
format: vejledning/1
demo: true
site:
  home: {slug: forside, title: Forside}
guidance_index: {slug: vejledninger, title: Vejledninger}
regions_index:
  slug: regioner
  title: Regioner
  regions:
    - {slug: midtjylland, region: midtjylland, title: Region Midtjylland}
    - {slug: syddanmark, region: syddanmark, title: Region Syddanmark}
"""

# Two documents, so that an adaptation can name another document's edition.
DOCUMENTS = """
format: vejledning/1
documents:
  - slug: model
    title: Model
    document_type: model
    issuers: Sundhedsstyrelsen
    first_published: 2015-08-01
    summary: En model.
    sections:
      - slug: maalgruppe
        title: Målgruppe
        body: [{type: text, value: <p>Voksne.</p>}]
      - slug: indsatser
        title: Indsatser
        body: [{type: text, value: <p>Mange indsatser.</p>}]
      - slug: opfoelgning
        title: Opfølgning
        body: [{type: text, value: <p>Følg op hvert år.</p>}]
    editions:
      - slug: 1-udgave
        label: 1. udgave
        effective_date: 2015-08-01
        released_at: 2015-08-01 09:00:00+02:00
        change_summary: Første udgave.
        sections:
          - slug: maalgruppe
            title: Målgruppe
            body: [{type: text, value: <p>Voksne.</p>}]
          - slug: indsatser
            title: Indsatser
            body: [{type: text, value: <p>Mange indsatser.</p>}]
          - slug: opfoelgning
            title: Opfølgning
            body: [{type: text, value: <p>Følg op af og til.</p>}]
      - slug: 2-udgave
        label: 2. udgave
        effective_date: 2025-09-01
        released_at: 2025-08-15 10:00:00+02:00
        change_summary: Opfølgning hvert år.
  - slug: tillaeg
    title: Tillæg
    document_type: guideline
    issuers: Socialstyrelsen
    first_published: 2014-08-01
    summary: Et andet dokument.
    sections:
      - slug: eneste
        title: Eneste afsnit
        body: [{type: text, value: <p>Tekst.</p>}]
    editions:
      - slug: tillaeg-1
        label: 1. udgave
        effective_date: 2014-08-01
        released_at: 2014-08-01 09:00:00+02:00
        change_summary: Første udgave.
"""

# Both regions adapt the model under the same slug.
ADAPTATIONS = """
format: vejledning/1
demo: true
adaptations:
  - region: midtjylland
    slug: model
    title: Model i Midtjylland
    document: model
    based_on: 2-udgave
    intro: Regionens udgave.
    sections:
      - section: opfoelgning
        mode: replaced
        text: <p>Følg op hvert kvartal.</p>
        reason: Aftalt i samarbejdsaftalen.
      - section: maalgruppe
        mode: supplemented
        text: "<h3>Lokalt</h3><p>Også unge fra 16 år.</p>"
      - section: indsatser
        mode: national
  - region: syddanmark
    slug: model
    title: Model i Syddanmark
    document: model
    based_on: 1-udgave
    demo: false
    sections:
      - section: opfoelgning
        mode: supplemented
        text: <p>Se også regionens årsrapport.</p>
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    write(folder, "site.yaml", SITE)
    write(folder, "documents.yaml", DOCUMENTS)
    write(folder, "adaptations.yaml", ADAPTATIONS)
    return folder


def adaptations():
    """Every adaptation as a reader and an editor would compare them."""
    return [
        (
            page.url_path,
            page.region.slug,
            page.title,
            page.document.slug,
            page.based_on.slug if page.based_on else None,
            page.intro,
            page.is_demo,
            page.live,
            [
                (entry.section, entry.mode, entry.text, entry.reason)
                for entry in page.section_adaptations.all()
            ],
        )
        for page in RegionalAdaptationPage.objects.order_by("path")
    ]


def state():
    return (snapshot(), adaptations(), Revision.objects.count())


def test_import_places_adaptations_under_their_regions(db, content):
    import_content(content)
    assert adaptations() == [
        (
            "/forside/regioner/midtjylland/model/",
            "midtjylland",
            "Model i Midtjylland",
            "model",
            "2-udgave",
            "Regionens udgave.",
            True,
            True,
            [
                (
                    "opfoelgning",
                    "replaced",
                    "<p>Følg op hvert kvartal.</p>",
                    "Aftalt i samarbejdsaftalen.",
                ),
                ("maalgruppe", "supplemented", "<h3>Lokalt</h3><p>Også unge fra 16 år.</p>", ""),
                ("indsatser", "national", "", ""),
            ],
        ),
        (
            "/forside/regioner/syddanmark/model/",
            "syddanmark",
            "Model i Syddanmark",
            "model",
            "1-udgave",
            "",
            False,
            True,
            [("opfoelgning", "supplemented", "<p>Se også regionens årsrapport.</p>", "")],
        ),
    ]
    # The older edition's follow-up text has changed since: Syddanmark needs review.
    syd = RegionalAdaptationPage.objects.get(url_path="/forside/regioner/syddanmark/model/")
    assert syd.review.sections == ["opfoelgning"]


def test_export_then_import_into_an_empty_database_round_trips(db, content, tmp_path):
    import_content(content)
    before = (snapshot(), adaptations())

    written = export_content(tmp_path / "export")
    folder = tmp_path / "export" / "adaptations"
    assert sorted(p.name for p in written if p.parent == folder) == [
        "midtjylland-model.yaml",
        "syddanmark-model.yaml",
    ]
    exported = yaml.safe_load((folder / "midtjylland-model.yaml").read_text(encoding="utf-8"))
    item = exported["adaptations"][0]
    assert list(item)[:3] == ["region", "slug", "title"]
    assert [entry["section"] for entry in item["sections"]] == [
        "opfoelgning",
        "maalgruppe",
        "indsatser",
    ]

    empty_site()
    assert adaptations() == []

    import_content(tmp_path / "export")
    assert (snapshot(), adaptations()) == before
    # And the export, imported again, changes nothing.
    revisions = Revision.objects.count()
    stats = import_content(tmp_path / "export")
    assert (stats["created"], stats["updated"]) == (0, 0)
    assert Revision.objects.count() == revisions


def test_single_file_export_round_trips(db, content, tmp_path):
    import_content(content)
    before = adaptations()
    export_content(tmp_path / "alt.yaml")
    empty_site()
    import_content(tmp_path / "alt.yaml")
    assert adaptations() == before


def test_importing_the_same_content_twice_changes_nothing(db, content):
    import_content(content)
    before = (state(), list(Page.objects.values_list("pk", "last_published_at")))
    stats = import_content(content)
    assert (stats["created"], stats["updated"]) == (0, 0)
    assert stats["unchanged"] > 0
    assert (state(), list(Page.objects.values_list("pk", "last_published_at"))) == before


def test_a_changed_adaptation_is_updated_in_place(db, content):
    import_content(content)
    page = RegionalAdaptationPage.objects.get(url_path="/forside/regioner/syddanmark/model/")
    revisions = Revision.objects.count()
    write(
        content,
        "adaptations.yaml",
        ADAPTATIONS.replace("based_on: 1-udgave", "based_on: 2-udgave").replace(
            "Se også regionens årsrapport.", "Se regionens nye årsrapport."
        ),
    )
    stats = import_content(content)
    assert (stats["created"], stats["updated"]) == (0, 1)
    assert Revision.objects.count() == revisions + 1
    page = RegionalAdaptationPage.objects.get(pk=page.pk)
    assert page.based_on.slug == "2-udgave"
    assert page.section_adaptations.get().text == "<p>Se regionens nye årsrapport.</p>"
    assert not page.review.needed


MIDT = "adaptations[0] (midtjylland/model)"

BAD_ADAPTATIONS = {
    "unknown region": (("region: midtjylland", "region: jylland"), "adaptations[0]", "region"),
    "region without a page": (
        ("region: midtjylland", "region: hovedstaden"),
        "adaptations[0]",
        "region",
    ),
    "unknown document": (("document: model\n", "document: modellen\n"), MIDT, "document"),
    "unknown section": (
        ("section: maalgruppe", "section: maal-gruppe"),
        MIDT + " › sections[1] (maal-gruppe)",
        "section",
    ),
    "section adapted twice": (
        ("section: indsatser", "section: maalgruppe"),
        MIDT + " › sections[2] (maalgruppe)",
        "section",
    ),
    "replaced without reason": (
        ("        reason: Aftalt i samarbejdsaftalen.\n", ""),
        MIDT + " › sections[0] (opfoelgning)",
        "reason",
    ),
    "supplemented without text": (
        ('        text: "<h3>Lokalt</h3><p>Også unge fra 16 år.</p>"\n', ""),
        MIDT + " › sections[1] (maalgruppe)",
        "text",
    ),
    "national with text": (
        ("mode: national", "mode: national\n        text: <p>Alligevel.</p>"),
        MIDT + " › sections[2] (indsatser)",
        "mode",
    ),
    "unknown mode": (("mode: national", "mode: lokal"), "sections[2]", "mode"),
    "heading the local text has no room for": (
        ("<h3>Lokalt</h3>", "<h2>Lokalt</h2>"),
        "sections[1]",
        "text",
    ),
    "edition of another document": (
        ("based_on: 2-udgave", "based_on: tillaeg-1"),
        MIDT,
        "based_on",
    ),
    "unknown edition": (("based_on: 2-udgave", "based_on: 3-udgave"), MIDT, "based_on"),
    "no edition for a document that has editions": (
        ("    based_on: 2-udgave\n", ""),
        MIDT,
        "based_on",
    ),
    "unknown key": (("intro: Regionens udgave.", "indledning: x"), "adaptations[0]", "indledning"),
}


@pytest.mark.parametrize("name", BAD_ADAPTATIONS)
def test_bad_adaptation_is_rejected_with_file_item_and_field_and_nothing_changes(db, content, name):
    (old, new), item, field = BAD_ADAPTATIONS[name]
    bad_text = textwrap.dedent(ADAPTATIONS)
    assert old in bad_text, old
    write(content, "adaptations.yaml", "format: vejledning/1\n")
    import_content(content)
    before = state()
    bad = write(content, "adaptations.yaml", bad_text.replace(old, new, 1))

    with pytest.raises(ContentError) as caught:
        import_content(content)

    error = caught.value
    assert str(bad) in str(error)
    assert item in (error.item or ""), str(error)
    assert field in (error.field or ""), str(error)
    assert state() == before


def test_an_error_in_the_second_adaptation_leaves_the_first_unimported(db, content):
    write(
        content,
        "adaptations.yaml",
        ADAPTATIONS.replace(
            "section: opfoelgning\n        mode: supplemented",
            "section: x\n        mode: supplemented",
        ),
    )
    with pytest.raises(ContentError, match="syddanmark"):
        import_content(content)
    assert not RegionalAdaptationPage.objects.exists()
    assert not Page.objects.filter(slug="forside").exists()


def test_a_second_adaptation_of_the_same_document_in_a_region_is_refused(db, content):
    """The page's own clean() runs on import: one adaptation per document and region."""
    twin = ADAPTATIONS.replace("region: syddanmark", "region: midtjylland").replace(
        "slug: model\n    title: Model i Syddanmark", "slug: model-igen\n    title: Igen"
    )
    write(content, "adaptations.yaml", twin)
    with pytest.raises(ContentError, match="allerede en tilpasning") as caught:
        import_content(content)
    assert "adaptations[1] (midtjylland/model-igen)" in caught.value.item


def test_the_same_region_and_slug_in_two_files_is_rejected(db, content):
    write(content, "more.yaml", ADAPTATIONS.replace("region: syddanmark", "region: nordjylland"))
    with pytest.raises(ContentError, match="adaptations:midtjylland-model"):
        import_content(content)
