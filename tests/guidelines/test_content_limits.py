"""Files an import refuses as a whole, with the file and place named: too deep,
too large, too many values, and sibling pages sharing a slug."""

import json

import pytest
from wagtail.models import Page, Revision

from core.content import ContentError, import_content
from core.content import sync as content_sync
from tests.conftest import DEMO_CONTENT
from tests.guidelines.test_content_format import DOCUMENT, SITE, snapshot, write


@pytest.fixture
def site(db, tmp_path):
    import_content(write(tmp_path, "site.yaml", SITE))
    return tmp_path


def unchanged(before):
    return (snapshot(), Revision.objects.count()) == before


def refused(path):
    before = (snapshot(), Revision.objects.count())
    with pytest.raises(ContentError) as caught:
        import_content(path)
    assert str(path) in str(caught.value)
    assert unchanged(before)
    return caught.value


@pytest.mark.parametrize("depth", [content_sync.MAX_DEPTH + 1, 100_000])
def test_deeply_nested_yaml_is_refused_with_its_line(site, depth):
    nested = "format: vejledning/1\ndocuments:\n" + "  " + "[" * depth + "]" * depth + "\n"
    error = refused(write(site, "dyb.yaml", nested))
    assert f"dybere end {content_sync.MAX_DEPTH} niveauer" in error.message
    assert error.item.startswith("linje 3"), str(error)


@pytest.mark.parametrize("depth", [content_sync.MAX_DEPTH + 1, 100_000])
def test_deeply_nested_json_is_refused(site, depth):
    path = site / "dyb.json"
    path.write_text('{"format": "vejledning/1", "documents": ' + "[" * depth + "]" * depth + "}")
    error = refused(path)
    assert "dybere end" in error.message


def test_a_deep_block_value_names_its_place(site):
    path = site / "dyb.json"
    value = {}
    inner = value
    for _ in range(content_sync.MAX_DEPTH):
        inner["x"] = {}
        inner = inner["x"]
    path.write_text(
        json.dumps({"format": "vejledning/1", "documents": [{"slug": "a", "v": value}]})
    )
    error = refused(path)
    assert error.item.startswith("documents[0].v.x.x"), str(error)


def test_alias_bombs_are_refused_before_they_are_expanded(site):
    lines = ["format: vejledning/1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 8):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    error = refused(write(site, "bombe.yaml", "\n".join(lines) + "\n"))
    assert "værdier" in error.message and "linje" in error.item


def test_an_oversized_file_is_refused_without_reading_it(site, monkeypatch):
    monkeypatch.setattr(content_sync, "MAX_FILE_BYTES", 1000)
    error = refused(write(site, "stor.yaml", DOCUMENT + "#" * 1000 + "\n"))
    assert "højst fylde 1,000 byte" in error.message


def test_the_demo_content_is_well_within_the_limits():
    for path in content_sync.content_files(DEMO_CONTENT):
        assert path.stat().st_size < content_sync.MAX_FILE_BYTES / 10
        content_sync._check_yaml_size(path.read_text(encoding="utf-8"), path)


def test_two_sections_with_one_slug_are_an_error(site):
    twice = DOCUMENT.replace("slug: andet", "slug: foerste")
    error = refused(write(site, "doc.yaml", twice))
    assert error.item.endswith("sections[1] (foerste)") and error.field == "slug"
    assert "bruges også af sections[0]" in error.message
    assert not Page.objects.filter(slug="proeve").exists()


def test_two_standard_pages_with_one_slug_are_an_error(site):
    pages = SITE + "  pages:\n    - {slug: om, title: Om}\n    - {slug: om, title: Om igen}\n"
    error = refused(write(site, "site.yaml", pages))
    assert "pages[1] (om)" in error.item
