"""The search page and autocomplete (/soeg/), included under each language's prefix."""

from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("soeg/", views.search, name="index"),
    path("soeg/forslag/", views.suggest, name="suggest"),
]
