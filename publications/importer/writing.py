"""Writing checked rows as publications, a batch (one transaction) at a time."""

import contextlib
import datetime
import uuid
from dataclasses import dataclass, field
from functools import reduce
from itertools import chain
from operator import or_

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DataError, IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from ..models import PageTopic, PublicationDownload, PublicationIndexPage, PublicationPage, Topic
from .rows import Record, RowError, RowParser, language_name

IMPORT_COLLECTION = "Imported library"
DEFAULT_BATCH_SIZE = 250


@dataclass
class ImportResult:
    """How many rows were created, updated, skipped (unchanged) and failed."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    topics_created: list = field(default_factory=list)

    @property
    def rows(self):
        return self.created + self.updated + self.skipped + self.failed

    def add(self, other):
        self.created += other.created
        self.updated += other.updated
        self.skipped += other.skipped
        self.failed += other.failed
        self.topics_created += other.topics_created


@dataclass
class Written:
    """A page saved by this batch, with the topics and downloads it gets at its end."""

    page: PublicationPage
    is_new: bool
    topics: list
    downloads: list  # of (document, label, language)
    library: PublicationIndexPage  # its parent


@dataclass
class Imported:
    """A row of this run that went in (or would, in a dry run), for the rows that name
    it in translation_of: what they need of its page."""

    locale_id: int
    translation_key: uuid.UUID
    title: str


class ImportInterrupted(Exception):
    """The run stopped part-way; every batch before `line` is saved."""

    def __init__(self, line, cause):
        super().__init__(f"stopped at line {line}: {cause!r}")
        self.line = line
        self.cause = cause


class Importer:
    """Imports rows under the resource library `index` (the default language's), and
    rows in another language under its live translation into that language.

    `on_row(totals, line)` is called after each row with the running counts, and
    `on_error(line, reason)` for each row that fails. With `dry_run`, every check
    runs (types, dates, files, duplicates, existing pages) and nothing is written.
    """

    def __init__(
        self,
        index,
        files_dir,
        *,
        dry_run=False,
        batch_size=DEFAULT_BATCH_SIZE,
        on_row=None,
        on_error=None,
    ):
        self.index = index
        self.libraries = libraries_by_language(index)
        self.languages = {library.locale_id: code for code, library in self.libraries.items()}
        self.parser = RowParser(files_dir)
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.on_row = on_row or (lambda totals, line: None)
        self.on_error = on_error or (lambda line, reason: None)
        self.result = ImportResult()
        # A page's key: its legacy path, unique on the site, or (locale id, slug), a slug
        # being unique within its library only (see _lookup).
        self.seen_keys = {}  # key -> line, for duplicates within the file
        self.seen_slugs = {}  # (locale id, slug) -> line
        self.imported = {}  # key (legacy path and slug both) -> Imported, for translation_of
        self.translated = {}  # (translation key, locale id) -> line of the translating row
        # Translations whose original was not found: it may be a later row of the file.
        self.waiting = []
        self._last_pass = False
        self.topics = {}
        for topic in Topic.objects.all():
            self.topics[topic.name.lower()] = self.topics[topic.slug] = topic
        self.library_paths = {
            library.locale_id: Redirect.normalise_path(library.url or "/")
            for library in self.libraries.values()
        }
        self._collection = None
        # Per batch: documents by content hash, and each library's next child path.
        self._documents = {}
        self._next_paths = {}

    def run(self, rows):
        batch = []
        for line, row in rows:
            batch.append((line, row))
            if len(batch) >= self.batch_size:
                self._import_batch(batch)
                batch = []
        if batch:
            self._import_batch(batch)
        # The translations that waited for their original, now in if it ever will be.
        self._last_pass = True
        waiting = [(record.line, record) for record in self.waiting]
        for start in range(0, len(waiting), self.batch_size):
            self._import_batch(waiting[start : start + self.batch_size])
        return self.result

    def _import_batch(self, batch):
        done = ImportResult()  # this batch's share, counted once it is committed
        written = []  # Written, in file order
        documents, stored_files = [], []
        try:
            records = []
            for line, row in batch:
                try:
                    if isinstance(row, RowError):
                        raise row
                    records.append(row if isinstance(row, Record) else self.parser.parse(line, row))
                except RowError as error:
                    self._fail(done, line, error)
                    self._progress(done, line)
                except Exception as error:  # a row nobody foresaw must not stop the others
                    self._fail(done, line, f"could not be read ({type(error).__name__}: {error})")
                    self._progress(done, line)
            with self._deferred_indexing(), transaction.atomic():
                existing = self._existing_pages(records)
                translations = self._translations(records, existing)
                self._documents = self._existing_documents(records)
                self._next_paths = {}
                for record in records:
                    if self._waits(record, existing):
                        self.waiting.append(record)
                        continue
                    self._import_record(
                        record, existing, translations, done, written, documents, stored_files
                    )
                    self._progress(done, record.line)
                if written:
                    self._finish(written)
        except BaseException as exc:
            # The batch is rolled back: the files it stored would be orphans.
            for storage, name in stored_files:
                with contextlib.suppress(OSError):
                    storage.delete(name)
            raise ImportInterrupted(batch[0][0], exc) from exc
        _index_for_search(PublicationPage, [item.page for item in written])
        _index_for_search(get_document_model(), documents)
        self.result.add(done)

    def _finish(self, written):
        """What each page needs once the batch's pages are saved, a query or so for all."""
        for library in self.libraries.values():
            added = sum(1 for item in written if item.is_new and item.library is library)
            if added:
                Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + added)
                library.numchild += added
        # Topics and downloads replace the updated pages' own.
        updated = [item.page for item in written if not item.is_new]
        PageTopic.objects.filter(content_object__in=updated).delete()
        PublicationDownload.objects.filter(page__in=updated).delete()
        topic_items = {
            item.page.pk: [PageTopic(content_object=item.page, tag=topic) for topic in item.topics]
            for item in written
        }
        downloads = {
            item.page.pk: [
                PublicationDownload(
                    page=item.page, document=document, label=label, language=language, sort_order=n
                )
                for n, (document, label, language) in enumerate(item.downloads)
            ]
            for item in written
        }
        PageTopic.objects.bulk_create(chain.from_iterable(topic_items.values()))
        PublicationDownload.objects.bulk_create(chain.from_iterable(downloads.values()))
        for item in written:
            if item.is_new:
                # A new page's child objects are all known: hand them to its cluster so
                # that its revision and reference index read them without a query.
                for relation in get_all_child_relations(item.page):
                    setattr(item.page, relation.get_accessor_name(), [])
            item.page.topic_items = topic_items[item.page.pk]
            item.page.downloads = downloads[item.page.pk]
        publish_in_bulk([(item.page, item.is_new) for item in written])
        self._redirect_in_bulk([item.page for item in written])
        for item in written:
            ReferenceIndex.create_or_update_for_object(item.page)

    def _progress(self, done, line):
        totals = {
            name: getattr(self.result, name) + getattr(done, name)
            for name in ("created", "updated", "skipped", "failed")
        }
        self.on_row(totals, line)

    def _fail(self, done, line, reason):
        done.failed += 1
        self.on_error(line, str(reason))

    def _lookup(self, kind, key, locale_id):
        """Where a page is filed in `existing`, seen_keys and imported: under its legacy
        path, unique on the site, or under its slug in its library."""
        return key if kind == "legacy URL" else (locale_id, key)

    def _existing_pages(self, records):
        """The libraries' pages that these records may match, or name in translation_of:
        by legacy path, and by (locale id, slug)."""
        paths = {r.legacy_path for r in records if r.legacy_path}
        slugs = {r.slug for r in records}
        for record in records:
            if record.translation_of:
                kind, key = record.translation_of
                (paths if kind == "legacy URL" else slugs).add(key)
        in_libraries = reduce(
            or_,
            (PublicationPage.objects.child_of_q(library) for library in self.libraries.values()),
        )
        pages = (
            PublicationPage.objects.filter(in_libraries)
            .filter(Q(legacy_path__in=paths) | Q(slug__in=slugs))
            .prefetch_related("topic_items__tag", "downloads__document")
        )
        by_path, by_slug = {}, {}
        for page in pages:
            if page.legacy_path:
                by_path[page.legacy_path] = page
            by_slug[(page.locale_id, page.slug)] = page
        return {"legacy URL": by_path, "slug": by_slug}

    def _find_original(self, kind, key, existing):
        """The page that a translation_of names (a row of this run, or a page of a
        library), in whichever language; a slug in the default language first."""
        if kind == "legacy URL":
            return self.imported.get(key) or existing[kind].get(key)
        for locale_id in self.languages:  # the default language's library first
            lookup = (locale_id, key)
            found = self.imported.get(lookup) or existing[kind].get(lookup)
            if found is not None:
                return found
        return None

    def _waits(self, record, existing):
        """Whether the row translates a page not found yet: until every row is read, it
        may be a later one."""
        return (
            not self._last_pass
            and record.translation_of is not None
            and self._find_original(*record.translation_of, existing) is None
        )

    def _translations(self, records, existing):
        """{(translation key, locale id): page} of the pages that already translate the
        originals these records name: one query for the batch."""
        keys = set()
        for record in records:
            if record.translation_of:
                original = self._find_original(*record.translation_of, existing)
                if original is not None:
                    keys.add(original.translation_key)
        if not keys:
            return {}
        pages = (
            Page.objects.filter(translation_key__in=keys)
            .exclude(locale_id=self.index.locale_id)
            .only("title", "translation_key", "locale_id")
        )
        return {(page.translation_key, page.locale_id): page for page in pages}

    def _existing_documents(self, records):
        """Documents already holding these records' files, by content hash: a file
        imported twice (by a second run, or by two rows) is stored once."""
        hashes = {sha1 for record in records for _, sha1 in record.attachments}
        if not hashes:
            return {}
        return {
            document.file_hash: document
            for document in get_document_model().objects.filter(file_hash__in=hashes)
        }

    def _import_record(
        self, record, existing, translations, done, written, documents, stored_files
    ):
        kind, key = record.key
        try:
            library = self._library(record)
            lookup = self._lookup(kind, key, library.locale_id)
            if lookup in self.seen_keys:
                raise RowError(f"duplicate {kind} {key!r} (also on line {self.seen_keys[lookup]})")
            page = existing[kind].get(lookup)
            if page is not None and page.locale_id != library.locale_id:
                # A legacy path is unique across languages: that page is another's.
                raise RowError(
                    f"duplicate legacy URL {key!r}: {page.title!r}, a page in "
                    f"{self._language_name(page.locale_id)}, already has it"
                )
            if kind == "slug" and page is not None and page.legacy_path:
                # That page came from another row of the old site, with its own address.
                raise RowError(
                    f"duplicate slug {key!r}: {page.title!r} (from {page.legacy_path}) "
                    "already has that address"
                )
            # Updates keep the page's address unless the file gives a slug.
            slug = record.slug if (page is None or record.slug_given) else page.slug
            slug_lookup = (library.locale_id, slug)
            if slug_lookup in self.seen_slugs:
                line = self.seen_slugs[slug_lookup]
                raise RowError(f"duplicate slug {slug!r} (also on line {line})")
            owner = existing["slug"].get(slug_lookup)
            if owner is not None and owner != page:
                raise RowError(f"duplicate slug {slug!r}: {owner.title!r} already has that address")
            translation_key = self._translation_key(record, page, library, existing, translations)
            self.seen_keys[lookup] = record.line
            self.seen_slugs[slug_lookup] = record.line

            if page is not None and self._unchanged(page, record, translation_key):
                done.skipped += 1
                self._remember(record, slug_lookup, translation_key)
                return
            if not self.dry_run:
                # Outside the row's savepoint: a topic outlives a row that fails.
                topics = [self._topic(name, done) for name in record.topic_names]
                documents_before = len(documents)
                try:
                    with transaction.atomic():
                        written.append(
                            self._save(
                                page,
                                record,
                                library,
                                slug,
                                translation_key,
                                topics,
                                documents,
                                stored_files,
                            )
                        )
                except (ValidationError, IntegrityError, DataError):
                    # Rolled back with the row: documents it created are gone.
                    for document in documents[documents_before:]:
                        self._documents.pop(document.file_hash, None)
                    del documents[documents_before:]
                    raise
            if page is None:
                done.created += 1
            else:
                done.updated += 1
            self._remember(record, slug_lookup, translation_key)
        except RowError as error:
            self._fail(done, record.line, error)
        except ValidationError as error:
            self._fail(done, record.line, "; ".join(_messages(error)))
        except (IntegrityError, DataError) as error:
            self._fail(done, record.line, f"the database refused it ({error})")

    def _remember(self, record, slug_lookup, translation_key):
        """Keep a row that went in (or would, in a dry run) for the rows that name it in
        translation_of."""
        locale_id = slug_lookup[0]
        imported = Imported(locale_id, translation_key, record.title)
        if record.legacy_path:
            self.imported[record.legacy_path] = imported
        self.imported[slug_lookup] = imported
        if record.translation_of:
            self.translated[(translation_key, locale_id)] = record.line

    def _library(self, record):
        """The library of the row's language: the default language's, or its translation."""
        library = self.libraries.get(record.page_language)
        if library is None:
            language = language_name(record.page_language)
            raise RowError(
                f"page_language {record.page_language!r}: there is no live {language} "
                f"resource library yet (translate the library into {language} and publish "
                "it first)"
            )
        return library

    def _language_name(self, locale_id):
        return language_name(self.languages[locale_id])

    def _translation_key(self, record, page, library, existing, translations):
        """The key that the row's page shares with its translations: with translation_of,
        its original's; otherwise its own (a new page's new)."""
        if record.translation_of is None:
            return page.translation_key if page is not None else uuid.uuid4()
        kind, key = record.translation_of
        default = self._language_name(self.index.locale_id)
        language = self._language_name(library.locale_id)
        original = self._find_original(kind, key, existing)
        if original is None:
            raise RowError(
                f"translation_of {key!r} names no page: no {default} publication, imported "
                f"or in this file, has that {kind}"
            )
        if original.locale_id != self.index.locale_id:
            raise RowError(
                f"translation_of {key!r} names {original.title!r}, a page in "
                f"{self._language_name(original.locale_id)}: name its {default} original"
            )
        translation_key = original.translation_key
        line = self.translated.get((translation_key, library.locale_id))
        if line is not None:
            raise RowError(
                f"translation_of {key!r}: {original.title!r} is already translated into "
                f"{language} (on line {line})"
            )
        other = translations.get((translation_key, library.locale_id))
        if other is not None and other.pk != getattr(page, "pk", None):
            raise RowError(
                f"translation_of {key!r}: {original.title!r} already has a {language} "
                f"translation, {other.title!r}"
            )
        return translation_key

    def _unchanged(self, page, record, translation_key):
        return (
            page.title == record.title
            and (not record.slug_given or page.slug == record.slug)
            and page.date == record.date
            and page.resource_type_id == record.resource_type.pk
            and page.summary == record.summary
            and page.legacy_path == record.legacy_path
            and page.translation_key == translation_key
            and [(b["type"], b["value"]) for b in page.body.raw_data]
            == [(b["type"], b["value"]) for b in record.body]
            and sorted(item.tag.slug for item in page.topic_items.all())
            == sorted(self._topic_slug(name) for name in record.topic_names)
            and [(d.document.file_hash, d.label, d.language) for d in page.downloads.all()]
            == [
                (sha1, download_label(record, path), record.language)
                for path, sha1 in record.attachments
            ]
        )

    def _topic_slug(self, name):
        topic = self.topics.get(name.lower()) or self.topics.get(slugify(name))
        return topic.slug if topic else slugify(name)

    def _topic(self, name, done):
        """The topic with this name (or slug), created if missing."""
        topic = self.topics.get(name.lower()) or self.topics.get(slugify(name))
        if topic is None:
            topic = Topic.objects.create(name=name, slug=slugify(name) or name.lower())
            done.topics_created.append(name)
            self.topics[name.lower()] = self.topics[topic.slug] = topic
        return topic

    def _save(self, page, record, library, slug, translation_key, topics, documents, stored_files):
        """Save the page's own fields; _finish() adds its topics and downloads and
        publishes it, with the rest of the batch.

        Every field was checked when the row was read and the body is what
        clean_body() built, so Wagtail's validation on save is skipped: it costs a
        query per foreign key, per page, and would double the import's time.
        """
        downloads = [
            (
                self._document(record, path, sha1, documents, stored_files),
                download_label(record, path),
                record.language,
            )
            for path, sha1 in record.attachments
        ]
        is_new = page is None
        if is_new:
            page = PublicationPage(
                locale_id=library.locale_id,
                live=False,
                depth=library.depth + 1,
                path=self._new_child_path(library),
                numchild=0,
                # What readers of the old site saw as its publication.
                first_published_at=timezone.make_aware(
                    datetime.datetime.combine(record.date, datetime.time(12))
                ),
            )
        page.title = page.draft_title = record.title
        page.slug = slug
        page.date = record.date
        page.resource_type = record.resource_type
        page.summary = record.summary
        page.body = record.body
        page.legacy_path = record.legacy_path
        page.translation_key = translation_key
        # Queries saved on every page: its parent is known (Wagtail's copy() does the
        # same), a publication is never a site's root page (Wagtail's own annotation),
        # and a new page's three tables need an INSERT each, not an UPDATE first.
        page._cached_parent_obj = library
        page._is_site_root = False
        # The creation is logged with the batch's other log entries (publish_in_bulk).
        page.save(clean=False, log_action=None, force_insert=is_new)
        return Written(page, is_new, topics, downloads, library)

    def _new_child_path(self, library):
        """The tree path of the library's next child, as treebeard's add_child() gives
        it, without its two queries per page; _finish() updates the child count."""
        path = self._next_paths.get(library.pk)
        if path is None:
            # Like add_child(), lock the library's row until the batch commits: a page
            # added in the admin meanwhile waits, rather than taking the same path.
            Page.objects.select_for_update().filter(pk=library.pk).exists()
            last = library.get_children().order_by("-path").only("path").first()
            if last is None:
                path = Page._get_path(library.path, library.depth + 1, 1)
            else:
                path = last._inc_path()
        self._next_paths[library.pk] = Page(path=path)._inc_path()
        return path

    def _redirect_in_bulk(self, pages):
        """A permanent redirect from each page's old address (if any) to the page."""
        wanted = {
            page.legacy_path: page
            for page in pages
            if page.legacy_path
            and page.legacy_path
            != Redirect.normalise_path(f"{self.library_paths[page.locale_id]}/{page.slug}")
        }
        current = {
            redirect.old_path: redirect
            for redirect in Redirect.objects.filter(site=None, old_path__in=wanted)
        }
        changed = []
        for path, page in wanted.items():
            redirect = current.get(path)
            if redirect is None:
                continue
            if (redirect.redirect_page_id, redirect.redirect_link) != (page.pk, ""):
                redirect.redirect_page, redirect.redirect_link = page, ""
                redirect.redirect_page_route_path, redirect.is_permanent = "", True
                changed.append(redirect)
        Redirect.objects.bulk_update(
            changed, ["redirect_page", "redirect_link", "redirect_page_route_path", "is_permanent"]
        )
        Redirect.objects.bulk_create(
            Redirect(old_path=path, site=None, redirect_page=page, is_permanent=True)
            for path, page in wanted.items()
            if path not in current
        )

    def _document(self, record, path, sha1, documents, stored_files):
        document = self._documents.get(sha1)
        if document is None:
            Document = get_document_model()
            document = Document(
                title=download_label(record, path), collection=self._import_collection()
            )
            with path.open("rb") as f:
                document.file.save(path.name, File(f), save=False)
            stored_files.append((document.file.storage, document.file.name))
            document.file_size = path.stat().st_size
            document.file_hash = sha1
            document.save()
            documents.append(document)
            self._documents[sha1] = document
        return document

    def _import_collection(self):
        if self._collection is None:
            root = Collection.get_first_root_node()
            self._collection = root.get_children().filter(
                name=IMPORT_COLLECTION
            ).first() or root.add_child(name=IMPORT_COLLECTION)
        return self._collection

    @contextlib.contextmanager
    def _deferred_indexing(self):
        """Skip the search and reference index updates Wagtail makes on every save:
        each batch brings both up to date in one pass instead."""
        models = [PublicationPage, get_document_model()]
        for model in models:
            post_save.disconnect(post_save_signal_handler, sender=model)
        try:
            with disable_reference_index_auto_update():
                yield
        finally:
            for model in models:
                post_save.connect(post_save_signal_handler, sender=model)


