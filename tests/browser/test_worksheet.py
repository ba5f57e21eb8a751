"""The action-plan worksheet in a real browser (issue 19): fill in two parts, add a
row, choose a municipality, download the plan as PDF and Word and read the typed
text back out of the files; the draft kept in the browser's own storage only when
asked for, and gone with "Slet kladde"; axe-clean on a phone."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from tests.browser.conftest import AXE_JS, missing_requirement
from tests.browser.test_accessibility import AXE_TAGS, RUN_AXE, format_violations, visit

if reason := missing_requirement():
    pytest.skip(reason, allow_module_level=True)

pytestmark = pytest.mark.django_db

WORKSHEET = "/regioner/midtjylland/indsatsplan/udfyld/"


def download(page, button):
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value


def read(download_):
    return open(download_.path(), "rb").read()


def test_fill_two_parts_add_a_row_choose_a_municipality_and_take_the_plan(site_url, page):
    visit(page, site_url + WORKSHEET)
    page.get_by_label("Borgerens navn").fill("Browserborger Beta")
    # Part 1, a list: the first row, then a row added in the page (JavaScript).
    page.get_by_label("Mål, række 1").fill("Flytte i egen bolig")
    page.locator("[data-part=del1] [data-add-row]").click()
    third = page.get_by_label("Mål, række 3")
    assert third.is_visible()
    assert third.evaluate("el => el === document.activeElement")
    third.fill("Komme i praktik")
    # Part 6, text fields.
    page.get_by_label("De tegn, som borgeren og de pårørende kender").fill(
        "Trækker sig fra aftaler"
    )

    # The municipality fills in who the parties are there; the typed text stays.
    page.get_by_label("Borgerens kommune").select_option(label="Randers")
    page.get_by_role("button", name="Hent kontakter i kommunen").click()
    page.wait_for_load_state()
    assert "Kontakterne i Randers" in page.locator("[role=status]").inner_text()
    contact = page.locator("textarea[name='del3-r1-k3']").input_value()
    assert "(demo)" in contact
    assert page.get_by_label("Mål, række 3").input_value() == "Komme i praktik"

    pdf = read(download(page, "Hent som PDF"))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = "".join(text.split())
    for typed in (
        "Browserborger Beta",
        "Flytte i egen bolig",
        "Komme i praktik",
        "Trækker sig fra aftaler",
        contact.splitlines()[0],
    ):
        assert "".join(typed.split()) in flat, typed

    word = download(page, "Hent som Word-fil")
    assert word.suggested_filename == "indsatsplan.docx"
    document = Document(io.BytesIO(read(word)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert "Flytte i egen bolig" in cells and "Komme i praktik" in cells
    assert "Trækker sig fra aftaler" in paragraphs
    assert any("Browserborger Beta" in line for line in paragraphs)


def test_the_draft_stays_in_the_browser_only_when_asked_and_goes_with_slet_kladde(
    site_url, context
):
    page = context.new_page()
    visit(page, site_url + WORKSHEET)
    page.get_by_label("Borgerens navn").fill("Ikke gemt")
    keys = "() => Object.keys(localStorage).filter((k) => k.startsWith('indsatsplan:'))"
    assert page.evaluate(keys) == []  # nothing kept without the reader's say-so

    page.get_by_label("Gem en kladde i denne browser").check()
    page.get_by_label("Mål, række 1").fill("Gemt i browseren")
    page.locator("[data-part=del1] [data-add-row]").click()
    page.get_by_label("Mål, række 3").fill("Også række tre")
    assert len(page.evaluate(keys)) == 1

    again = context.new_page()
    visit(again, site_url + WORKSHEET)
    again.get_by_role("button", name="Hent kladde").click()
    assert again.get_by_label("Mål, række 1").input_value() == "Gemt i browseren"
    assert again.get_by_label("Mål, række 3").input_value() == "Også række tre"

    again.get_by_role("button", name="Slet kladde").click()
    assert again.evaluate(keys) == []
    assert not again.get_by_role("button", name="Slet kladde").is_visible()


def test_the_worksheet_works_on_a_phone_and_axe_finds_nothing(site_url, browser):
    context = browser.new_context(locale="da-DK", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for address in (WORKSHEET, WORKSHEET + "eksempel/"):
            visit(page, site_url + address)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{address} is {width}px wide on a 390px phone"
            page.evaluate(AXE_JS.read_text(encoding="utf-8"))
            violations = page.evaluate(RUN_AXE, {"tags": AXE_TAGS, "contrast": True})
            assert not violations, format_violations(page.url, violations)
        # An error says so on its field, and axe is still content.
        visit(page, site_url + WORKSHEET)
        page.get_by_label("Borgerens navn").fill("x" * 201)
        page.get_by_role("button", name="Hent som PDF").click()
        page.wait_for_load_state()
        assert page.locator("#id_citizen-fejl").is_visible()
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        violations = page.evaluate(RUN_AXE, {"tags": AXE_TAGS, "contrast": True})
        assert not violations, format_violations(page.url, violations)
    finally:
        context.close()


def test_a_restored_draft_keeps_rows_added_since_and_goes_on_saving_after_a_reload(
    site_url, context
):
    page = context.new_page()
    visit(page, site_url + WORKSHEET)
    page.get_by_label("Gem en kladde i denne browser").check()
    page.get_by_label("Mål, række 1").fill("Fra kladden")

    again = context.new_page()
    visit(again, site_url + WORKSHEET)
    again.locator("[data-part=del1] [data-add-row]").click()
    again.get_by_label("Mål, række 3").fill("Skrevet efter kladden")
    again.get_by_role("button", name="Hent kladde").click()
    assert again.get_by_label("Mål, række 1").input_value() == "Fra kladden"
    # The page has three rows, and says so: row 3 goes out with the plan.
    assert again.locator("input[name='del1-raekker']").input_value() == "3"
    again.get_by_role("button", name="Vis til udskrift").click()
    again.wait_for_load_state()
    assert "Skrevet efter kladden" in again.locator("article.plan").inner_text()

    # Back from the server (contacts filled in), the draft is still kept as typed.
    visit(again, site_url + WORKSHEET)
    again.get_by_role("button", name="Hent kladde").click()
    again.get_by_label("Borgerens kommune").select_option(label="Randers")
    again.get_by_role("button", name="Hent kontakter i kommunen").click()
    again.wait_for_load_state()
    assert again.get_by_label("Gem en kladde i denne browser").is_checked()
    again.get_by_label("Mål, række 2").fill("Efter genindlæsning")
    saved = again.evaluate(
        "() => JSON.parse(localStorage.getItem(Object.keys(localStorage)"
        ".find((k) => k.startsWith('indsatsplan:')))).values"
    )
    assert saved["del1-r2-k1"] == "Efter genindlæsning"
    assert saved["del1-r1-k1"] == "Fra kladden"


def test_rows_stop_at_the_limit_in_the_page_too(site_url, page):
    visit(page, site_url + WORKSHEET)
    add = page.locator("[data-part=del1] [data-add-row]")
    for _row in range(28):
        add.click()
    assert page.locator("[data-part=del1] [data-row]").count() == 30
    assert add.is_disabled()
    assert page.locator("[data-part=del1] [data-rows-full]").is_visible()
