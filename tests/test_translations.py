"""The interface strings: complete Danish and English catalogues, in step with the code.

The source strings in the templates and the code are Danish. site/locale holds the
catalogues: `en` translates every string, `da` repeats it (Danish is the source
language), so both can be checked for completeness. After changing interface
strings, `make makemessages` updates the catalogues and the new entries are
translated by hand; these tests fail until then.
"""

import functools
import html
import re
import shutil
from collections import Counter
from pathlib import Path

import django
import polib
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation

REPOSITORY = Path(__file__).resolve().parent.parent
LOCALE = REPOSITORY / "site" / "locale"
LANGUAGES = ["da", "en"]
# What `make makemessages` leaves out (its --ignore): other people's code, build output,
# tests, and the admin's own Danish catalogue (danish_admin translates Wagtail's strings).
IGNORED = ["node_modules", "var", "tests", "bench", "danish_admin"]
NOT_COPIED = {".git", ".venv", *IGNORED}
SCANNED_EXTENSIONS = {".py", ".html", ".txt"}
REMEDY = "run `make makemessages` and translate the new entries in site/locale/*/LC_MESSAGES/"

# Placeholders (%(name)s, %s, %d …; {name} in brace-format strings) and HTML tags
# must survive translation unchanged.
PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def placeholders(entry):
    """The pattern for the entry's placeholders, as xgettext flagged its format."""
    if "python-format" in entry.flags:
        return PRINTF
    if "python-brace-format" in entry.flags:
        return BRACE
    return None


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def label(entry):
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{context}{entry.msgid!r}"


def translations(entry):
    """(source, translation) pairs: one per plural form for plural entries."""
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return [(entry.msgid if n == 0 else entry.msgid_plural, forms[n]) for n in sorted(forms)]
    return [(entry.msgid, entry.msgstr)]


def key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    po = catalogue(language)
    assert len(po) > 100, "the catalogue looks empty"
    assert not po.metadata_is_fuzzy, "the catalogue's header is marked fuzzy"
    assert po.metadata.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    problems = []
    for entry in po:
        if entry.obsolete:
            problems.append(f"obsolete: {label(entry)}")
        elif "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {label(entry)}")
        elif entry.msgid_plural and sorted(entry.msgstr_plural) != [0, 1]:
            problems.append(f"not two plural forms: {label(entry)}")
        elif not all(text.strip() for _, text in translations(entry)):
            problems.append(f"untranslated: {label(entry)}")
    assert not problems, f"{language}: {REMEDY}\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_markup(language):
    problems = []
    for entry in catalogue(language):
        checks = [("placeholders", placeholders(entry)), ("HTML", TAG)]
        for source, text in translations(entry):
            if not text:
                continue  # reported by test_every_string_is_translated
            for what, pattern in checks:
                if pattern is None:
                    continue
                expected = Counter(pattern.findall(source))
                found = Counter(pattern.findall(text))
                if expected != found:
                    problems.append(
                        f"{label(entry)}: {what} {sorted(found.elements())}, "
                        f"expected {sorted(expected.elements())}"
                    )
    assert not problems, f"{language}:\n" + "\n".join(problems)


def test_danish_catalogue_repeats_the_source():
    """Danish is the source language: a Danish msgstr that differs is an edit in the wrong place."""
    changed = [
        label(entry)
        for entry in catalogue("da")
        if any(text != source for source, text in translations(entry))
    ]
    assert not changed, "change the Danish text in the code instead:\n" + "\n".join(changed)


def copy_sources(destination):
    """The files makemessages reads (.py, .html, .txt), outside the folders it leaves out."""

    def ignore(folder, names):
        top = Path(folder) == REPOSITORY
        return [
            name
            for name in names
            if (top and name in NOT_COPIED)
            or name in {"locale", "__pycache__"}
            or (Path(folder, name).is_file() and Path(name).suffix not in SCANNED_EXTENSIONS)
        ]

    shutil.copytree(REPOSITORY, destination, ignore=ignore, symlinks=True)


