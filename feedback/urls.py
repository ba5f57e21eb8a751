from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("tilbagemelding/", views.answer, name="answer"),
    path("tilbagemelding/<str:token>/", views.comment, name="comment"),
]
