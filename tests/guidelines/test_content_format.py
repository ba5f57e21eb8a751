"""The content format: import, export, idempotency, round trip and errors."""

import json
import textwrap

import pytest
from django.core.management import CommandError, call_command
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page, Revision

from core.content import ContentError, export_content, import_content
from core.content.streamdata import to_plain
from guidelines.editions.snapshot import structure
from guidelines.models import Edition, GuidanceDocumentPage, GuidanceSectionPage
from tests.conftest import empty_site

SITE = """
format: vejledning/1
demo: true
site:
  home: {slug: forside, title: Forside}
"""

DOCUMENT = """
format: vejledning/1
documents:
  - slug: proeve
    title: Prøvedokument
    document_type: guideline
    issuers: Sundhedsstyrelsen
    first_published: 2014-08-01
    summary: Et kort resumé.
    sections:
      - slug: foerste
        title: Første afsnit
        number: "1"
        body:
          - type: text
            value: |
              <p>Indledning, skrevet som blok med linjeskift til sidst.</p>
          - type: sources
            value:
              sources:
                - {citation: En kilde uden link}
          - type: pathway_phases
            value:
              title: Faser
              phases:
                - {name: Start, description: Uden aktører}
          - type: recommendation
            value:
              code: "1.1"
              title: En anbefaling
              strength: skal
              statement: <p>Gør.</p>
              legal_basis:
                - {law: psykiatriloven, paragraph: "§13a"}
      - slug: andet
        title: Andet afsnit
        number: "2"
        body:
          - type: checklist
            value: {title: Tjek, items: [et, to]}
"""

