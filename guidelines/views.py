from django.shortcuts import redirect

from .codes import code_slug


def recommendation_dotted_code(request, document_path, code):
    """/…/anbefaling/3.2/ -> /…/anbefaling/3-2/: codes are cited with dots, but
    Wagtail's page paths allow none, so the dotted form redirects permanently.
    The request's own path is kept up to the code, with its language prefix (/en/)."""
    base = request.path[: -len(f"{code}/")]
    return redirect(f"{base}{code_slug(code)}/", permanent=True)
