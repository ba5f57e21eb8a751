"""Guidance addresses outside the page tree, included under each language's prefix."""

from django.urls import path, re_path

from . import views

app_name = "guidelines"
urlpatterns = [
    path("udgaver/feed/", views.SiteEditionsFeed(), name="editions_feed"),
    path("aendringer/", views.changes, name="changes"),
    path("aendringer/feed/", views.ChangesFeed(), name="changes_feed"),
    # /<document>/anbefaling/3.2/: the dotted form of a code, redirected to 3-2.
    re_path(
        r"^(?P<document_path>(?:[\w-]+/)+)anbefaling/"
        r"(?P<code>[A-ZÆØÅ]{0,3}\d{1,3}(?:\.\d{1,3}){1,3}[a-z]?)/$",
        views.recommendation_dotted_code,
        name="dotted_code",
    ),
    # The reader's region choice (/regioner/vaelg/): the page, served by Wagtail, with
    # a form that needs no CSRF cookie, so that no anonymous reader gets one.
    re_path(r"^(?P<index_path>(?:[\w-]+/)+)vaelg/$", views.region_choice, name="region_choice"),
]
