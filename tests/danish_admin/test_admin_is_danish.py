"""A Danish editor's admin screens are Danish, not a mix of Danish and English.

The screens an editor and a moderator meet daily (dashboard, explorer, add and
edit, publish and unpublish, moderation dialogs, history, revisions, workflow
history, wagtail-localize's translate screens) are rendered for Danish users.
Every interface string on them is collected: text, aria-label, title,
placeholder, alt, button value, tooltip, and the strings in the JSON the server
hands to the admin's scripts (the sidebar's menu, for one). A string that is
the English msgid of one of the covered catalogues (Wagtail's and
wagtail-localize's server-side ones) is English on the screen unless its Danish
is the same word (Status, Live, URL...). Placeholders in a msgid match anything.

Not covered: the parts built in the browser (Draftail's toolbar, StreamField's
block controls, comments, wagtail-localize's translation editor) take their
strings from the JavaScript catalogues (djangojs), which are not rendered on the
server. Django serves those only from the packages the admin names and from
LOCALE_PATHS, so an app's djangojs.po would not reach them anyway.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy, trans_real
from wagtail.admin.menu import reports_menu
from wagtail.forms import TaskStateCommentForm
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object

from catalogues import compile_catalogues
from guidelines.factories import GuidanceDocumentPageFactory, GuidanceSectionPageFactory

WAGTAIL = Path(wagtail.__file__).parent
LOCALIZE = Path(wagtail_localize.__file__).parent
# The comment that marks an entry correcting Wagtail's own Danish.
CORRECTION = "Retter Wagtails danske oversættelse"
OUR_CATALOGUE = (
    Path(settings.BASE_DIR) / "danish_admin" / "locale" / "da" / "LC_MESSAGES" / "django.po"
)

# The server-side catalogues of the admin an editor works in.
COVERED = [
    WAGTAIL / "admin",
    WAGTAIL,
    WAGTAIL / "snippets",
    WAGTAIL / "users",
    WAGTAIL / "images",
    WAGTAIL / "documents",
    WAGTAIL / "locales",
    WAGTAIL / "sites",
    WAGTAIL / "search",
    LOCALIZE,
    LOCALIZE / "locales",
]

# Strings on the screens that no catalogue can reach.
NOT_TRANSLATABLE = {
    # Wagtail writes these into its templates without marking them for translation:
    # the visually hidden submit button of the header's search form
    # (wagtailadmin/shared/header.html, home.html) and the label of the header's
    # action buttons (wagtailadmin/shared/headers/_actions.html).
    "Search",
    "Actions",
    # Python's None, which the side panel toggles print into their hidden counter.
    "None",
}

# Attributes whose values a person reads (or a screen reader reads out).
READ_ATTRIBUTES = {
    "aria-label",
    "aria-description",
    "title",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
}
INLINE = {"a", "abbr", "b", "br", "code", "em", "i", "small", "span", "strong", "time"}
IDENTIFIER = re.compile(r"[a-z0-9_.:/-]+")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


class _Strings(HTMLParser):
    """The texts a person meets in HTML: text nodes, runs of text across inline
    elements ("Locked by <b>you</b>"), read-out attributes, button values, and
    the strings in JSON scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.strings = set()
        self.run = []
        self.svg = 0
        self.script = None

    def add(self, text):
        text = " ".join(text.split())
        if text:
            self.strings.add(text)

    def flush(self):
        self.add("".join(self.run))
        self.run = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in INLINE:
            self.flush()
        if tag == "svg":
            self.svg += 1
        if tag in {"script", "style"}:
            self.script = attrs.get("type") or "text/javascript"
        for name, value in attrs.items():
            if value and name in READ_ATTRIBUTES:
                self.add(value)
        if tag in {"button", "input"} and attrs.get("type") in {"submit", "button", "reset"}:
            self.add(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.flush()
        if tag == "svg":
            self.svg = max(0, self.svg - 1)
        if tag in {"script", "style"}:
            self.script = None

    def handle_data(self, data):
        if self.script is not None:
            if "json" in self.script:
                for text in _json_strings(data):
                    self.fragment(text)
        elif not self.svg:
            self.add(data)
            self.run.append(data)

    def fragment(self, text):
        """A string from JSON: itself, or the texts of the HTML it holds. Names
        (a menu item's "images", a step's "action") are not read by anyone."""
        if IDENTIFIER.fullmatch(text):
            return
        if "<" in text and ">" in text:
            inner = _Strings()
            inner.feed(text)
            inner.close()
            self.strings |= inner.strings
        else:
            self.add(text)


def _json_strings(data):
    try:
        stack = [json.loads(data)]
    except ValueError:
        return
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def interface_strings(response):
    """The strings a person reads in an admin response: a page, or a modal's JSON."""
    parser = _Strings()
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        for text in _json_strings(content):
            parser.fragment(text)
    else:
        parser.feed(content)
        parser.close()
    return parser.strings


class Msgid:
    """One English msgid (or plural msgid) and how it looks on a screen: its
    inline tags gone and its placeholders filled in."""

    def __init__(self, entry, form, catalogue):
        self.entry = entry
        self.form = form  # 0: msgid, 1: msgid_plural
        self.english = entry.msgid_plural if form else entry.msgid
        self.catalogue = catalogue
        visible = " ".join(re.sub(r"<[^>]+>", "", self.english).split())
        self.visible = visible
        self.pattern = None
        literal = PLACEHOLDER.sub("", visible)
        if PLACEHOLDER.search(visible):
            # Too little text of its own ("%(field_label)s:") would match anything.
            if sum(c.isalpha() for c in literal) >= 4:
                parts = PLACEHOLDER.split(visible)
                self.pattern = re.compile(".+?".join(re.escape(part) for part in parts), re.S)
                self.probe = max(parts, key=len)
            else:
                self.visible = None

    def on_screen(self, strings):
        if self.pattern is None:
            return {self.visible} & strings
        return {s for s in strings if self.probe in s and self.pattern.fullmatch(s)}

    def danish(self, catalog):
        """The Danish the running catalogues give this msgid, or None."""
        entry = self.entry
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            key = (key, self.form)
        return catalog.get(key)


def covered_msgids():
    msgids = []
    for package in COVERED:
        po = package / "locale" / "en" / "LC_MESSAGES" / "django.po"
        name = ".".join(package.relative_to(WAGTAIL.parent).parts)
        for entry in polib.pofile(str(po)):
            if not entry.obsolete and entry.msgid.strip():
                for form in (0, 1) if entry.msgid_plural else (0,):
                    msgids.append(Msgid(entry, form, name))
    return msgids


def english_on_screen(strings, msgids):
    """{text: msgid} for each string that is a covered msgid shown in English."""
    catalog = trans_real.translation("da")._catalog
    english = {}
    for msgid in msgids:
        if msgid.visible is None or msgid.danish(catalog) == msgid.english:
            continue  # the Danish is the same word
        for text in msgid.on_screen(strings) - NOT_TRANSLATABLE:
            english.setdefault(text, msgid)
    return english


def _reset_translations():
    trans_real._translations = {}
    trans_real._default = None
    translation.deactivate()


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    """The .mo files are build output: compile them, then drop Django's cached catalogues.

    Wagtail translates one label when it imports wagtail.forms (gettext, not
    gettext_lazy): the comment field of the approve and request-changes dialogs.
    A server started after `make` compiled the catalogues has it in Danish; on a
    fresh checkout the test compiles them only after that import, so the label is
    translated again here, lazily, for the length of this module."""
    compile_catalogues()
    _reset_translations()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TaskStateCommentForm.base_fields["comment"], "label", gettext_lazy("Comment"))
        yield
    _reset_translations()


