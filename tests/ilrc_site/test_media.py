import pytest

from tests.factories import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


def test_image_renditions_are_served_with_a_days_cache(client):
    rendition = ImageFactory().get_rendition("fill-80x60")

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert "max-age=86400" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_document_files_are_only_served_through_the_document_view(client):
    document = DocumentFactory()

    assert client.get(document.file.url).status_code == 404
    assert client.get(document.url).status_code == 200


def test_paths_outside_the_media_folder_are_refused(client):
    response = client.get("/media/images/../../../etc/passwd")

    assert response.status_code in (400, 404)
    assert b"root:" not in response.content
