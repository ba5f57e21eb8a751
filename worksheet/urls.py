"""The worksheet's addresses, under a document's (or a region's version of it):
…/udfyld/ the form, …/udfyld/tom/ and …/udfyld/eksempel/ the blank sketch and
the invented example (with .pdf and .docx beside them)."""

from django.urls import re_path

from . import views

app_name = "worksheet"
PAGE = r"^(?P<page_path>(?:[\w-]+/)+)udfyld/"
urlpatterns = [
    re_path(PAGE + r"$", views.worksheet, name="worksheet"),
    re_path(
        PAGE + r"(?P<variant>tom|eksempel)(?P<suffix>/|\.pdf|\.docx)$",
        views.sample,
        name="sample",
    ),
]
