"""The glossary in the content format (glossary/content.py)."""

import textwrap

import pytest

from core.content import ContentError, export_content, import_content
from glossary.models import GlossaryPage
from tests.conftest import empty_site

SITE = """
format: vejledning/1
site:
  home: {slug: forside, title: Forside}
"""

GLOSSARY = """
format: vejledning/1
demo: true
glossary:
  slug: ordliste
  title: Ordliste
  intro: Ordene forklaret.
  terms:
    - term: Tovholder
      anchor: tovholder
      forms: [tovholderen, tovholdere]
      definition: <p>Den, der har <b>overblikket</b>.</p>
      see_also: [koordinerende-indsatsplan]
    - term: Koordinerende indsatsplan
      anchor: koordinerende-indsatsplan
      forms: [KI-plan]
      definition: <p>Én fælles plan.</p>
      source: Retningslinjerne, 2014
    - term: Udskrivningsaftale
      anchor: udskrivningsaftale
      definition: <p>En aftale før udskrivningen.</p>
      source: Psykiatriloven §§ 13 a–c
"""

ENGLISH = """
format: vejledning/1
locale: en
demo: true
glossary:
  slug: ordliste
  title: Glossary
  terms:
    - term: Coordinating contact person
      anchor: tovholder
      forms: [coordinator]
      definition: <p>The one with the overview.</p>
      see_also: [koordinerende-indsatsplan]
    - term: Coordinated action plan
      anchor: koordinerende-indsatsplan
      definition: <p>One shared plan.</p>
"""


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    write(folder, "site.yaml", SITE)
    write(folder, "glossary.yaml", GLOSSARY)
    write(folder, "en/glossary.yaml", ENGLISH)
    return folder


def state():
    """Every glossary page as readers and export see it."""
    return [
        (
            page.url_path,
            page.locale.language_code,
            page.title,
            page.intro,
            page.live,
            page.is_demo,
            [{name: str(value) for name, value in child.value.items()} for child in page.terms],
        )
        for page in GlossaryPage.objects.filter(alias_of__isnull=True).order_by("path")
    ]


def test_the_glossary_imports_under_the_home_page_in_both_languages(db, content):
    import_content(content)
    danish = GlossaryPage.objects.get(locale__language_code="da")
    assert danish.url == "/ordliste/" and danish.live and danish.is_demo
    first = danish.terms[0].value
    assert (first["term"], first["forms"], first["see_also"]) == (
        "Tovholder",
        "tovholderen, tovholdere",
        "koordinerende-indsatsplan",
    )
    assert str(first["definition"]) == "<p>Den, der har <b>overblikket</b>.</p>"
    english = GlossaryPage.objects.get(locale__language_code="en")
    assert english.url == "/en/ordliste/" and english.title == "Glossary"
    assert english.translation_key == danish.translation_key


def test_importing_again_changes_nothing(db, content):
    import_content(content)
    before = state()
    stats = import_content(content)
    assert stats["created"] == stats["updated"] == 0
    assert state() == before


def test_export_writes_what_import_reads(db, content, tmp_path):
    import_content(content)
    before = state()
    written = export_content(tmp_path / "out")
    exported = (tmp_path / "out" / "site.yaml").read_text(encoding="utf-8")
    assert "glossary:" in exported and "anchor: udskrivningsaftale" in exported
    assert "forms:\n    - tovholderen\n    - tovholdere" in exported
    assert (tmp_path / "out" / "en" / "site.yaml") in written
    # Exported, emptied and imported again: the same pages; and the export again the same.
    empty_site()
    assert state() == []
    import_content(tmp_path / "out")
    assert state() == before
    export_content(tmp_path / "again")
    assert (tmp_path / "again" / "site.yaml").read_text(encoding="utf-8") == exported
    assert import_content(tmp_path / "out")["updated"] == 0


BAD = [
    # (what, replace this, with this, the error's field, part of its message)
    ("a term without its word", "    - term: Udskrivningsaftale\n", "    -\n", "term", "required"),
    (
        "an anchor used twice",
        "anchor: udskrivningsaftale",
        "anchor: tovholder",
        "anchor",
        "Ankeret “tovholder” bruges også af “Tovholder”",
    ),
    (
        "an unknown field",
        "      source: Psykiatriloven",
        "      kilde: Psykiatriloven",
        "kilde",
        "",
    ),
    (
        "a see-also naming no term",
        "see_also: [koordinerende-indsatsplan]",
        "see_also: [koordinationsplan]",
        "see_also",
        "nævner “koordinationsplan”, som ikke er et ord i ordlisten",
    ),
    (
        "a form under two terms",
        "forms: [KI-plan]",
        "forms: [KI-plan, Tovholderen]",
        "forms",
        "“Tovholderen” står også ved “Tovholder”",
    ),
    ("a form with a comma", "forms: [KI-plan]", 'forms: ["KI-plan, KI-planen"]', "forms", "komma"),
    ("an anchor that is no slug", "anchor: tovholder", "anchor: Tovholder!", "anchor", ""),
    (
        "a script in a definition",
        "<p>Én fælles plan.</p>",
        "<p>Én fælles plan.</p><script>alert(1)</script>",
        "terms[1].definition",
        "HTML, som editoren ikke kan gemme",
    ),
]


@pytest.mark.parametrize("what, old, new, field, message", BAD, ids=[bad[0] for bad in BAD])
def test_a_malformed_glossary_is_refused_and_nothing_changes(
    db, content, what, old, new, field, message
):
    import_content(content)
    before = state()
    assert old in GLOSSARY, what
    write(content, "glossary.yaml", GLOSSARY.replace(old, new, 1))
    with pytest.raises(ContentError) as caught:
        import_content(content)
    error = caught.value
    assert str(error).startswith(str(content / "glossary.yaml")), error
    assert "glossary" in (error.item or ""), error
    assert error.field == field, error
    assert message in error.message, error
    assert state() == before


def test_a_translation_explains_only_the_danish_terms(db, content):
    import_content(content)
    before = state()
    write(content, "en/glossary.yaml", ENGLISH.replace("anchor: tovholder", "anchor: kontakt"))
    with pytest.raises(ContentError) as caught:
        import_content(content)
    assert caught.value.field == "anchor"
    assert "der er intet ord med ankeret 'kontakt' i den danske ordliste" in str(caught.value)
    assert state() == before


def test_a_glossary_in_a_new_database_is_refused_without_a_site(db, tmp_path):
    with pytest.raises(ContentError, match="sitet har endnu ingen forside"):
        import_content(write(tmp_path, "glossary.yaml", GLOSSARY))
    assert not GlossaryPage.objects.exists()
