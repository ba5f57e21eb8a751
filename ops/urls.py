from django.urls import path, re_path

from . import media, probes

urlpatterns = [
    path("healthz", probes.healthz, name="healthz"),
    path("readyz", probes.readyz, name="readyz"),
    re_path(
        rf"^media/(?P<folder>{'|'.join(media.IMAGE_FOLDERS)})/(?P<path>.+)$",
        media.image_file,
        name="image_file",
    ),
]