@pytest.fixture(scope="module")
def msgids():
    return covered_msgids()


@pytest.fixture
def people(django_user_model, guidance_index):
    """A Danish editor (a superuser) and a Danish moderator, the only reviewer of a
    one-task workflow on the guidance index."""
    editor = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "x")
    moderators = Group.objects.create(name="Fagredaktører")
    moderators.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=moderators,
            page=guidance_index,
            permission=Permission.objects.get(codename=codename),
        )
    moderator = django_user_model.objects.create_user("fagredaktoer", "f@example.org", "x")
    moderator.groups.add(moderators)
    for user in (editor, moderator):
        UserProfile.get_for_user(user)
    UserProfile.objects.filter(user__in=[editor, moderator]).update(preferred_language="da")
    workflow = Workflow.objects.create(name="Faglig godkendelse")
    task = GroupApprovalTask.objects.create(name="Fagredaktørens godkendelse")
    task.groups.add(moderators)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=guidance_index)
    return {"editor": editor, "moderator": moderator, "workflow": workflow}


@pytest.fixture
def pages(people, home, guidance_index):
    """A published document whose new draft awaits the moderator, a section sent
    back with changes requested, and an English translation of the document."""
    editor, moderator, workflow = people["editor"], people["moderator"], people["workflow"]
    document = GuidanceDocumentPageFactory(parent=guidance_index, title="Vejledning om forløb")
    document.save_revision(user=editor, log_action=True).publish(user=editor)

    english, _ = Locale.objects.get_or_create(language_code="en")
    for page in (home, guidance_index, document):
        translate_object(Page.objects.get(pk=page.pk).specific, [english], user=editor)

    document.title = "Vejledning om forløb, revideret"
    document.save_revision(user=editor, log_action=True)
    workflow.start(document, editor)

    section = GuidanceSectionPageFactory(parent=document, title="Målgruppe")
    section.save_revision(user=editor, log_action=True).publish(user=editor)
    section.save_revision(user=editor, log_action=True)
    workflow.start(section, editor)
    task_state = section.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment="Ret målgruppen.")

    document = Page.objects.get(pk=document.pk).specific
    return {
        "index": guidance_index,
        "document": document,
        "section": Page.objects.get(pk=section.pk).specific,
        "translation": document.get_translation(english),
        "source": TranslationSource.objects.get_for_instance(document),
    }


