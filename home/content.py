"""The site part of the content format: the home page and the standard pages."""

from datetime import date

from wagtail.models import Page, Site

from core.content import Handler, register
from core.content.pages import (
    dump_page,
    exported_pages,
    in_locale,
    site_root,
    sync_children,
    sync_page,
)
from core.content.schema import Item, PageItem, RichText, StreamData

from .models import COMPLAINT_URL, AccessibilityStatementPage, HomePage, StandardPage


class HomeItem(PageItem):
    intro: str = ""


class StandardItem(PageItem):
    intro: str = ""
    body: RichText = ""


class StatementItem(PageItem):
    """The accessibility statement (home.AccessibilityStatementPage)."""

    intro: str = ""
    compliance: str
    standard: str = "EN 301 549 (WCAG 2.1, niveau AA)"
    known_issues: StreamData = []
    assessment_method: str
    assessment_description: str = ""
    assessed_on: date
    prepared_on: date
    reviewed_on: date
    contact_email: str
    contact_phone: str
    complaint_url: str = COMPLAINT_URL
    was_url: str = ""

    stream_fields = ("known_issues",)


class SiteItem(Item):
    home: HomeItem
    pages: list[StandardItem] = []
    statement: StatementItem | None = None
    demo: bool | None = None


@register
class SiteHandler(Handler):
    key = "site"
    schema = SiteItem
    order = 10

    def apply(self, value, context):
        context = context.child(self.key, demo=value.demo)
        root = Page.get_first_root_node()
        if context.translating:
            # The translation of the site's home page (a sibling of it under the
            # root, served under /en/), and of the standard pages the file names.
            site_root(context)  # a translation needs the Danish site first
            home = sync_page(root, HomePage, value.home, context.child("home"), singleton=True)
            pages_context = context.child("home", home.is_demo)
            sync_children(home, StandardPage, value.pages, pages_context, "pages")
            self.sync_statement(home, value, pages_context)
            return
        home = sync_page(root, HomePage, value.home, context.child("home"), singleton=True)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            previous = site.root_page
            site.root_page = home
            site.save()
            # Wagtail's own "Welcome" page is not ours to keep.
            if previous.content_type.model_class() is Page and not previous.get_children():
                previous.delete()
        # Standard pages inherit the home page's demo flag, as export writes them.
        pages_context = context.child("home", home.is_demo)
        sync_children(home, StandardPage, value.pages, pages_context, "pages")
        self.sync_statement(home, value, pages_context)

    def sync_statement(self, home, value, context):
        if value.statement is not None:
            sync_page(
                home,
                AccessibilityStatementPage,
                value.statement,
                context.child("statement"),
                singleton=True,
            )

    def dump(self, locale):
        homes = exported_pages(HomePage.objects.all(), locale, with_children=StandardPage)
        if not homes:
            return None
        home = homes[0]
        data = {
            "home": dump_page(home, HomeItem),
            "pages": [
                dump_page(page, StandardItem, parent_demo=home.is_demo)
                for page in in_locale(StandardPage.objects.child_of(home), locale)
            ],
        }
        statement = in_locale(AccessibilityStatementPage.objects.child_of(home), locale).first()
        if statement is not None:
            data["statement"] = dump_page(statement, StatementItem, parent_demo=home.is_demo)
        return data
