"""Wagtail's image files from the disk, for a single machine without a bucket.

The admin shows uploaded images by their file address (/media/images/… for
renditions, /media/original_images/… for the uploads); without DEBUG nothing else
serves /media/. Only these two folders: documents and edition PDFs stay reachable
only through the views that check who may see them. With a bucket the image
addresses point at the bucket, and this answers 404.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import Http404
from django.views.static import serve

IMAGE_FOLDERS = ("images", "original_images")


def image_file(request, folder, path):
    if not isinstance(storages["default"], FileSystemStorage):
        raise Http404
    # The folder is the root, so a path with ../ cannot climb into documents/.
    return serve(request, path, document_root=Path(settings.MEDIA_ROOT) / folder)
