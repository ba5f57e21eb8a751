"""Wagtail admin views that answer 500 to an id or parameter they cannot use.

Each fix corrects the one place in Wagtail 8.0 where the parameter is read, so that
every view built on it answers 404 or 400 instead (the choosers of documents, images
and every snippet share the first two). CoreConfig.ready applies them once.
tests/test_admin_bad_parameters.py walks every admin URL with such parameters and
fails if a 500 comes back, including when a Wagtail upgrade makes a fix stale.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from wagtail.admin.forms.choosers import URLOrAbsolutePathValidator
from wagtail.admin.views import chooser as page_chooser
from wagtail.admin.views import workflows
from wagtail.admin.views.generic.chooser import (
    ChosenMultipleViewMixin,
    ChosenViewMixin,
    CreateViewMixin,
)
from wagtail.admin.views.generic.models import RevisionsCompareView
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.contrib.redirects.forms import ConfirmImportManagementForm
from wagtail.models import Page


def valid_pks(model, values):
    """Those of `values` that can be a primary key of `model` ("abc" cannot be an integer)."""
    field = model._meta.pk
    valid = []
    for value in values:
        try:
            valid.append(field.to_python(value))
        except ValidationError:
            continue
    return valid


def chosen_object_404s_for_a_bad_pk(original):
    # generic.chooser.ChosenViewMixin.get_object: `chosen/<str:pk>/` (str, as a snippet's
    # key may be text) went into objects.get(pk=...) unchecked: ValueError for "abc".
    def get_object(self, pk):
        if not valid_pks(self.model_class, [pk]):
            raise ObjectDoesNotExist  # the view answers 404
        return original(self, pk)

    return get_object


def chosen_objects_skip_bad_pks(self, request):
    # generic.chooser.ChosenMultipleViewMixin.get: `?id=abc` went into pk__in (through
    # get_objects, which documents and images override).
    items = self.get_objects(valid_pks(self.model_class, request.GET.getlist("id")))
    return self.get_multiple_chosen_response(items)


def revisions_compare_404s_for_a_bad_pk(original):
    # generic.models.RevisionsCompareView.get_object: the snippets' compare URL takes
    # any text as the key (`history/(?P<pk>.+)/revisions/compare/`): ValueError for "abc".
    def get_object(self, queryset=None):
        if not valid_pks(self.model, [unquote(str(self.pk))]):
            raise Http404
        return original(self, queryset)

    return get_object


def chosen_pages_skip_bad_ids_and_the_root(original):
    # chooser.ChosenMultipleView (pages): `?id=abc` went into pk__in, and the root page
    # (which no chooser offers) has no parent, whose id the answer includes.
    def get(self, request):
        ids = valid_pks(Page, request.GET.getlist("id"))
        ids = Page.objects.filter(pk__in=ids, depth__gt=1).values_list("pk", flat=True)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in ids])
        return original(self, request)

    return get


def link_choosers_drop_a_bad_parent_page_id(original):
    # chooser.shared_context: the link choosers (external, email, phone, anchor) put
    # `?parent_page_id=` into a {% url %} that takes digits only: NoReverseMatch.
    def shared_context(request, extra_context=None):
        context = original(request, extra_context)
        if not str(context.get("parent_page_id") or "").isdigit():
            context["parent_page_id"] = None
        return context

    return shared_context


def chooser_create_404s_without_a_form(original):
    # generic.chooser.CreateViewMixin: a chooser with no creation form (every snippet
    # chooser here) still routes `create/`, and a POST there called None.is_valid().
    def post(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return original(self, request, *args, **kwargs)

    return post


def link_url_may_be_missing(value):
    # forms.choosers.URLOrAbsolutePathValidator.is_absolute_path: a POST without `url`
    # to the external-link chooser called None.startswith().
    return isinstance(value, str) and value.startswith("/")


def redirect_import_needs_its_fields(original):
    # contrib.redirects ConfirmImportManagementForm.clean: a missing hidden field is
    # already a form error, but clean() read it anyway (KeyError). The view answers an
    # invalid form with SuspiciousOperation, 400.
    def clean(self):
        if not {"import_file_name", "input_format"} <= self.cleaned_data.keys():
            return self.cleaned_data
        return original(self)

    return clean


def workflow_pages_paginate_any_page_number(self):
    # workflows.Edit.get_paginated_pages: int(request.GET["p"]) and paginator.page()
    # raised for "abc" or a page past the end; get_page() falls back to a real page.
    pages = Page.objects.filter(workflowpage__workflow=self.get_object())
    pages.paginator = Paginator(pages, self.MAX_PAGES)
    return pages.paginator.get_page(self.request.GET.get("p"))


def api_find_refuses_a_bad_id(original):
    # api.v2 BaseAPIViewSet.find_object (the admin's `api/main/*/find/?id=`): queryset.get
    # with "abc". The API answers BadRequestError with 400.
    def find_object(self, queryset, request):
        if "id" in request.GET and not valid_pks(queryset.model, [request.GET["id"]]):
            raise BadRequestError("id must be an integer")
        return original(self, queryset, request)

    return find_object


_applied = []


def apply():
    if _applied:
        return
    _applied.append(True)
    ChosenViewMixin.get_object = chosen_object_404s_for_a_bad_pk(ChosenViewMixin.get_object)
    ChosenMultipleViewMixin.get = chosen_objects_skip_bad_pks
    CreateViewMixin.post = chooser_create_404s_without_a_form(CreateViewMixin.post)
    RevisionsCompareView.get_object = revisions_compare_404s_for_a_bad_pk(
        RevisionsCompareView.get_object
    )
    URLOrAbsolutePathValidator.is_absolute_path = staticmethod(link_url_may_be_missing)
    ConfirmImportManagementForm.clean = redirect_import_needs_its_fields(
        ConfirmImportManagementForm.clean
    )
    page_chooser.ChosenMultipleView.get = chosen_pages_skip_bad_ids_and_the_root(
        page_chooser.ChosenMultipleView.get
    )
    page_chooser.shared_context = link_choosers_drop_a_bad_parent_page_id(
        page_chooser.shared_context
    )
    workflows.Edit.get_paginated_pages = workflow_pages_paginate_any_page_number
    BaseAPIViewSet.find_object = api_find_refuses_a_bad_id(BaseAPIViewSet.find_object)
