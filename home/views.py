"""/was: the short address the web accessibility law asks every site to have, leading
to its accessibility statement (in WAS-Tool when the statement names it)."""

from django.http import Http404
from django.shortcuts import redirect

from core.i18n import default_locale

from .models import AccessibilityStatementPage


def was(request):
    statement = (
        AccessibilityStatementPage.objects.live().public().filter(locale=default_locale()).first()
    )
    if statement is None:
        raise Http404("Sitet har ingen tilgængelighedserklæring endnu.")
    return redirect(statement.was_url or statement.get_url(request))
