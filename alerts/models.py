"""Subscriptions, the alerts they receive, and the outbox of mails.

Only confirmed subscriptions are stored: until the reader follows the link in the
confirmation mail, the address exists only in that (signed) link. A subscription
keeps the address, what it is for, the language of the mails and the secret of its
unsubscribe link; unsubscribing deletes it, with its mails not yet sent.

An alert is one event readers hear about (an edition released, a region's
adaptation or case published), and its key makes it happen once. Each mail is an
outbox row, one per alert and subscription: a send claims the row before it talks to
the mail server, so a mail goes out once however often the sending runs, and a row
the server refused stays to be sent again."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    email = models.EmailField(_("e-mailadresse"))
    # The Danish (source) page: one subscription covers the document in both languages.
    document = models.ForeignKey(
        "guidelines.GuidanceDocumentPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("dokument"),
    )
    region = models.ForeignKey(
        "guidelines.Region",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("region"),
    )
    language = models.CharField(_("sprog"), max_length=10, choices=settings.LANGUAGES)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("bekræftet"))

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(document__isnull=True) ^ Q(region__isnull=True),
                name="alerts_subscription_one_topic",
            ),
            models.UniqueConstraint(
                fields=["email", "document"],
                condition=Q(document__isnull=False),
                name="alerts_one_per_document",
            ),
            models.UniqueConstraint(
                fields=["email", "region"],
                condition=Q(region__isnull=False),
                name="alerts_one_per_region",
            ),
        ]
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementer")

    def __str__(self):
        return str(self.document or self.region)


class AlertKind(models.TextChoices):
    EDITION = "edition", _("Ny udgave")
    ADAPTATION = "adaptation", _("Regional tilpasning udgivet")
    CASE = "case", _("Ny case i regionen")


class Alert(models.Model):
    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(_("slags"), max_length=20, choices=AlertKind.choices)
    edition = models.ForeignKey(
        "guidelines.Edition", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The adaptation or case (its Danish page); the mail links the reader's language's.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("besked")
        verbose_name_plural = _("beskeder")

    def __str__(self):
        return self.key


class MailStatus(models.TextChoices):
    PENDING = "pending", _("Venter")
    SENDING = "sending", _("Sendes")
    SENT = "sent", _("Sendt")
    DROPPED = "dropped", _("Droppet (siden findes ikke længere)")


class OutboxMail(models.Model):
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="mails")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="mails")
    status = models.CharField(max_length=10, choices=MailStatus.choices, default="pending")
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    claimed_at = models.DateTimeField(null=True)
    sent_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "subscription"], name="alerts_one_mail_each")
        ]
        indexes = [models.Index(fields=["status"], name="alerts_outbox_status")]
        verbose_name = _("mail i udbakken")
        verbose_name_plural = _("mails i udbakken")

    def __str__(self):
        return f"{self.alert} → {self.subscription_id}"
