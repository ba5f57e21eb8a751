from django import template

from casebook.models import CasePage, MeetingPage
from guidelines.models import GuidanceDocumentPage, GuidanceSectionPage, RegionalAdaptationPage

from ..forms import FeedbackForm, stamp

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
    if not isinstance(page, PAGE_TYPES) or request is None:
        return {"show": False}
    return {
        "show": True,
        "page": page,
        "path": request.path,
        "stamp": stamp(),
        "helpful": FeedbackForm.base_fields["helpful"],
    }
