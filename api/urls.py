"""The embeds' addresses (api/views.py), outside the language prefixes: the language
is chosen with ?lang=, as in the read API. site/urls.py includes them under /embed/."""

from django.urls import path

from . import views

app_name = "embed"
urlpatterns = [
    path("<slug:document>/anbefaling/<slug:code>/", views.recommendation, name="recommendation"),
    path("<slug:document>/<slug:section>/", views.section, name="section"),
]
