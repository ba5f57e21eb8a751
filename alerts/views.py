"""Subscribing, confirming and unsubscribing, with no login and no cookie.

The confirmation and unsubscribe links carry their own secret (a signed,
expiring token; the subscription's random token), so their forms need no CSRF
token; a GET only shows a button, because mail scanners open links."""

import smtplib

from django.core import signing
from django.db import IntegrityError, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core import ratelimit
from core.guarded_forms import stamp
from core.i18n import active_locale

from .forms import SubscribeForm
from .mails import confirmation, read_confirm_token
from .models import Subscription
from .topics import topic_for, topic_of

PER_CLIENT_HOUR = 10  # subscription requests from one client
PER_ADDRESS_HOUR = 3  # confirmation mails to one address: no mail bombing through us


def render(request, template, context=None, status=200):
    return TemplateResponse(request, f"alerts/{template}.html", context or {}, status=status)


@csrf_exempt  # core/guarded_forms.py: a signed stamp, a honeypot and rate limits instead
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    locale = active_locale()
    if request.method != "POST":
        chosen = topic_for(request.GET.get("emne"))
        form = SubscribeForm(initial={"topic": chosen.value if chosen else None}, locale=locale)
        return render(request, "subscribe", {"form": form, "stamp": stamp()})
    form = SubscribeForm(request.POST, locale=locale)
    if not form.is_valid():
        return render(request, "subscribe", {"form": form, "stamp": stamp()}, status=400)
    email, topic = form.cleaned_data["email"], form.cleaned_data["topic"]
    context = {"email": email, "topic": topic.label(locale)}
    if form.is_robot:
        return render(request, "check_inbox", context)
    if not ratelimit.allow(request, "alerts", PER_CLIENT_HOUR, window=3600) or not (
        ratelimit.allow_key("alerts-address", ratelimit.keyed_hash(email), PER_ADDRESS_HOUR, 3600)
    ):
        message = _("Vi har fået mange tilmeldinger herfra på kort tid. Prøv igen om en time.")
        return render(
            request, "subscribe", {"form": form, "stamp": stamp(), "refused": message}, status=429
        )
    try:
        confirmation(email, topic, get_language()).send()
    except (OSError, smtplib.SMTPException):
        message = _("Vi kunne ikke sende mailen lige nu. Prøv igen om lidt.")
        return render(
            request, "subscribe", {"form": form, "stamp": stamp(), "refused": message}, status=503
        )
    return render(request, "check_inbox", context)


def expired():
    return _("Linket er for gammelt. Tilmeld dig igen, så får du et nyt.")


@never_cache
@csrf_exempt  # the signed token in the address is the proof
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        data = read_confirm_token(token)
    except signing.SignatureExpired:
        return render(request, "invalid", {"message": expired()}, status=400)
    email, value, language = data or (None, None, None)
    topic = topic_for(value)
    if not email or topic is None:
        message = _("Linket virker ikke. Tilmeld dig igen, så får du et nyt.")
        return render(request, "invalid", {"message": message}, status=400)
    locale = active_locale()
    context = {"email": email, "topic": topic.label(locale)}
    if request.method != "POST":
        return render(request, "confirm", context)
    subscription = topic.subscriptions().filter(email=email).first()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(
                    email=email,
                    document=topic.document,
                    region=topic.region,
                    language=language or get_language(),
                    confirmed_at=timezone.now(),
                )
        except IntegrityError:  # confirmed twice at once
            subscription = topic.subscriptions().get(email=email)
    return render(request, "confirmed", {**context, "subscription": subscription})


@never_cache
@csrf_exempt  # the subscription's secret token in the address is the proof
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscription = Subscription.objects.filter(token=token).first()
    if request.method == "POST":
        # Also the mail program's one-click POST (RFC 8058): always a plain 200.
        if subscription is not None:
            subscription.delete()
        return render(request, "unsubscribed")
    if subscription is None:
        message = _("Abonnementet findes ikke. Måske har du allerede afmeldt det.")
        return render(request, "invalid", {"message": message}, status=404)
    topic = topic_of(subscription).label(active_locale())
    return render(request, "unsubscribe", {"topic": topic, "email": subscription.email})
