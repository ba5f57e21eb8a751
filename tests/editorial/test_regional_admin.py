"""What regional editors and moderators are shown and led to in the admin:
their region as the start, Danish on the screens of their working day, no
Root, English tree or site-wide reports, and help that is the project's own."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from casebook.models import CasePage, TargetGroup, Theme
from guidelines.models import GuidanceDocumentPage, Municipality
from tests.danish_admin.test_admin_is_danish import interface_strings

from .conftest import sidebar_items

pytestmark = pytest.mark.django_db

SITE_WIDE_REPORTS = [
    "/admin/reports/page-types-usage/",
    "/admin/reports/site-history/",
    "/admin/localize/reports/translations/",
]
ENGLISH_GUIDE = "guide.wagtail.org"


def test_regional_users_start_at_their_region(staff, midt):
    danish, english = midt
    for role in ("editor", "moderator"):
        client = staff[role]
        assert client.get("/admin/pages/").url == f"/admin/pages/{danish.pk}/"
        _items, start = sidebar_items(client.get("/admin/"))
        assert start == danish.pk
        # Anything above the region, or the English tree, sends them back to it.
        for page in (
            Page.get_first_root_node(),
            danish.get_parent(),
            english,
            english.get_parent(),
        ):
            response = client.get(f"/admin/pages/{page.pk}/")
            assert response.status_code == 302, page
            assert response.url == f"/admin/pages/{danish.pk}/"
        dashboard = client.get("/admin/").content.decode()
        assert re.search(r"<h1[^>]*>\s*Region Midtjylland\s*</h1>", dashboard)


def test_others_start_where_wagtail_starts_them(staff):
    """The rule is for regional users: a national editor's pages span the
    guidance and the casebook in both languages, a superuser has everything."""
    root = Page.get_first_root_node()
    for role in ("national", "admin"):
        _items, start = sidebar_items(staff[role].get("/admin/"))
        assert start == root.pk
        assert staff[role].get(f"/admin/pages/{root.pk}/").status_code == 200


def test_regional_screens_show_no_root_and_no_english_tree(staff, midt):
    danish, _english = midt
    case = CasePage.objects.child_of(danish).first()
    client = staff["editor"]
    for url in ("/admin/", f"/admin/pages/{danish.pk}/", f"/admin/pages/{case.pk}/edit/"):
        strings = interface_strings(client.get(url))
        assert "Root" not in strings, url
        assert not any("Cross-sector" in text for text in strings), url  # the English home
        # No explorer link leads out of the region (breadcrumbs start at it).
        linked = {int(pk) for pk in re.findall(r'href="/admin/pages/(\d+)/"', html(client, url))}
        outside = Page.objects.filter(pk__in=linked).exclude(path__startswith=danish.path)
        assert not outside.exists(), (url, list(outside))
    explorer = interface_strings(client.get(f"/admin/pages/{danish.pk}/"))
    assert {case.title, "Region Midtjylland"} <= explorer


def html(client, url):
    return client.get(url).content.decode()


def test_regional_menus_lack_site_wide_reports(staff):
    for role in ("editor", "moderator"):
        items, _start = sidebar_items(staff[role].get("/admin/"))
        urls = {url for _label, url in items}
        assert not urls & set(SITE_WIDE_REPORTS), role
        assert "/admin/tilpasninger/til-gennemsyn/" in urls
        assert "/admin/reports/workflow/" in urls
    # The national editor keeps them: the hiding is the regional users' own.
    items, _start = sidebar_items(staff["national"].get("/admin/"))
    assert set(SITE_WIDE_REPORTS) <= {url for _label, url in items}


def test_help_is_the_projects_danish_guide(staff, midt):
    danish, _english = midt
    case = CasePage.objects.child_of(danish).first()
    for role in ("editor", "moderator", "admin"):
        client = staff[role]
        for url in ("/admin/", f"/admin/pages/{danish.pk}/", f"/admin/pages/{case.pk}/edit/"):
            assert ENGLISH_GUIDE not in client.get(url).content.decode(), (role, url)
        items, _start = sidebar_items(client.get("/admin/"))
        labels = dict(items)
        assert labels["Redaktørguide"] == reverse("editorial_guide")
        assert not any(label.startswith("Nyt i Wagtail") for label in labels)


def test_the_guide_is_reached_from_the_dashboard(staff):
    client = staff["editor"]
    dashboard = client.get("/admin/").content.decode()
    links = set(re.findall(r'href="(/admin/vejledning/[^"]*)"', dashboard))
    titles = {}
    for url in links:
        response = client.get(url)
        assert response.status_code == 200, url
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1)
        titles[url] = " ".join(re.sub(r"<[^>]+>", "", heading).split())
    assert set(titles.values()) >= {
        "Redaktørguide",
        "Sådan laver du en regional tilpasning",
        "Sådan laver du en case",
        "Sådan godkender du",
    }
    assert client.get("/admin/vejledning/findes-ikke/").status_code == 404
    anonymous = Client().get("/admin/vejledning/case/")
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous.url


def test_the_guide_names_what_the_screens_show(staff, midt):
    """Every label the guide tells editors to look for is on the screen it
    speaks of, so the guide goes wrong in a test before it does for an editor."""
    danish, _english = midt
    editor, moderator = staff["editor"], staff["moderator"]
    pending = submitted_case(editor, danish)
    document = f"?dokument={GuidanceDocumentPage.objects.live().filter(locale=danish.locale)[0].pk}"
    screens = set()
    for client, url in [
        (editor, "/admin/"),
        (editor, f"/admin/pages/{danish.pk}/"),
        (editor, f"/admin/pages/{danish.pk}/add_subpage/"),
        (editor, f"/admin/pages/add/guidelines/regionaladaptationpage/{danish.pk}/"),
        (editor, f"/admin/pages/add/guidelines/regionaladaptationpage/{danish.pk}/{document}"),
        (editor, f"/admin/pages/add/casebook/casepage/{danish.pk}/"),
        (editor, "/admin/account/"),
        (moderator, "/admin/"),
        (moderator, f"/admin/pages/{pending.pk}/edit/"),
        (moderator, "/admin/account/"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        screens |= interface_strings(response)
    # What the editor meets when the moderator asks for changes.
    task_state = pending.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator.user, "reject", comment="Ret det.")
    for url in ("/admin/", f"/admin/pages/{pending.pk}/edit/"):
        screens |= interface_strings(editor.get(url))
    for slug in ("regional-tilpasning", "case", "godkendelse"):
        guide = editor.get(f"/admin/vejledning/{slug}/").content.decode()
        labels = re.findall(r'<span class="editor-guide__ui">(.*?)</span>', guide, re.S)
        assert labels, slug
        for label in labels:
            label = " ".join(label.split())
            label = label.replace("(regionens navn)", "Region Midtjylland").rstrip(" …")
            assert any(label.lower() in text.lower() for text in screens), (slug, label)


def case_form(region_page, action, title="Fælles opstart i Silkeborg"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "faelles-opstart-silkeborg",
            "summary": "Kommune og psykiatri holder et fælles opstartsmøde.",
            "region": region_page.specific.region_id,
            "start_year": "2023",
            "status": "i-gang",
            "what_was_done": rich_text("<p>Et fælles møde inden for 14 dage.</p>"),
            "results": rich_text(""),
            "recommendation_links": inline_formset([]),
            action: action,
        }
    )
    data["municipalities"] = [Municipality.objects.get(name="Silkeborg").pk]
    data["target_groups"] = [TargetGroup.objects.first().pk]
    data["themes"] = [Theme.objects.first().pk]
    return data


def submitted_case(client, region_page):
    """A new case, sent to the region's approval through the add form."""
    url = f"/admin/pages/add/casebook/casepage/{region_page.pk}/"
    response = client.post(url, case_form(region_page, "action-submit"), follow=True)
    assert response.status_code == 200
    page = CasePage.objects.child_of(region_page).get(slug="faelles-opstart-silkeborg")
    assert page.workflow_in_progress
    return page


