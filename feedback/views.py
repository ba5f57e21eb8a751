"""Receiving feedback: the answer (Ja/Nej), then an optional comment. Both work as
plain form posts, answered with a page, and from JavaScript, answered with the
HTML to put in the form's place."""

from django.conf import settings
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core import ratelimit

from .forms import CommentForm, FeedbackForm, answer_id, answer_token
from .models import PageFeedback

PER_MINUTE = 10  # answers and comments from one client


def allowed(request):
    limit = getattr(settings, "FEEDBACK_PER_MINUTE", PER_MINUTE)
    return ratelimit.allow(request, "feedback", limit)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def respond(request, template, context, status=200):
    if wants_json(request):
        html = render_to_string(template, {**context, "inline": True}, request=request)
        return JsonResponse({"html": html}, status=status)
    return TemplateResponse(request, template, context, status=status)


def too_many(request):
    message = _("Vi har fået mange svar fra dig på kort tid. Prøv igen om et minut.")
    return respond(request, "feedback/refused.html", {"message": message}, status=429)


@csrf_exempt  # see forms.py: a signed stamp, a honeypot and a rate limit instead
@require_POST
def answer(request):
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        errors = [error for errors in form.errors.values() for error in errors]
        return respond(request, "feedback/refused.html", {"message": " ".join(errors)}, 400)
    back = form.cleaned_data["path"]
    if form.is_robot:  # thanked like anyone, stored nowhere
        return respond(request, "feedback/thanks.html", {"back": back, "comment_form": None})
    if not allowed(request):
        return too_many(request)
    feedback = PageFeedback.objects.create(
        page=form.cleaned_data["page"],
        path=back,
        helpful=form.cleaned_data["helpful"],
        created_at=timezone.now().replace(second=0, microsecond=0),
    )
    context = {"back": back, "comment_form": CommentForm(), "token": answer_token(feedback)}
    return respond(request, "feedback/thanks.html", context)


@csrf_exempt
@require_POST
def comment(request, token):
    feedback_id = answer_id(token)
    feedback = PageFeedback.objects.filter(pk=feedback_id).first() if feedback_id else None
    if feedback is None:
        message = _("Kommentaren kunne ikke knyttes til dit svar. Svar igen fra siden.")
        return respond(request, "feedback/refused.html", {"message": message}, status=400)
    form = CommentForm(request.POST)
    back = feedback.path
    if not form.is_valid():
        context = {"back": back, "comment_form": form, "token": token}
        return respond(request, "feedback/thanks.html", context, status=400)
    if form.cleaned_data["website"]:
        return respond(request, "feedback/commented.html", {"back": back})
    if not allowed(request):
        return too_many(request)
    # One comment per answer: a second post (a reload) changes nothing.
    PageFeedback.objects.filter(pk=feedback.pk, comment="").update(
        comment=form.cleaned_data["comment"].strip()
    )
    return respond(request, "feedback/commented.html", {"back": back})