def screens(pages):
    """{screen: (who, url)}: what an editor and a moderator open in a working day."""
    index, document, section = pages["index"], pages["document"], pages["section"]
    task_state = document.current_workflow_task_state
    revisions = list(document.revisions.order_by("pk").values_list("pk", flat=True))
    workflow = f"/admin/pages/workflow/action/{document.pk}"
    return {
        "dashboard, moderator": ("moderator", "/admin/"),
        "dashboard, editor": ("editor", "/admin/"),
        "explorer": ("editor", f"/admin/pages/{index.pk}/"),
        "add page": ("editor", f"/admin/pages/add/guidelines/guidancesectionpage/{document.pk}/"),
        "edit, in moderation": ("editor", f"/admin/pages/{document.pk}/edit/"),
        "edit, to review": ("moderator", f"/admin/pages/{document.pk}/edit/"),
        "edit, changes requested": ("editor", f"/admin/pages/{section.pk}/edit/"),
        "approve": ("moderator", f"{workflow}/approve/{task_state.pk}/"),
        "request changes": ("moderator", f"{workflow}/reject/{task_state.pk}/"),
        "publish, cancelling the workflow": (
            "editor",
            f"/admin/pages/workflow/confirm_cancellation/{document.pk}/",
        ),
        "unpublish": ("editor", f"/admin/pages/{document.pk}/unpublish/"),
        "delete": ("editor", f"/admin/pages/{section.pk}/delete/"),
        "privacy": ("editor", f"/admin/pages/{document.pk}/privacy/"),
        "history": ("editor", f"/admin/pages/{document.pk}/history/"),
        "compare revisions": (
            "editor",
            f"/admin/pages/{document.pk}/revisions/compare/{revisions[0]}...{revisions[-1]}/",
        ),
        "workflow history": ("editor", f"/admin/pages/{section.pk}/workflow_history/"),
        "workflow history, detail": (
            "editor",
            f"/admin/pages/{document.pk}/workflow_history/detail/"
            f"{document.current_workflow_state.pk}/",
        ),
        "awaiting moderation report": ("editor", "/admin/reports/workflow/"),
        "translate": ("editor", f"/admin/localize/submit/page/{section.pk}/"),
        "sync translations": ("editor", f"/admin/localize/update/{pages['source'].pk}/"),
        "edit translation": ("editor", f"/admin/pages/{pages['translation'].pk}/edit/"),
        "translations report": ("editor", "/admin/localize/reports/translations/"),
    }


def test_a_danish_editors_screens_have_no_english_from_the_covered_catalogues(
    people, pages, msgids
):
    clients = {}
    for who in ("editor", "moderator"):
        clients[who] = Client()
        clients[who].force_login(people[who])

    english, rendered = {}, {}
    for screen, (who, url) in screens(pages).items():
        response = clients[who].get(url)
        assert response.status_code == 200, f"{screen}: {url} gave {response.status_code}"
        strings = interface_strings(response)
        rendered[screen] = len(strings)
        for text, msgid in sorted(english_on_screen(strings, msgids).items()):
            english.setdefault(screen, []).append(
                f"{text!r}  ({msgid.catalogue}: {msgid.english!r})"
            )

    assert all(rendered.values()), rendered  # the parser found the texts
    assert not english, "English on a Danish editor's screens:\n" + "\n".join(
        f"{screen}:\n    " + "\n    ".join(texts) for screen, texts in english.items()
    )


def test_the_screens_are_danish_where_wagtail_left_them_english(people, pages):
    """Spot checks: strings Wagtail's own Danish lacks read in Danish."""
    client = Client()
    client.force_login(people["moderator"])
    dashboard = client.get("/admin/").content.decode()
    assert "Afventer din godkendelse" in dashboard  # Awaiting your review
    edit = client.get(f"/admin/pages/{pages['document'].pk}/edit/").content.decode()
    assert "Anmod om ændringer" in edit  # Request changes
    assert "Godkend med kommentar" in edit  # Approve with comment


