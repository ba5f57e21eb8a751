from django.utils.translation import gettext_lazy as _
from wagtail import blocks

REASONS = [
    ("breach", _("Overholder ikke kravene")),
    ("burden", _("Uforholdsmæssig stor byrde")),
    ("exempt", _("Ikke omfattet af loven")),
]


class KnownIssueBlock(blocks.StructBlock):
    """Content that is not accessible, as the law's statement names it: what, where,
    why (a breach, a disproportionate burden, or outside the law), and what to do."""

    problem = blocks.TextBlock(label=_("hvad der ikke er tilgængeligt"))
    where = blocks.CharBlock(label=_("hvor"), required=False)
    reason = blocks.ChoiceBlock(label=_("hvorfor"), choices=REASONS, default="breach")
    alternative = blocks.TextBlock(label=_("tilgængeligt alternativ"), required=False)
    planned_fix = blocks.CharBlock(label=_("rettes"), required=False)

    class Meta:
        label = _("Kendt mangel")
        icon = "warning"
        template = "home/blocks/known_issue.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["reason"] = dict(REASONS).get(value["reason"], "")
        return context