def test_catalogues_are_in_step_with_the_code(tmp_path, settings, monkeypatch):
    """A fresh extraction from a copy of the code has exactly the committed entries.

    The copy keeps makemessages away from the real catalogues: it writes its .pot
    and the temporary .py files it makes from templates into the copy."""
    missing = [tool for tool in ("xgettext", "msguniq", "msgmerge") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"GNU gettext is not installed ({', '.join(missing)} not found)")
    source = tmp_path / "source"
    copy_sources(source)
    fresh_locale = tmp_path / "locale"
    settings.LOCALE_PATHS = [str(fresh_locale)]
    monkeypatch.chdir(source)
    call_command(
        "makemessages", locale=["en"], ignore_patterns=IGNORED, no_location=True, verbosity=0
    )
    fresh = {
        key(entry): entry for entry in polib.pofile(str(fresh_locale / "en/LC_MESSAGES/django.po"))
    }

    for language in LANGUAGES:
        committed = {key(entry): entry for entry in catalogue(language) if not entry.obsolete}
        new = [label(fresh[k]) for k in sorted(fresh.keys() - committed.keys())]
        gone = [label(committed[k]) for k in sorted(committed.keys() - fresh.keys())]
        assert not new and not gone, (
            f"site/locale/{language} is out of step with the code; {REMEDY}\n"
            + "".join(f"new in the code: {item}\n" for item in new)
            + "".join(f"no longer in the code: {item}\n" for item in gone)
        )


def test_catalogues_do_not_change_installed_apps_strings():
    """LOCALE_PATHS beat every app's catalogue, so a msgid of ours that is also one of,
    say, Wagtail's (whose source strings are English) must not change what Wagtail
    shows in either language."""
    folders = [Path(django.__file__).parent / "conf" / "locale"] + [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if "site-packages" in Path(config.path).parts
    ]
    theirs = {}  # (msgctxt, msgid) -> their Danish
    for folder in folders:
        mo = folder / "da" / "LC_MESSAGES" / "django.mo"
        if mo.exists():
            for entry in polib.mofile(str(mo)):
                if entry.msgid and not entry.msgid_plural:
                    theirs.setdefault((entry.msgctxt, entry.msgid), entry.msgstr)
    expected = {"da": lambda k: theirs[k], "en": lambda k: k[1]}
    clashes = [
        f"{language}: {entry.msgid!r} would show {entry.msgstr!r}, not {expected[language](k)!r}"
        for language in LANGUAGES
        for entry in catalogue(language)
        if (k := (entry.msgctxt, entry.msgid)) in theirs and entry.msgstr != expected[language](k)
    ]
    assert not clashes, "give these strings a msgctxt (`context` in templates):\n" + "\n".join(
        clashes
    )


@functools.cache
def distinctive_danish_strings():
    """Danish msgids that English readers must never see: long enough not to be a
    word shared with English, translated differently, without placeholders."""
    strings = set()
    for entry in catalogue("en"):
        for source, text in translations(entry):
            if len(source) > 12 and text != source and not placeholders(entry):
                strings.add(html.unescape(TAG.sub("", source)))
    return strings


def danish_strings_in(page):
    """The distinctive Danish strings on a page, as whole words ("informationsmøde"
    in the interface, not inside "informationsmødet" in a Danish search snippet).
    Content marked as written in another language (a Danish search hit's title
    on the English page, lang="da") is not interface and is left out."""
    document = BeautifulSoup(page, "html.parser")
    own = document.html.get("lang") if document.html else None
    for element in document.find_all(lang=True):
        if element is not document.html and element["lang"] != own:
            element.decompose()
    text = html.unescape(str(document))
    return sorted(
        s for s in distinctive_danish_strings() if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)
    )


# The search (a plain Django view) and the 404 page: English whatever pages have been
# translated yet.
PAGES = {"/soeg/": 200, "/soeg/?q=misbrug": 200, "/soeg/?q=x&side=zz": 200, "/findes-ikke/": 404}


def test_english_pages_show_no_danish_interface_strings(demo_site, client):
    for path, status in PAGES.items():
        danish = client.get(path, headers={"accept-language": "da"})
        assert danish.status_code == status, path
        # The check can see Danish: the Danish page is full of it.
        assert danish_strings_in(danish.content.decode()), path

        english = client.get(f"/en{path}")
        assert english.status_code == status, f"/en{path}"
        page = english.content.decode()
        assert '<html lang="en">' in page, f"/en{path}"
        found = danish_strings_in(page)
        assert not found, f"/en{path} shows Danish interface strings: {found}"


def test_english_server_error_page_is_english():
    with translation.override("en"):
        page = render_to_string("500.html")
    assert '<html lang="en">' in page and "Something went wrong" in page
    assert danish_strings_in(page) == []
