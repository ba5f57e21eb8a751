"""axe-core on the admin screens of a regional editor's and moderator's working day:
login, dashboard, the region's explorer, the edit forms of a case and an adaptation,
the moderator's review of a submitted page with its approval dialog, and the guide.

WCAG 2.1 A and AA, and axe's best practices as well (the landmarks Wagtail leaves
unnamed, for one): the fixes are the project's (danish_admin/templates/wagtailadmin/,
editorial/static/editorial/admin.js), and this shows they hold in a real browser,
after the admin's scripts have drawn the rich-text editors and the sidebar.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import Locale

from casebook.factories import CasePageFactory
from casebook.models import CasePage
from guidelines.models import RegionalAdaptationPage, RegionPage
from guidelines.permissions import setup_permissions
from tests.browser.conftest import AXE_JS, missing_requirement
from tests.browser.test_accessibility import RUN_AXE, format_violations, visit

if reason := missing_requirement():
    pytest.skip(reason, allow_module_level=True)

pytestmark = pytest.mark.django_db

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PASSWORD = "en adgangskode til testen"


@pytest.fixture(scope="module")
def midt_staff(site_url, django_db_blocker):
    """The region's groups, an editor and a moderator, and a case the editor has sent
    for approval, committed for the live server's thread; removed afterwards."""
    with django_db_blocker.unblock():
        assert not connection.in_atomic_block
        setup_permissions()
        users = {}
        for role, group in [
            ("editor", "Region Midtjylland – redaktører"),
            ("moderator", "Region Midtjylland – moderatorer"),
        ]:
            user = get_user_model().objects.create_user(f"axe-{role}", password=PASSWORD)
            user.groups.add(Group.objects.get(name=group))
            users[role] = user
        region = RegionPage.objects.get(slug="midtjylland", locale=Locale.get_default())
        pending = CasePageFactory(
            parent=region, region=region.region, slug="axe-til-godkendelse", live=False
        )
        pending.save_revision(user=users["editor"])
        pending.get_workflow().start(pending, users["editor"])
        try:
            yield {"region": region, "pending": pending, **users}
        finally:
            CasePage.objects.get(pk=pending.pk).delete()
            for user in users.values():
                user.delete()


def log_in(page, site_url, user):
    visit(page, site_url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site_url + "/admin/")


def check(page, url, subtests, axe_source, before=None):
    with subtests.test(msg=url):
        visit(page, url)
        page.wait_for_load_state("networkidle")
        if before:
            before(page)
        # Colours are measured once transitions (a dialog fading in) have ended.
        page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
        page.evaluate(axe_source)
        violations = page.evaluate(RUN_AXE, {"tags": AXE_TAGS, "contrast": True})
        assert not violations, format_violations(url, violations)


def open_approval_dialog(page):
    page.locator("table [data-w-dropdown-target='toggle']").first.click()
    page.locator(".w-dropdown__content:visible").get_by_text("Godkend med kommentar").click()
    page.locator(".modal[role='dialog'] textarea").wait_for()
    page.wait_for_function(
        "() => document.querySelector('.modal[role=dialog]').hasAttribute('aria-labelledby')"
    )


def test_the_editors_screens_have_no_axe_violations(site_url, page, subtests, midt_staff):
    axe_source = AXE_JS.read_text(encoding="utf-8")
    region, pending = midt_staff["region"], midt_staff["pending"]
    adaptation = RegionalAdaptationPage.objects.child_of(region).first()
    case = CasePage.objects.child_of(region).live().first()

    check(page, site_url + "/admin/login/", subtests, axe_source)
    log_in(page, site_url, midt_staff["editor"])
    for path in [
        "/admin/",
        f"/admin/pages/{region.pk}/",
        f"/admin/pages/{case.pk}/edit/",
        f"/admin/pages/{adaptation.pk}/edit/",
        f"/admin/pages/add/casebook/casepage/{region.pk}/",
        f"/admin/pages/add/guidelines/regionaladaptationpage/{region.pk}/",
        "/admin/vejledning/",
        "/admin/vejledning/regional-tilpasning/",
        "/admin/vejledning/case/",
        "/admin/vejledning/godkendelse/",
    ]:
        check(page, site_url + path, subtests, axe_source)
    # The rich-text editors are named by their fields' labels.
    visit(page, site_url + f"/admin/pages/{case.pk}/edit/")
    editor = page.locator(".public-DraftEditor-content").first
    editor.wait_for()
    label = page.locator(f"#{editor.get_attribute('aria-labelledby')}")
    assert "Hvad blev gjort" in label.inner_text()

    page.context.clear_cookies()
    log_in(page, site_url, midt_staff["moderator"])
    check(page, site_url + "/admin/", subtests, axe_source)
    check(page, site_url + f"/admin/pages/{pending.pk}/edit/", subtests, axe_source)
    check(page, site_url + "/admin/", subtests, axe_source, before=open_approval_dialog)
