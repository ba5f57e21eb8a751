"""The mails: a confirmation of a subscription, and one alert to one subscriber, in
the subscriber's language, as plain text. Every alert carries its unsubscribe link
in the text and in `List-Unsubscribe` (with `List-Unsubscribe-Post`, so that a mail
program's own button unsubscribes in one click, RFC 8058)."""

from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from core.i18n import locale_for, localize

from .models import AlertKind
from .topics import Topic

CONFIRM_SALT = "alerts.confirm"
CONFIRM_MAX_AGE = 3 * 24 * 3600


def site_url(path):
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else "") + path


def confirm_token(email, topic, language):
    data = {"e": email, "t": topic.value, "l": language}
    return signing.dumps(data, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token):
    """(email, topic value, language) from a confirmation link; None when it is
    forged, or older than CONFIRM_MAX_AGE (SignatureExpired is raised for that)."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise
    except signing.BadSignature:
        return None
    return data.get("e"), data.get("t"), data.get("l")


def render_mail(template, context, language):
    with translation.override(language):
        subject = render_to_string(f"alerts/mail/{template}_subject.txt", context)
        body = render_to_string(f"alerts/mail/{template}.txt", context)
    return " ".join(subject.split()), body


def confirmation(email, topic, language):
    with translation.override(language):
        link = site_url(reverse("alerts:confirm", args=[confirm_token(email, topic, language)]))
        context = {"topic": topic.label(locale_for(language)), "link": link}
    subject, body = render_mail("confirm", context, language)
    return EmailMessage(subject, body, to=[email], headers={"Auto-Submitted": "auto-generated"})


def alert_context(alert, language):
    locale = locale_for(language)
    if alert.kind == AlertKind.EDITION:
        edition = alert.edition
        document = localize(edition.document, locale).specific
        return {
            "edition": edition,
            "document": document,
            "url": document.get_full_url()
            + document.reverse_subpage("edition", args=[edition.slug]).lstrip("/"),
            "same_language": edition.language == language,
        }
    page = localize(alert.page, locale).specific
    return {"page": page, "url": page.get_full_url(), "region": page.region}


def alert_mail(mail):
    """The EmailMessage for an outbox row, or None when what it tells of is gone."""
    alert, subscription = mail.alert, mail.subscription
    if (alert.kind == AlertKind.EDITION and alert.edition is None) or (
        alert.kind != AlertKind.EDITION and alert.page is None
    ):
        return None
    language = subscription.language
    with translation.override(language):
        unsubscribe = site_url(reverse("alerts:unsubscribe", args=[subscription.token]))
        topic = Topic(document=subscription.document, region=subscription.region)
        context = {
            **alert_context(alert, language),
            "topic": topic.label(locale_for(language)),
            "unsubscribe": unsubscribe,
        }
    subject, body = render_mail(alert.kind, context, language)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }
    return EmailMessage(subject, body, to=[subscription.email], headers=headers)