def test_an_editor_submits_and_a_moderator_approves_in_danish(staff, midt):
    danish, _english = midt
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(staff["editor"].user)
    url = f"/admin/pages/add/casebook/casepage/{danish.pk}/"
    form = editor.get(url)
    strings = interface_strings(form)
    assert {"Gem kladde", "Send til Godkendelse – Region Midtjylland"} <= strings
    assert not {"Gem skitse", "Indsend til Godkendelse – Region Midtjylland"} & strings
    data = case_form(danish, "action-submit")
    data["csrfmiddlewaretoken"] = form.context["csrf_token"]
    response = editor.post(url, data, follow=True)
    message = "Siden 'Fælles opstart i Silkeborg' er oprettet og sendt til godkendelse."
    assert message in interface_strings(response)
    assert not any("blivet" in text or "moderation" in text for text in interface_strings(response))
    page = CasePage.objects.child_of(danish).get(slug="faelles-opstart-silkeborg")

    moderator = staff["moderator"]
    dashboard = interface_strings(moderator.get("/admin/"))
    assert {"Afventer din godkendelse", page.title} <= dashboard
    edit = interface_strings(moderator.get(f"/admin/pages/{page.pk}/edit/"))
    assert {"Godkend og udgiv", "Godkend med kommentar og udgiv", "Anmod om ændringer"} <= edit
    assert not any("Publicér" in text or "moderation" in text for text in edit)


def test_status_reads_udgivet(staff, midt):
    danish, _english = midt
    case = CasePage.objects.child_of(danish).live().first()
    strings = interface_strings(staff["editor"].get(f"/admin/pages/{case.pk}/edit/"))
    assert "Udgivet" in strings
    assert "Udgivet: Synlig for alle. Besøg den udgivne side" in strings  # its accessible name
    assert not {"Live", "live", "LIVE", "Vis live"} & strings


def test_login_screen_is_danish_and_signs_in(staff):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    strings = interface_strings(page)
    assert {"Log ind som redaktør", "Brugernavn", "Adgangskode", "Indtast brugernavn"} <= strings
    assert {"Indtast adgangskode", "Log ind - Redaktionen"} <= strings
    wrong = {"Log ind i Wagtail", "Password", "Skriv din brugernavn", "Skriv adgangskode"}
    assert not wrong & strings
    response = client.post(
        "/admin/login/",
        {
            "username": "midt-redaktoer",
            "password": "x",
            "csrfmiddlewaretoken": page.context["csrf_token"],
        },
    )
    assert response.status_code == 302
    assert response.url == "/admin/"
