"""A region's stance on each national recommendation in a section it replaces.

When a region replaces a section's national text, the recommendations in it
would silently disappear for its readers. So, as GRADE's adolopment asks, the
region states for each of them whether it keeps it as it is, adapts it (in its
own wording) or does not adopt it (and why). Stances name recommendations by
their stable code, so a newer national edition that changes a recommendation
flags exactly the stances on it (adaptations/review.py).

The rules here are plain functions over objects with the stance's attributes,
so the editor's form, the content format and the model's own clean() share them.
Which recommendations need a stance depends on the national text, which can
change after an adaptation was approved; the model's clean() therefore checks
only the stances themselves, and completeness is checked where an editor or a
file states them (the form, the import), not when an approved revision is
published.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

#: The local wording of a recommendation: as a recommendation's statement.
STANCE_TEXT_FEATURES = ["bold", "italic", "ul", "link"]


class Stance(models.TextChoices):
    KEPT = "kept", _("Beholdt")
    ADAPTED = "adapted", _("Tilpasset")
    EXCLUDED = "excluded", _("Ikke vedtaget")


def stance_problems(stance):
    """What is wrong with one stance on its own: (field, message) pairs.

    Text that readers would not see is refused rather than kept out of sight."""
    has_text = bool(strip_tags(stance.text or "").strip())
    has_reason = bool((stance.reason or "").strip())
    problems = []
    if stance.stance == Stance.KEPT and (has_text or has_reason):
        problems.append(
            (
                "stance",
                _(
                    "En anbefaling, der beholdes, vises med den nationale ordlyd: "
                    "vælg “tilpasset” eller “ikke vedtaget”, eller fjern den lokale "
                    "tekst og begrundelsen."
                ),
            )
        )
    if stance.stance == Stance.ADAPTED and not has_text:
        problems.append(("text", _("Skriv regionens formulering af anbefalingen.")))
    if stance.stance == Stance.EXCLUDED:
        if not has_reason:
            problems.append(("reason", _("Skriv, hvorfor regionen ikke vedtager anbefalingen.")))
        if has_text:
            problems.append(
                (
                    "text",
                    _(
                        "En anbefaling, der ikke vedtages, har ingen lokal formulering: "
                        "vælg “tilpasset”, eller fjern teksten."
                    ),
                )
            )
    return problems


def duplicate_problems(codes):
    """(position, message) for each code that is stated a second time."""
    seen, problems = set(), []
    for position, code in enumerate(codes):
        if code in seen:
            problems.append(
                (position, _("Anbefaling %s har allerede en holdning længere oppe.") % code)
            )
        seen.add(code)
    return problems


def replaced_recommendations(document, replaced_slugs):
    """Code -> (section, recommendation value) for the recommendations in the
    document's sections named by `replaced_slugs`, in reading order."""
    wanted = set(replaced_slugs)
    found = {}
    if document is None or not wanted:
        return found
    for section in document.all_sections():
        if section.slug in wanted:
            for recommendation in section.recommendations:
                found[recommendation["code"]] = (section, recommendation)
    return found


def coverage_problems(document, replaced_slugs, codes):
    """Every national recommendation in a replaced section has a stance, and a
    stance names one of them: (position or None, message) pairs, position
    being the stance's index in `codes`."""
    required = replaced_recommendations(document, replaced_slugs)
    problems = []
    for position, code in enumerate(codes):
        if code not in required:
            problems.append(
                (
                    position,
                    _(
                        "Anbefaling %s står ikke i et afsnit, regionen erstatter: "
                        "fjern holdningen, eller erstat afsnittet."
                    )
                    % code,
                )
            )
    stated = set(codes)
    for code, (section, _recommendation) in required.items():
        if code not in stated:
            problems.append(
                (
                    None,
                    _(
                        "Regionen erstatter afsnittet “%(section)s”: angiv for anbefaling "
                        "%(code)s, om den beholdes, tilpasses eller ikke vedtages."
                    )
                    % {"section": section.numbered_title, "code": code},
                )
            )
    return problems


@dataclass
class StanceRow:
    """A national recommendation in a replaced section, as editors and readers see it."""

    recommendation: dict  # the recommendation block's value: code, title, strength, statement
    stance: "RecommendationStance | None"  # None while the region has stated none
    change: object = None  # the newer edition's change that flags the stance for review

    @property
    def code(self):
        return self.recommendation["code"]


class RecommendationStance(Orderable):
    page = ParentalKey(
        "guidelines.RegionalAdaptationPage",
        on_delete=models.CASCADE,
        related_name="recommendation_stances",
    )
    code = models.CharField(
        _("anbefaling"),
        max_length=20,
        help_text=_("En national anbefaling i et afsnit, regionen erstatter."),
    )
    stance = models.CharField(_("holdning"), max_length=20, choices=Stance.choices)
    text = RichTextField(
        _("lokal formulering"),
        blank=True,
        features=STANCE_TEXT_FEATURES,
        help_text=_("Regionens ordlyd, når anbefalingen tilpasses."),
    )
    reason = models.TextField(
        _("begrundelse"),
        blank=True,
        help_text=_(
            "Skal udfyldes, når anbefalingen ikke vedtages; kan udfyldes, når den tilpasses."
        ),
    )

    panels = [FieldPanel("code"), FieldPanel("stance"), FieldPanel("text"), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("holdning til anbefaling")
        verbose_name_plural = _("holdninger til anbefalinger")

    def __str__(self):
        return f"{self.code} ({self.get_stance_display()})"

    def clean(self):
        super().clean()
        errors = {}
        for field, message in stance_problems(self):
            errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)
