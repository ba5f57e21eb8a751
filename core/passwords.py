"""The password forms of private pages and document collections, with a limit on tries.

Wagtail's own views check the password; these count the client's tries first
(core.ratelimit: a keyed hash of the address in the cache, never the address), so a
page's password cannot be guessed at the speed of HTTP. Past the limit the form comes
back with a Danish error and 429 Too Many Requests, and the password is not checked.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from . import ratelimit

TRIES_PER_HOUR = 10  # posts of a password form from one client


def may_try(request):
    """Count a post of a password form; False past the client's tries this hour."""
    if request.method != "POST":
        return True
    limit = getattr(settings, "PASSWORD_TRIES_PER_HOUR", TRIES_PER_HOUR)
    return ratelimit.allow(request, "page-password", limit, window=3600)


def refused_form(request, restriction):
    """The form again, unchecked, saying why (shown by password_required.html)."""
    return_url = request.POST.get("return_url", "")
    form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": return_url})
    form.refused = _(
        "For mange forsøg med en adgangskode fra din forbindelse. Prøv igen om en time."
    )
    return form


def page_password(request, page_view_restriction_id, page_id):
    if may_try(request):
        return page_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(
        request, refused_form(request, restriction), action_url
    )
    response.status_code = 429
    return response


def document_password(request, restriction_id):
    if may_try(request):
        return document_views.authenticate_with_password(request, restriction_id)
    restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
    context = {
        "form": refused_form(request, restriction),
        "action_url": reverse("wagtaildocs_authenticate_with_password", args=[restriction.id]),
    }
    template = getattr(
        settings, "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE", "wagtaildocs/password_required.html"
    )
    return TemplateResponse(request, template, context, status=429)
