"""Words the three outputs share."""

from django.utils.translation import gettext as _


def plan_notice(plan):
    """The line under the title that says what this paper is."""
    if plan.kind == "blank":
        return _("Tom grundskitse til at udfylde i hånden. Planen skrives sammen med borgeren.")
    if plan.kind == "example":
        return _(
            "Demoindhold: et opdigtet eksempel. Borger, enheder og telefonnumre er "
            "opfundet og må ikke bruges i praksis."
        )
    return _(
        "Udfyldt i browseren ud fra grundskitsen. Platformen har ikke gemt noget af "
        "indholdet: denne fil er det eneste eksemplar."
    )


def file_name(plan, suffix):
    base = {"blank": "indsatsplan-tom", "example": "indsatsplan-eksempel"}
    return f"{base.get(plan.kind, 'indsatsplan')}.{suffix}"
