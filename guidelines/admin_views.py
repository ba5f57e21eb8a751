"""The admin view where national editors release an edition of a document."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .editions.forms import ReleaseEditionForm
from .editions.release import ReleaseError, release_edition
from .models import GuidanceDocumentPage

RELEASE_PERMISSION = "guidelines.release_edition"


def release_edition_view(request, page_id):
    if not request.user.has_perm(RELEASE_PERMISSION):
        raise PermissionDenied
    document = get_object_or_404(GuidanceDocumentPage, pk=page_id)
    form = ReleaseEditionForm(request.POST or None, document=document)
    if request.method == "POST" and form.is_valid():
        try:
            edition = release_edition(document, user=request.user, **form.cleaned_data)
        except ReleaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Udgaven “%(label)s” er frigivet.") % {"label": edition.label}
            )
            return redirect("wagtailadmin_explore", document.get_parent().pk)
    return TemplateResponse(
        request,
        "guidelines/admin/release_edition.html",
        {
            "document": document,
            "form": form,
            "editions": document.own_editions,
            "has_drafts": document.get_children().filter(has_unpublished_changes=True).exists(),
        },
    )
