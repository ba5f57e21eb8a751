from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("abonnement/", views.subscribe, name="subscribe"),
    path("abonnement/bekraeft/<str:token>/", views.confirm, name="confirm"),
    path("abonnement/afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
