"""The worksheet: fill in the sketch, take the plan away; the server keeps nothing.

GET shows the form. POST re-shows it (a row added, contacts filled in for the
chosen municipality) or answers with the plan at once: a print view, a PDF or a
Word file. The posted text lives only in this request: no model, no session, no
file, no cache entry; the views are exempt from CSRF so that no reader is given
a cookie (a cross-site post could only make a file for its own sender, and the
Origin check refuses it anyway), their POST data is hidden from error reports,
and no response may be stored by any cache.
"""

import weasyprint
from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_safe

from core import ratelimit
from guidelines.views import same_origin

from .division import division_of_work
from .forms import WorksheetForm
from .places import municipalities_for, place
from .plan import blank_plan, example_plan, filled_plan
from .prefill import fill_contacts, initial_for
from .sketch import MAX_ROWS
from .texts import file_name, plan_notice
from .word import plan_docx

OUTPUTS = ("udskriv", "pdf", "docx")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def private(response):
    """No cache anywhere keeps this response (it holds what the reader typed)."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private, max-age=0"
    return response


@csrf_exempt
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def worksheet(request, page_path):
    sketch = place(request, page_path)
    municipalities = municipalities_for(sketch)
    division = division_of_work(sketch.document.locale, sketch.region, request)
    if request.method != "POST":
        initial, rows = initial_for(sketch, division)
        form = WorksheetForm(sketch, municipalities, initial=initial, rows=rows)
        return page(request, form, division)
    if not same_origin(request):
        return HttpResponseForbidden(_("Skemaet skal sendes fra platformens egen side."))
    return answer(request, sketch, municipalities, division)


@sensitive_variables()
def answer(request, sketch, municipalities, division):
    data = request.POST.copy()
    action = data.get("handling", "")
    rows, notice = {}, ""
    if action.startswith("tilfoej-"):
        number = action.removeprefix("tilfoej-")
        part = next((p for p in sketch.parts if str(p.number) == number and p.is_list), None)
        if part is not None:
            count = WorksheetForm(sketch, municipalities, data).rows[part.number]
            if count >= MAX_ROWS:
                notice = _("Der kan højst være %(limit)s rækker i en del.") % {"limit": MAX_ROWS}
            rows[part.number] = max(count, min(count + 1, MAX_ROWS))
            data[f"{part.prefix}-raekker"] = str(rows[part.number])
    form = WorksheetForm(sketch, municipalities, data, rows=rows)
    valid = form.is_valid()
    if action == "kommune" and valid:
        municipality = form.chosen_municipality
        if municipality is None:
            form.add_error("municipality", _("Vælg en kommune på listen."))
            valid = False
        else:
            filled = fill_contacts(data, form, municipality, request)
            form = WorksheetForm(sketch, municipalities, data)
            form.is_valid()
            notice = _("Kontakterne i %(municipality)s er sat ind i %(count)s felter.") % {
                "municipality": municipality.name,
                "count": filled,
            }
    if action == "pdf" and valid and not pdf_allowed(request):
        # A PDF takes the server up to a few seconds: a client that asks for very many
        # gets the form back (with all it typed) and a word on why.
        form.add_error(None, _("Du har hentet mange PDF-filer på kort tid. Vent lidt."))
        return page(request, form, division, status=429)
    if action in OUTPUTS and valid:
        plan = filled_plan(form)
        if action == "pdf":
            return pdf_response(request, plan)
        if action == "docx":
            return docx_response(plan)
        return print_view(request, plan, form=form)
    status = 400 if not valid else 200
    return page(request, form, division, notice=notice, status=status)


def pdf_allowed(request):
    """At most WORKSHEET_PDFS_PER_HOUR an hour per client (60), a sixth of them (at
    least 10) in a minute."""
    limit = getattr(settings, "WORKSHEET_PDFS_PER_HOUR", 60)
    per_minute = max(min(limit, 10), limit // 6)
    return ratelimit.allow(
        request, "worksheet-pdf-minute", per_minute, window=60
    ) and ratelimit.allow(request, "worksheet-pdf", limit, window=3600)


def page(request, form, division, notice="", status=200):
    sketch = form.sketch
    response = TemplateResponse(
        request,
        "worksheet/worksheet.html",
        {
            "form": form,
            "sketch": sketch,
            "division": division,
            "notice": notice,
            "page_title": _("Udfyld: %(title)s") % {"title": sketch.title},
            "max_rows": MAX_ROWS,
            "region": sketch.region,
        },
        status=status,
    )
    if request.method == "POST":
        return private(response)
    # The form depends on pages elsewhere (the matrix, the region's directory): not kept
    # in the page cache, which is purged by the pages' own addresses.
    patch_cache_control(response, public=True, max_age=0)
    return response


def _print_context(request, plan):
    return {"plan": plan, "notice": plan_notice(plan), "page_title": plan.title}


def print_view(request, plan, form=None):
    context = _print_context(request, plan)
    context["form"] = form
    response = TemplateResponse(request, "worksheet/plan_print.html", context)
    return private(response) if form is not None else response


def pdf_bytes(request, plan):
    html = render_to_string("worksheet/plan_pdf.html", _print_context(request, plan))
    return weasyprint.HTML(string=html, base_url=settings.STATIC_ROOT or None).write_pdf()


def attachment(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def pdf_response(request, plan):
    response = attachment(pdf_bytes(request, plan), "application/pdf", file_name(plan, "pdf"))
    return private(response) if plan.kind == "filled" else response


def docx_response(plan):
    response = attachment(plan_docx(plan), DOCX_TYPE, file_name(plan, "docx"))
    return private(response) if plan.kind == "filled" else response


@require_safe
def sample(request, page_path, variant, suffix):
    """The blank sketch or the invented example: print view, PDF or Word."""
    sketch = place(request, page_path)
    plan = blank_plan(sketch) if variant == "tom" else example_plan(sketch)
    if suffix == ".pdf":
        return pdf_response(request, plan)
    if suffix == ".docx":
        return docx_response(plan)
    return print_view(request, plan)
