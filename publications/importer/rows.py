"""Checking a row of an export: a Record ready to write, or a RowError saying why not."""

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import get_language_info
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from base.i18n import language_codes

from ..html_cleaning import clean_body, plain_text
from ..models import ResourceType, Topic
from ..models.dated import SUMMARY_MAX_LENGTH
from ..models.publication import LANGUAGES

# ISO first; slashed dates are American (month first), as the old site wrote them.
DATE_FORMATS = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
]
LIST_SEPARATOR = re.compile(r"\s*[|;]\s*")
TEASER_WORDS = 50
# Longer titles give a slug cut at a word, short enough for a readable address.
SLUG_MAX_LENGTH = 100


class RowError(Exception):
    """One row cannot be imported; the message says why, for the person fixing the file."""


@dataclass
class Record:
    """A row that passed every check, ready to be written."""

    line: int
    title: str
    slug: str
    slug_given: bool
    resource_type: ResourceType
    date: datetime.date
    summary: str
    topic_names: list
    body: list
    attachments: list  # of (Path, sha1)
    legacy_path: str
    language: str  # of the attachments
    page_language: str
    translation_of: tuple | None  # ("legacy URL", path) or ("slug", slug) of the original

    @property
    def key(self):
        return ("legacy URL", self.legacy_path) if self.legacy_path else ("slug", self.slug)


class RowParser:
    """Turns a raw row into a Record, or raises RowError saying what is wrong."""

    def __init__(self, files_dir):
        self.files_dir = Path(files_dir)
        self.types = {}
        for resource_type in ResourceType.objects.all():
            self.types[resource_type.slug.lower()] = resource_type
            self.types[resource_type.name.lower()] = resource_type
        self.type_slugs = [t.slug for t in ResourceType.objects.all()]
        # Attachments' languages by code, or by name in any of the site's languages
        # ("Spanish", "español"), whichever language is active.
        self.languages = {}
        for site_language in language_codes():
            with translation.override(site_language):
                for code, name in LANGUAGES:
                    self.languages[code] = code
                    self.languages[str(name).lower()] = code
        # The site's languages (a page's own), by code or by name ("es", "Spanish").
        self.default_page_language = settings.LANGUAGE_CODE
        self.page_languages = {}
        for code, _ in settings.LANGUAGES:
            self.page_languages[code.lower()] = code
            self.page_languages[language_name(code).lower()] = code
        self.document_extensions = {
            ext.lower() for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []
        }
        self.max_document_size = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)

    def parse(self, line, row):
        title = _text(row, "title")
        if not title:
            raise RowError("the title is empty")
        _check_length("title", title, Page._meta.get_field("title").max_length)

        body = clean_body(_text(row, "body", strip=False))
        summary = " ".join(_text(row, "summary").split())
        if not summary:
            # As the old site's teaser did: the body's first words.
            summary = plain_text(body, TEASER_WORDS)
        if not summary:
            raise RowError("the summary is empty and there is no body text to take one from")
        _check_length("summary", summary, SUMMARY_MAX_LENGTH)

        legacy_path = self.legacy_path(_text(row, "legacy_url"))
        slug, slug_given = self.slug(_text(row, "slug"), title, legacy_path)
        page_language = self.page_language(_text(row, "page_language"))
        return Record(
            line=line,
            title=title,
            slug=slug,
            slug_given=slug_given,
            resource_type=self.resource_type(_text(row, "type")),
            date=parse_date(_text(row, "date")),
            summary=summary,
            topic_names=self.topic_names(row.get("topics")),
            body=body,
            attachments=self.attachments(row.get("attachments")),
            legacy_path=legacy_path,
            language=self.language(_text(row, "language")),
            page_language=page_language,
            translation_of=self.translation_of(_text(row, "translation_of"), page_language),
        )

    def resource_type(self, value):
        if not value:
            raise RowError("the type is empty")
        try:
            return self.types[value.lower()]
        except KeyError:
            raise RowError(
                f"unknown type {value!r} (known types: {', '.join(self.type_slugs)})"
            ) from None

    def language(self, value):
        if not value:
            return "en"
        try:
            return self.languages[value.lower()]
        except KeyError:
            known = ", ".join(code for code, _ in LANGUAGES)
            raise RowError(f"unknown language {value!r} (known: {known})") from None

    def page_language(self, value):
        if not value:
            return self.default_page_language
        try:
            return self.page_languages[value.lower()]
        except KeyError:
            known = ", ".join(code for code, _ in settings.LANGUAGES)
            raise RowError(f"unknown page_language {value!r} (the site's: {known})") from None

    def translation_of(self, value, page_language):
        """The original's key, as Record.key gives it: its old address or its slug."""
        if not value:
            return None
        if page_language == self.default_page_language:
            raise RowError(
                f"translation_of {value!r}: this row is in {language_name(page_language)} "
                "(no page_language), and only a page in another language translates one"
            )
        if value.startswith("/") or re.match(r"https?://", value, re.IGNORECASE):
            return ("legacy URL", Redirect.normalise_path(value))
        try:
            validate_slug(value)
        except ValidationError:
            raise RowError(
                f"translation_of {value!r} is neither an old address (/node/36) nor a slug"
            ) from None
        return ("slug", value)

    def topic_names(self, value):
        names = []
        for name in _as_list(value, "topics"):
            _check_length("topic", name, Topic._meta.get_field("name").max_length)
            if name.lower() not in {n.lower() for n in names}:
                names.append(name)
        return names

    def legacy_path(self, value):
        if not value:
            return ""
        if not (value.startswith("/") or re.match(r"https?://", value, re.IGNORECASE)):
            raise RowError(f"legacy_url {value!r} is neither a path (/node/36) nor an http(s) URL")
        path = Redirect.normalise_path(value)
        if path == "/":
            raise RowError("legacy_url is the old site's home page; it cannot redirect to one item")
        _check_length("legacy_url", path, Redirect._meta.get_field("old_path").max_length)
        return path

    def slug(self, value, title, legacy_path):
        if value:
            try:
                validate_slug(value)
            except ValidationError:
                raise RowError(
                    f"slug {value!r} may only hold letters, numbers, hyphens and underscores"
                ) from None
            _check_length("slug", value, Page._meta.get_field("slug").max_length)
            return value, True
        slug = _shorten(slugify(title))
        if not slug and legacy_path:
            slug = _shorten(slugify(legacy_path))
        if not slug:
            raise RowError("no slug can be made from the title; add a slug column")
        return slug, False

    def attachments(self, value):
        files = []
        for name in _as_list(value, "attachments"):
            path = Path(name).expanduser()
            if not path.is_absolute():
                path = self.files_dir / path
            if not path.is_file():
                raise RowError(f"attachment {name!r} not found (looked for {path})")
            extension = path.suffix.lower().lstrip(".")
            if self.document_extensions and extension not in self.document_extensions:
                raise RowError(
                    f"attachment {name!r}: .{extension} files are not accepted "
                    f"(accepted: {', '.join(sorted(self.document_extensions))})"
                )
            size = path.stat().st_size
            if self.max_document_size and size > self.max_document_size:
                raise RowError(
                    f"attachment {name!r} is {size:,} bytes; "
                    f"the limit is {self.max_document_size:,}"
                )
            files.append((path, _sha1(path)))
        return files


