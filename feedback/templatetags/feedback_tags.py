from django import template

from casebook.models import CasePage, MeetingPage
from core.guarded_forms import stamp
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage, RegionalAdaptationPage

from ..forms import FeedbackForm

register = template.Library()

#: The pages readers use the guidance from: documents (with their recommendation,
#: edition and print pages), sections, regional adaptations, cases and meetings.
PAGE_TYPES = (
    GuidanceDocumentPage,
    GuidanceSectionPage,
    RegionalAdaptationPage,
    CasePage,
    MeetingPage,
)


@register.inclusion_tag("feedback/_widget.html", takes_context=True)
def page_feedback(context):
    """ "Var siden nyttig?" under the page's content, on the page types above."""
    page, request = context.get("page"), context.get("request")
    # Pages of the apps above the guidance say so themselves (the accessibility
    # statement, whose written feedback channel this is).
    asks = isinstance(page, PAGE_TYPES) or getattr(page, "asks_for_feedback", False)
    if not asks or request is None:
        return {"show": False}
    return {
        "show": True,
        "page": page,
        "path": request.path,
        "stamp": stamp(),
        "helpful": FeedbackForm.base_fields["helpful"],
    }
