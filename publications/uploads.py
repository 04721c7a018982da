"""The admin's document form: the content must be what the file name says, and the
editor marks whether the document is accessible (base.document_forms).

Wagtail checks a document's extension against WAGTAILDOCS_EXTENSIONS; a web page
or a program renamed to `guide.pdf` would still pass that. Here the first bytes
(and for office files, the archive's table of contents) must match the
extension, so that what the library serves is what it claims to be.
"""

import os
import zipfile

from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError
from wagtail.documents.forms import BaseDocumentForm

from base.document_forms import DocumentAccessibilityFormMixin

# Office Open XML files are ZIP archives with this entry; OpenDocument ones name
# their type in a `mimetype` entry.
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


def _is_ooxml(upload, part):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    return "[Content_Types].xml" in names and any(name.startswith(part) for name in names)


def _is_odt(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.read("mimetype").strip() == ODT_MIMETYPE
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _is_image(upload, expected_format):
    try:
        with Image.open(upload) as image:
            return image.format == expected_format
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return False


def _is_plain_text(upload):
    # Text has no NUL bytes; the first megabyte is enough to tell.
    return b"\0" not in upload.read(1024 * 1024)


def content_matches_extension(upload):
    """Whether the uploaded file's content is of the kind its extension names."""
    extension = os.path.splitext(upload.name)[1][1:].lower()
    upload.seek(0)
    try:
        if extension == "pdf":
            return upload.read(1024).lstrip().startswith(b"%PDF-")
        if extension in OOXML_PARTS:
            return _is_ooxml(upload, OOXML_PARTS[extension])
        if extension == "odt":
            return _is_odt(upload)
        if extension in IMAGE_FORMATS:
            return _is_image(upload, IMAGE_FORMATS[extension])
        if extension == "txt":
            return _is_plain_text(upload)
        return False
    finally:
        upload.seek(0)


class DocumentForm(DocumentAccessibilityFormMixin, BaseDocumentForm):
    """Wagtail's document form, refusing files whose content belies their extension,
    with the document's accessibility."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Only a new upload has a name with an extension to check (Wagtail's model
        # validation reports a disallowed extension itself).
        if upload and "file" in self.changed_data and not content_matches_extension(upload):
            extension = os.path.splitext(upload.name)[1][1:].upper() or "no extension"
            raise ValidationError(
                f"This file's content is not a {extension} file. Upload the document "
                "itself, saved in one of the allowed formats.",
                code="content_mismatch",
            )
        return upload
