"""What a reader said about a page. Nothing about the reader is kept: no address,
no browser, no account; the time is kept to the minute so answers can be counted
by period."""

from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_LENGTH = 1000


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("side"),
    )
    # The address the reader was on: a recommendation's page is a route on its
    # document's page, so the page alone would not say which one.
    path = models.CharField(_("adresse"), max_length=500)
    helpful = models.BooleanField(_("nyttig"))
    comment = models.TextField(_("kommentar"), blank=True, max_length=COMMENT_LENGTH)
    created_at = models.DateTimeField(_("modtaget"), db_index=True)
    handled = models.BooleanField(_("behandlet"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "created_at"], name="feedback_page_created")]
        verbose_name = _("tilbagemelding")
        verbose_name_plural = _("tilbagemeldinger")

    def __str__(self):
        return f"{self.path}: {'ja' if self.helpful else 'nej'}"
