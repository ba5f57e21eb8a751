"""Files kept in the S3 bucket reach readers through the site, as on the disk."""

import boto3
import pytest
from django.core.files.base import ContentFile
from moto import mock_aws
from wagtail.documents.models import Document

pytestmark = pytest.mark.django_db

BUCKET = "vejledning-test"
S3_STORAGE = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {"bucket_name": BUCKET, "region_name": "us-east-1", "default_acl": None},
}


@pytest.fixture
def bucket(settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        settings.STORAGES = {**settings.STORAGES, "default": S3_STORAGE}
        yield boto3.client("s3", region_name="us-east-1")


def test_a_document_in_the_bucket_is_streamed_not_redirected(bucket, client):
    document = Document.objects.create(title="Bilag")
    document.file.save("bilag.txt", ContentFile(b"Indhold i spanden\n"))
    stored = bucket.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert [item["Key"] for item in stored] == [document.file.name]  # in the bucket, not on disk

    response = client.get(document.url)

    assert response.status_code == 200  # not a redirect to the private bucket
    assert b"".join(response.streaming_content) == b"Indhold i spanden\n"


def test_on_one_machine_image_files_are_served_from_the_disk_and_documents_are_not(
    client, settings
):
    for folder in ("images", "original_images", "documents"):
        (settings.MEDIA_ROOT / folder).mkdir(exist_ok=True)
        (settings.MEDIA_ROOT / folder / "fil.txt").write_bytes(folder.encode())
    assert not settings.DEBUG

    response = client.get("/media/images/fil.txt")
    assert b"".join(response.streaming_content) == b"images"  # the admin's thumbnails
    assert client.get("/media/original_images/fil.txt").status_code == 200
    # A document only through /documents/, which checks its collection's privacy.
    assert client.get("/media/documents/fil.txt").status_code == 404
    climbing = client.get("/media/images/%2e%2e/documents/fil.txt")
    assert climbing.status_code in (400, 404)  # refused, as a suspicious path or not found


def test_with_a_bucket_image_addresses_are_not_answered_from_the_disk(bucket, client, settings):
    (settings.MEDIA_ROOT / "images").mkdir(exist_ok=True)
    (settings.MEDIA_ROOT / "images" / "gammel.txt").write_bytes(b"left on disk")
    assert client.get("/media/images/gammel.txt").status_code == 404
