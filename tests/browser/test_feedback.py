"""'Var siden nyttig?' with JavaScript: answered in place, focus on what comes next."""

import pytest

from tests.browser.test_accessibility import DOCUMENT, visit

pytestmark = pytest.mark.django_db

SECTION = DOCUMENT + "faelles-udredning/"


def test_answer_and_comment_in_place(site_url, page):
    visit(page, site_url + SECTION)
    page.get_by_role("button", name="Nej").click()
    comment = page.locator("[data-page-feedback] textarea")
    comment.wait_for()
    assert page.url == site_url + SECTION, "the answer must not leave the page"
    assert comment.evaluate("el => el === document.activeElement")
    comment.fill("Afsnittet nævner ikke, hvem der indkalder til mødet.")
    page.get_by_role("button", name="Send kommentar").click()
    page.locator("[data-page-feedback] [role=status]").filter(
        has_text="Tak for din kommentar"
    ).wait_for()
    # What is stored is tested without a browser (tests/feedback): the live server's
    # writes and this thread's reads would lock SQLite's shared test database.
    assert not page.locator("[data-page-feedback] form").count()