def test_menu_labels_follow_each_editor_not_whoever_opened_the_admin_first(
    django_user_model, people
):
    """Wagtail builds its menus once per process. An English-speaking colleague
    who opens the admin first after a restart must not leave a menu label in
    English for the Danish editors (danish_admin/wagtail_hooks.py)."""
    reports_menu.__dict__.pop("registered_menu_items", None)  # as after a restart
    colleague = django_user_model.objects.create_superuser("colleague", "c@example.org", "x")
    UserProfile.get_for_user(colleague)
    UserProfile.objects.filter(user=colleague).update(preferred_language="en")
    english, danish = Client(), Client()
    english.force_login(colleague)
    danish.force_login(people["editor"])

    assert "Translations" in interface_strings(english.get("/admin/"))
    danish_labels = interface_strings(danish.get("/admin/"))
    assert "Oversættelser" in danish_labels
    assert "Translations" not in danish_labels


def test_the_editors_javascript_strings_are_danish(people, pages):
    """The block editor, comments, the sidebar and autosave take their strings
    from Wagtail's JavaScript catalogue (/admin/jsi18n/), which Wagtail's own
    Danish leaves two-thirds English: every one of them has Danish there."""
    client = Client()
    client.force_login(people["editor"])
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    catalog = json.loads(found.group(1))

    # wagtail-localize's translation editor loads this catalogue beside its own,
    # which holds only the strings it has Danish for, so ours fill in the rest.
    def js_msgids(package, language):
        po = polib.pofile(str(package / "locale" / language / "LC_MESSAGES" / "djangojs.po"))
        return {entry.msgid for entry in po if language == "en" or entry.translated()}

    localize_has = js_msgids(LOCALIZE, "da")
    english = js_msgids(WAGTAIL / "admin", "en") | (js_msgids(LOCALIZE, "en") - localize_has)
    missing = sorted(msgid for msgid in english if msgid and not catalog.get(msgid))
    assert not missing, missing
    assert catalog["Insert a block"] == "Indsæt en blok"
    editor = client.get(f"/admin/pages/{pages['translation'].pk}/edit/").content.decode()
    assert '<script src="/admin/jsi18n/"' in editor
    assert '<script src="/admin/localize/jsi18n/"' in editor
    assert catalog["%(num)s error"] == ["%(num)s fejl", "%(num)s fejl"]
    # Wagtail's own Danish stays where it has it.
    ours = polib.pofile(str(OUR_CATALOGUE.with_name("djangojs.po")))
    wagtails = polib.pofile(
        str(WAGTAIL / "admin" / "locale" / "da" / "LC_MESSAGES" / "djangojs.po")
    )
    assert not {e.msgid for e in ours} & {e.msgid for e in wagtails if e.translated()}


def test_danish_admin_comes_before_the_apps_it_translates():
    """Django lets the app listed first win when two apps translate a msgid."""
    apps = settings.INSTALLED_APPS
    first_wagtail = min(i for i, app in enumerate(apps) if app.startswith("wagtail"))
    assert apps.index("danish_admin") < first_wagtail


def translations_of(entry):
    return entry.msgstr, entry.msgstr_plural


def test_the_catalogue_only_fills_gaps_and_keeps_placeholders():
    """Each msgid is one of Wagtail's or wagtail-localize's that their Danish
    catalogues leave untranslated, or a correction marked as one, and its Danish
    keeps the placeholders."""
    english, shipped_danish = set(), {}
    for package in COVERED:
        locale = package / "locale"
        english |= {
            (e.msgctxt, e.msgid) for e in polib.pofile(str(locale / "en/LC_MESSAGES/django.po"))
        }
        danish = locale / "da" / "LC_MESSAGES" / "django.po"
        if danish.exists():
            shipped_danish.update(
                {(e.msgctxt, e.msgid): e for e in polib.pofile(str(danish)) if e.translated()}
            )
    ours = polib.pofile(str(OUR_CATALOGUE))
    assert ours.percent_translated() == 100
    problems = []
    for entry in ours:
        key = (entry.msgctxt, entry.msgid)
        if key not in english:
            problems.append(f"not a Wagtail msgid: {entry.msgid!r}")
        if key in shipped_danish:
            if CORRECTION not in entry.comment:
                problems.append(f"Wagtail already translates: {entry.msgid!r}")
            elif translations_of(entry) == translations_of(shipped_danish[key]):
                problems.append(f"a correction that changes nothing: {entry.msgid!r}")
        elif CORRECTION in entry.comment:
            problems.append(f"not a correction, Wagtail leaves it English: {entry.msgid!r}")
        pairs = (
            [(entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for source, danish in pairs:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(danish)):
                problems.append(f"placeholders differ: {source!r} -> {danish!r}")
    assert not problems, "\n".join(problems)