def libraries_by_language(index):
    """{language code: library}: the default language's, `index`, and its live
    translations (each the parent of that language's publications)."""
    libraries = {index.locale.language_code: index}
    translations = (
        PublicationIndexPage.objects.live()
        .filter(translation_key=index.translation_key)
        .exclude(pk=index.pk)
        .select_related("locale")
        .order_by("path")
    )
    for library in translations:
        libraries[library.locale.language_code] = library
    return libraries


def download_label(record, path):
    """The link text of an attachment: the publication's title, and the file's name
    when there are several. (A file shared by several rows is one document; each
    page names its link.)"""
    label = record.title if len(record.attachments) == 1 else f"{record.title}: {path.stem}"
    return label[: PublicationDownload._meta.get_field("label").max_length]


def publish_in_bulk(written):
    """Give each saved page a revision and publish it, for a whole batch at once.

    `written` holds (page, is_new). New pages and pages that were live are
    published; a page that staff unpublished keeps the import as a draft. This is
    what revision.publish() does page by page (revision, live flags, log entries,
    the page_published signal) in a handful of queries per batch.
    """
    now = timezone.now()
    base_content_type = written[0][0].get_base_content_type()
    revisions = []
    for page, is_new in written:
        publish = is_new or page.live
        page.live = publish
        page.has_unpublished_changes = not publish
        page.latest_revision_created_at = now
        if publish:
            page.last_published_at = now
        revisions.append(
            Revision(
                content_object=page,
                base_content_type=base_content_type,
                content=page.serializable_data(),
                object_str=str(page),
                created_at=now,
            )
        )
    Revision.objects.bulk_create(revisions)

    entries = []
    for (page, is_new), revision in zip(written, revisions, strict=True):
        page.latest_revision = revision
        actions = ["wagtail.create" if is_new else "wagtail.edit"]
        if page.live:
            page.live_revision = revision
            actions.append("wagtail.publish")
        entries += [
            PageLogEntry(
                content_type=revision.content_type,
                label=page.get_admin_display_title(),
                action=action,
                timestamp=now,
                page=page,
                revision=revision,
                content_changed=True,
            )
            for action in actions
        ]
    for page, _ in written:
        Page.objects.filter(pk=page.pk).update(
            live=page.live,
            has_unpublished_changes=page.has_unpublished_changes,
            latest_revision=page.latest_revision,
            latest_revision_created_at=now,
            live_revision=page.live_revision,
            last_published_at=page.last_published_at,
        )
    PageLogEntry.objects.bulk_create(entries)
    for page, _ in written:
        if page.live:
            page_published.send(sender=PublicationPage, instance=page, revision=page.live_revision)


def _index_for_search(model, objects):
    if not objects:
        return
    indexed = list(model.get_indexed_objects().filter(pk__in=[obj.pk for obj in objects]))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, indexed)


def _messages(error):
    if hasattr(error, "message_dict"):
        return [f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items()]
    return error.messages