# DOCUMENT's English translation, second section only (docs/content-format.md: `locale`).
TRANSLATION = """
format: vejledning/1
locale: en
site:
  home: {slug: forside, title: Home}
documents:
  - slug: proeve
    title: Test document
    document_type: guideline
    issuers: Danish Health Authority
    first_published: 2014-08-01
    summary: A short summary.
    sections:
      - slug: andet
        title: Second section
        number: "2"
        body:
          - type: checklist
            value: {title: Check, items: [one, two]}
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def natural_key(value):
    """A related object as content names it: database ids change on re-import."""
    if value is None:
        return None
    if isinstance(value, Page):
        return value.url_path
    if isinstance(value, Edition):
        return f"{value.document.url_path}udgaver/{value.slug}"
    return value.pk  # reference data, loaded by a migration: the same ids everywhere


def field_values(obj, skip=()):
    fields = {}
    for field in obj._meta.concrete_fields:
        if field.model is Page or field.primary_key or field.name in skip:
            continue
        if isinstance(field, StreamField):  # block ids are internal, not content
            fields[field.name] = to_plain(field.stream_block, getattr(obj, field.name))
        elif field.many_to_one:
            fields[field.name] = natural_key(getattr(obj, field.name))
        else:
            fields[field.name] = field.value_to_string(obj)
    return fields


def snapshot():
    """Everything a reader could see: every page with its type, fields, child objects
    (e.g. a case's recommendations) and position."""
    rows = []
    for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
        fields = field_values(page, skip=("page_ptr",))
        for relation in get_all_child_relations(page):
            name = relation.get_accessor_name()
            fields[name] = [
                field_values(child, skip=(relation.field.name,))
                for child in getattr(page, name).all()
            ]
        rows.append(
            (page.url_path, type(page).__name__, page.title, page.live, page.show_in_menus, fields)
        )
    return rows


def editions():
    return [
        (e.slug, e.label, e.effective_date, e.change_summary, structure(e.snapshot))
        for e in Edition.objects.order_by("effective_date")
    ]


def test_import_creates_published_pages_in_file_order(db, content):
    stats = import_content(content)
    assert stats["created"] == 5  # home, guidance index, document, 2 sections
    document = GuidanceDocumentPage.objects.get(slug="proeve")
    assert [s.slug for s in document.sections] == ["foerste", "andet"]
    assert document.live and document.is_demo is False
    assert GuidanceSectionPage.objects.get(slug="foerste").recommendations[0]["code"] == "1.1"


def test_demo_flag_is_inherited_from_the_file(db, content):
    import_content(content)
    assert Page.objects.get(slug="forside").specific.is_demo is True


def test_importing_the_same_content_twice_changes_nothing(db, content):
    import_content(content)
    before = (snapshot(), Revision.objects.count(), list(Page.objects.values("last_published_at")))
    stats = import_content(content)
    after = (snapshot(), Revision.objects.count(), list(Page.objects.values("last_published_at")))
    assert stats == {
        "created": 0,
        "updated": 0,
        "unchanged": 4,
    }  # the default index is not in the file
    assert before == after


def test_changed_file_updates_reorders_and_prunes(db, content, tmp_path):
    import_content(content)
    changed = DOCUMENT
    changed = changed.replace("Første afsnit", "Første afsnit, revideret")
    # Swap the order of the sections and drop the checklist section entirely.
    first, second = changed.split("      - slug: andet")
    head, first_section = first.split("      - slug: foerste")
    write(
        content,
        "doc.yaml",
        head + "      - slug: ny\n        title: Nyt\n      - slug: foerste" + first_section,
    )
    import_content(content)
    document = GuidanceDocumentPage.objects.get(slug="proeve")
    assert [s.slug for s in document.sections] == ["ny", "foerste"]
    assert document.sections[1].title == "Første afsnit, revideret"
    assert not GuidanceSectionPage.objects.filter(slug="andet").exists()


# The whole demo's round trip is in test_content_translations (it takes seconds);
# the round trips here use small files.


def test_single_file_export_in_json_round_trips(db, content, tmp_path):
    """One JSON list with a part per locale, as for the demo: Danish, then English."""
    write(content, "doc.yaml", DOCUMENT + EDITIONS)
    (content / "en").mkdir()
    write(content / "en", "doc.yaml", TRANSLATION)
    import_content(content)
    original = (snapshot(), editions())

    export_content(tmp_path / "alt.json")
    parts = json.loads((tmp_path / "alt.json").read_text(encoding="utf-8"))
    assert [part.get("locale") for part in parts] == [None, "en"]
    empty_site()
    assert snapshot() == []
    import_content(tmp_path / "alt.json")
    assert (snapshot(), editions()) == original


BAD_FILES = {
    "yaml syntax": ("format: vejledning/1\ndocuments: [\n", None, None),
    "wrong format": ("format: andet/2\n", None, "format"),
    "unknown top-level key": ("format: vejledning/1\nsager: []\n", None, "sager"),
    "missing title": (
        DOCUMENT.replace("    title: Prøvedokument\n", ""),
        "documents[0] (proeve)",
        "title",
    ),
    "unknown document field": (
        DOCUMENT.replace("issuers:", "udgiver: x\n    issuers:"),
        "documents[0] (proeve)",
        "udgiver",
    ),
    "bad date": (
        DOCUMENT.replace("2014-08-01", "august 2014"),
        "documents[0] (proeve)",
        "first_published",
    ),
    "bad document type": (
        DOCUMENT.replace("document_type: guideline", "document_type: pjece"),
        "documents[0] (proeve)",
        "document_type",
    ),
    "bad slug": (DOCUMENT.replace("slug: foerste", "slug: Første Afsnit"), "sections[0]", "slug"),
    "unknown block type": (
        DOCUMENT.replace("type: checklist", "type: tabel"),
        "sections[1] (andet)",
        "body[0]",
    ),
    "code given as a number": (
        DOCUMENT.replace('code: "1.1"', "code: 1.1"),
        "sections[0] (foerste)",
        "body[3].value.code",
    ),
    "malformed code": (
        DOCUMENT.replace('code: "1.1"', 'code: "1,1"'),
        "sections[0] (foerste)",
        "body[3].code",
    ),
    "unknown block field": (
        DOCUMENT.replace("strength: skal", "styrke: skal"),
        "sections[0] (foerste)",
        "body[3].value",
    ),
    "bad strength": (
        DOCUMENT.replace("strength: skal", "strength: altid"),
        "sections[0] (foerste)",
        "body[3].strength",
    ),
    "script in rich text": (
        DOCUMENT.replace("statement: <p>Gør.</p>", "statement: <p>Gør.<script>x()</script></p>"),
        "sections[0] (foerste)",
        "body[3].value.statement",
    ),
    "heading where the block allows none": (
        DOCUMENT.replace("statement: <p>Gør.</p>", "statement: <h2>Gør.</h2>"),
        "sections[0] (foerste)",
        "body[3].value.statement",
    ),
    "javascript link": (
        DOCUMENT.replace(
            "statement: <p>Gør.</p>", "statement: '<p><a href=\"javascript:x()\">Gør.</a></p>'"
        ),
        "sections[0] (foerste)",
        "body[3].value.statement",
    ),
    "event handler in a page's rich text": (
        DOCUMENT.replace(
            "first_published:", "intro: '<p onclick=\"x()\">Hej</p>'\n    first_published:"
        ),
        "documents[0] (proeve)",
        "intro",
    ),
    "skal without a legal basis": (
        DOCUMENT.replace(
            '                - {law: psykiatriloven, paragraph: "§13a"}\n', ""
        ).replace("              legal_basis:\n", ""),
        "sections[0] (foerste)",
        "body",
    ),
    "a paragraph not written as in the act": (
        DOCUMENT.replace('paragraph: "§13a"', "paragraph: tretten"),
        "sections[0] (foerste)",
        "body",
    ),
    "an act the register does not know": (
        DOCUMENT.replace("law: psykiatriloven", "law: grundloven"),
        "sections[0] (foerste)",
        "body",
    ),
    "duplicate code across sections": (
        DOCUMENT.replace(
            "          - type: checklist\n            value: {title: Tjek, items: [et, to]}",
            "          - type: recommendation\n"
            '            value: {code: "1.1", title: Igen, strength: kan, statement: <p>x</p>}',
        ),
        "sections[1] (andet)",
        "body",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_is_rejected_with_file_item_and_field_and_nothing_changes(db, tmp_path, name):
    text, item, field = BAD_FILES[name]
    import_content(write(tmp_path, "site.yaml", SITE))
    before = (snapshot(), Revision.objects.count())
    bad = write(tmp_path, "bad.yaml", text)

    with pytest.raises(ContentError) as caught:
        import_content(bad)

    error = caught.value
    assert str(bad) in str(error)
    if item:
        assert item in error.item, str(error)
    if field:
        assert field in (error.field or ""), str(error)
    assert (snapshot(), Revision.objects.count()) == before


def test_error_late_in_a_folder_leaves_earlier_files_unimported(db, tmp_path):
    write(tmp_path, "a-site.yaml", SITE)
    write(tmp_path, "b-doc.yaml", DOCUMENT)
    write(
        tmp_path,
        "c-bad.yaml",
        DOCUMENT.replace("proeve", "anden").replace('code: "1.1"', 'code: "x"'),
    )
    with pytest.raises(ContentError, match="c-bad.yaml"):
        import_content(tmp_path)
    assert not Page.objects.filter(depth__gt=1).exclude(content_type__model="page").exists()


def test_documents_need_a_home_page_first(db, tmp_path):
    with pytest.raises(ContentError, match="forside"):
        import_content(write(tmp_path, "doc.yaml", DOCUMENT))


def test_same_document_in_two_files_is_rejected(db, tmp_path):
    write(tmp_path, "a.yaml", DOCUMENT)
    write(tmp_path, "b.yaml", DOCUMENT)
    with pytest.raises(ContentError, match="documents:proeve"):
        import_content(tmp_path)


def test_command_reports_the_error_and_exits_non_zero(db, tmp_path):
    bad = write(tmp_path, "bad.yaml", "format: vejledning/1\ndocuments: 7\n")
    with pytest.raises(CommandError, match="bad.yaml.*documents"):
        call_command("import_content", str(bad))


def test_commands_import_and_export(db, content, tmp_path, capsys):
    call_command("import_content", str(content))
    assert "oprettet" in capsys.readouterr().out
    assert GuidanceDocumentPage.objects.get(slug="proeve").live
    call_command("export_content", str(tmp_path / "ud"))
    assert (tmp_path / "ud" / "site.yaml").exists()
    assert (tmp_path / "ud" / "documents" / "proeve.yaml").exists()


EDITIONS = """
    editions:
      - slug: 1-udgave
        label: 1. udgave
        effective_date: 2014-08-01
        released_at: 2014-08-01 09:00:00+02:00
        change_summary: Første udgave.
        document: {summary: Det gamle resumé.}
        sections:
          - slug: foerste
            title: Første afsnit
            body:
              - type: recommendation
                value: {code: "1.1", title: Gammel, strength: kan, statement: <p>Gammel.</p>}
      - slug: 2-udgave
        label: 2. udgave
        effective_date: 2024-09-01
        change_summary: Ny tekst.
"""


def test_editions_are_imported_and_round_trip(db, content, tmp_path):
    write(content, "doc.yaml", DOCUMENT + EDITIONS)
    import_content(content)
    first, second = Edition.objects.order_by("effective_date")
    assert first.snapshot["document"]["summary"] == "Det gamle resumé."
    assert first.snapshot["sections"][0]["recommendations"][0]["title"] == "Gammel"
    assert [s["slug"] for s in second.snapshot["sections"]] == ["foerste", "andet"]
    assert first.released_at.isoformat() == "2014-08-01T07:00:00+00:00"

    before = editions()
    assert import_content(content)["created"] == 0
    export_content(tmp_path / "out")
    empty_site()
    assert not Edition.objects.exists()
    import_content(tmp_path / "out")
    assert editions() == before


def test_a_released_edition_cannot_be_changed_by_import(db, content):
    write(content, "doc.yaml", DOCUMENT + EDITIONS)
    import_content(content)
    write(content, "doc.yaml", DOCUMENT + EDITIONS.replace("title: Gammel", "title: Omskrevet"))
    with pytest.raises(ContentError, match="kan ikke ændres") as caught:
        import_content(content)
    assert "editions[0] (1-udgave)" in caught.value.item
