"""The page classes every page of the platform builds on (abstract: no tables)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from .drafts import admin_display_title


class SitePage(Page):
    """Fields every public page of the platform has."""

    is_demo = models.BooleanField(
        _("demoindhold"),
        default=False,
        help_text=_("Viser tydeligt, at siden er demoindhold og ikke officiel vejledning."),
    )

    settings_panels = Page.settings_panels + [FieldPanel("is_demo")]

    # A translation keeps its original's slug, so the English page's address is the
    # Danish one under /en/, and sections keep the names that adaptations and
    # editions know them by (core/i18n.py). wagtail-localize would otherwise
    # offer the slug for translation.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta:
        abstract = True

    def get_admin_display_title(self):
        # Wagtail names a page by this throughout the admin: by the published title
        # to a user who may not see the page's draft (drafts.py).
        return admin_display_title(self) or super().get_admin_display_title()


class IndexPage(SitePage):
    """A listing page: a title, an introduction, and what it lists below."""

    intro = models.TextField(_("introduktion"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    # Directly under the site's home page, one of a kind. The project shell names its
    # home page model in settings, as Django's AUTH_USER_MODEL names the user model:
    # so no app below the home page's app needs to know it.
    # core/checks.py reports a missing or wrong setting.
    parent_page_types = [getattr(settings, "HOME_PAGE_MODEL", "")]
    max_count_per_parent = 1

    class Meta:
        abstract = True