def language_name(code):
    """A site language's name in English ("Spanish"), for messages."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def _shorten(slug):
    if len(slug) <= SLUG_MAX_LENGTH:
        return slug
    cut = slug[: SLUG_MAX_LENGTH + 1]
    return cut[: cut.rfind("-")] if "-" in cut else cut[:SLUG_MAX_LENGTH]


def parse_date(value):
    if not value:
        raise RowError("the date is empty")
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, date_format).date()
        except ValueError:
            pass
    try:
        return datetime.datetime.fromisoformat(value).date()
    except ValueError:
        raise RowError(f"unparseable date {value!r} (use YYYY-MM-DD, e.g. 2019-03-31)") from None


def _text(row, name, strip=True):
    value = row.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RowError(f"{name} should be text, not {type(value).__name__}")
    return value.strip() if strip else value


def _as_list(value, name):
    """A list column: a JSON list, or a string separated by | (or ;)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        items = LIST_SEPARATOR.split(value.strip())
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = value
    else:
        raise RowError(f"{name} should be a list of text or text separated by |")
    return [item.strip() for item in items if item.strip()]


def _check_length(name, value, limit):
    if len(value) > limit:
        raise RowError(f"{name} is {len(value)} characters long; the limit is {limit}")


def _sha1(path):
    # The same content hash Wagtail stores on documents; not used for security.
    digest = hashlib.sha1(usedforsecurity=False)
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()
