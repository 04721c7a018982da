"""Media on S3-compatible storage (MEDIA_STORAGE=s3), against moto's S3 server: the
settings as production reads them from the environment, a real bucket policy, and
anonymous reads over HTTP as a visitor's browser makes them."""

import io
import urllib.error
import urllib.request

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from base.models import SiteImage
from ilrc_site.settings.base import s3_media_storage
from tests.factories import PDF_BYTES

pytestmark = pytest.mark.django_db

BUCKET = "ilrc-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_media(s3_endpoint, settings, monkeypatch):
    """The site's media in a new bucket of moto's server, configured as production is."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    storage, media_url = s3_media_storage()
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.MEDIA_URL = media_url
    call_command("prepare_media_bucket", stdout=io.StringIO())
    yield default_storage
    client = default_storage.connection.meta.client
    for key in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=key["Key"])


def anonymous_get(url):
    """What anyone on the internet gets at that address: (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (moto, loopback)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def bucket_keys(prefix):
    client = default_storage.connection.meta.client
    listing = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def upload(admin_client, url_name, **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    name, data, content_type = fields.pop("file")
    response = admin_client.post(
        reverse(url_name),
        {**fields, "file": SimpleUploadedFile(name, data, content_type)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_uploaded_images_renditions_are_public_and_made_once(
    s3_media, admin_client, s3_endpoint
):
    upload(
        admin_client,
        "wagtailimages:add",
        title="Know your rights",
        description="People at a know-your-rights workshop",
        collection=Collection.get_first_root_node().pk,
        file=("workshop.png", png_bytes(), "image/png"),
    )
    image = SiteImage.objects.get(title="Know your rights")

    rendition = image.get_rendition("fill-200x100")

    assert rendition.url.startswith(f"{s3_endpoint}/{BUCKET}/images/")
    status, headers, body = anonymous_get(rendition.url)
    assert status == 200
    assert PILImage.open(io.BytesIO(body)).size == (200, 100)
    assert "immutable" in headers["Cache-Control"]
    # The original is only for the servers, which make renditions from it.
    assert anonymous_get(f"{s3_endpoint}/{BUCKET}/{image.file.name}")[0] == 403

    # Another server (a fresh copy of the image, nothing cached) finds the same file.
    again = SiteImage.objects.get(pk=image.pk).get_rendition("fill-200x100")
    assert again.file.name == rendition.file.name
    assert bucket_keys("images/") == [rendition.file.name]
    assert image.renditions.count() == 1


def test_documents_are_read_through_the_site_only(s3_media, admin_client, client, s3_endpoint):
    upload(
        admin_client,
        "wagtaildocs:add",
        title="Practice advisory",
        collection=Collection.get_first_root_node().pk,
        file=("advisory.pdf", PDF_BYTES, "application/pdf"),
    )
    document = get_document_model().objects.get(title="Practice advisory")
    assert bucket_keys("documents/") == [document.file.name]

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert anonymous_get(f"{s3_endpoint}/{BUCKET}/{document.file.name}")[0] == 403


def test_a_restricted_document_is_never_public(s3_media, admin_client, client, s3_endpoint):
    staff_only = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=staff_only, restriction_type=CollectionViewRestriction.LOGIN
    )
    upload(
        admin_client,
        "wagtaildocs:add",
        title="Internal memo",
        collection=staff_only.pk,
        file=("memo.pdf", PDF_BYTES, "application/pdf"),
    )
    document = get_document_model().objects.get(title="Internal memo")

    # A visitor is sent to sign in; the bucket refuses everyone, whatever the address.
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "/admin/login/" in response["Location"]
    assert anonymous_get(f"{s3_endpoint}/{BUCKET}/{document.file.name}")[0] == 403
    assert anonymous_get(document.file.url)[0] == 403

    signed_in = admin_client.get(document.url)
    assert signed_in.status_code == 200
    assert b"".join(signed_in.streaming_content) == PDF_BYTES


@pytest.mark.parametrize(
    ("environment", "media_url"),
    [
        ({"AWS_S3_ENDPOINT_URL": "http://minio:9000"}, f"http://minio:9000/{BUCKET}/"),
        ({"AWS_S3_REGION_NAME": "us-west-2"}, f"https://{BUCKET}.s3.us-west-2.amazonaws.com/"),
        (
            {
                "AWS_S3_ENDPOINT_URL": "http://minio:9000",
                "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
            },
            "https://media.example.org/",
        ),
    ],
)
def test_the_public_address_of_media_follows_the_settings(environment, media_url, monkeypatch):
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", BUCKET)
    for name in ("AWS_S3_ENDPOINT_URL", "AWS_S3_REGION_NAME", "AWS_S3_CUSTOM_DOMAIN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    storage, url = s3_media_storage()

    assert url == media_url
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert storage["OPTIONS"]["file_overwrite"] is False


def test_s3_without_a_bucket_is_refused_at_start(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)

    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        s3_media_storage()
