"""Content health: the admin reports of what needs an editor's or a translator's
attention. Publications with something missing or stale; and pages of the default
language whose translation is missing, not published, or older than the original."""

import re
from urllib.parse import urlencode

import django_filters
from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Trim
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Page, get_page_content_types
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource

from .models import PageTopic, PublicationDownload, PublicationPage, ResourceType

STALE_AFTER_YEARS = 3

# Each problem: the annotation that flags it, and how the report names it.
PROBLEMS = {
    "missing_summary": "No summary",
    "missing_topic": "No topic",
    "missing_download": "No download",
    "only_a_download": "Only a PDF: the body is empty",
    "image_without_alt_text": "Listing image without alt text",
    "stale": f"Not updated for over {STALE_AFTER_YEARS} years",
}


def stale_before(today=None):
    """The date before which a publication counts as not updated for too long."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - STALE_AFTER_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - STALE_AFTER_YEARS, day=28)


def only_a_download():
    """Publications with a download and an empty body: what they say is only in a
    file, out of reach of search and of any reader whom the file fails."""
    # An empty StreamField is stored as the JSON `[]` (jsonb on PostgreSQL, text on SQLite).
    return Q(body=[]) & Exists(PublicationDownload.objects.filter(page=OuterRef("pk")))


def with_health(queryset, today=None):
    """Annotate each publication with one boolean per problem in PROBLEMS."""

    def flag(condition):
        return ExpressionWrapper(condition, output_field=BooleanField())

    return queryset.annotate(
        _summary_text=Trim("summary"),
        _alt_text=Trim("listing_image__description"),
        freshness=Coalesce("last_updated", "date"),
        missing_summary=flag(Q(_summary_text="")),
        missing_topic=~Exists(PageTopic.objects.filter(content_object=OuterRef("pk"))),
        missing_download=~Exists(PublicationDownload.objects.filter(page=OuterRef("pk"))),
        only_a_download=flag(only_a_download()),
        image_without_alt_text=flag(Q(listing_image__isnull=False, _alt_text="")),
        stale=flag(Q(freshness__lt=stale_before(today))),
    )


def any_problem():
    condition = Q()
    for name in PROBLEMS:
        condition |= Q(**{name: True})
    return condition


def problem_labels(page):
    return [label for name, label in PROBLEMS.items() if getattr(page, name)]


class ContentHealthFilterSet(WagtailFilterSet):
    resource_type = django_filters.ModelChoiceFilter(
        label="Type", queryset=ResourceType.objects.all(), empty_label="All types"
    )
    problem = django_filters.ChoiceFilter(
        label="Problem",
        choices=list(PROBLEMS.items()),
        empty_label="Any problem",
        method="filter_problem",
    )
    live = django_filters.BooleanFilter(label="Published")

    class Meta:
        model = PublicationPage
        fields = ["resource_type", "problem", "live"]

    def filter_problem(self, queryset, name, value):
        return queryset.filter(**{value: True}) if value in PROBLEMS else queryset


class ContentHealthReportView(ReportView):
    page_title = "Content health"
    header_icon = "warning"
    index_url_name = "publications_content_health"
    index_results_url_name = "publications_content_health_results"
    filterset_class = ContentHealthFilterSet
    any_permission_required = ["add", "change", "publish"]
    default_ordering = "freshness"
    export_filename = "content-health"
    columns = [
        TitleColumn("title", url_name="wagtailadmin_pages:edit", sort_key="title"),
        Column("resource_type", label="Type", sort_key="resource_type__name"),
        DateColumn("date", label="Publication date", sort_key="date"),
        DateColumn("freshness", label="Last updated", sort_key="freshness"),
        Column(
            "problems", label="Needs attention", accessor=lambda p: ", ".join(problem_labels(p))
        ),
        LiveStatusTagColumn(),
    ]
    list_export = [
        "title",
        "resource_type.name",
        "date",
        "freshness",
        "live",
        *PROBLEMS,
        "full_url",
    ]
    export_headings = {
        "title": "Title",
        "resource_type.name": "Type",
        "date": "Publication date",
        "freshness": "Last updated",
        "live": "Published",
        **PROBLEMS,
        "full_url": "URL",
    }

    @cached_property
    def permission_policy(self):
        # Anyone who works on pages may see what needs work.
        return policy_registry.get_by_type(Page)

    def get_base_queryset(self):
        return (
            with_health(PublicationPage.objects.all())
            .filter(any_problem())
            .select_related("resource_type")
            .defer_streamfields()
            # The status column without a query per row.
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )

    def order_queryset(self, queryset):
        # A stable order across pages of the report: ties fall back to the page id.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "pk")


# Translations: each page of the default language (English) against its translation
# into every other content language.

MISSING = "missing"
UNPUBLISHED = "unpublished"
OUTDATED = "outdated"
TRANSLATION_PROBLEMS = {
    MISSING: "Not translated",
    UNPUBLISHED: "Translated, never published",
    OUTDATED: "Older than the original",
}


def default_language():
    """The language code of the pages that others translate ("en")."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def translation_languages():
    """{code: name} of every content language but the default one, from the settings:
    a new language is a new column of the report, with no code."""
    default = default_language()
    return {code: name for code, name in get_content_languages().items() if code != default}


def translation_field(language, what):
    """The name of a per-language annotation: translation_field("es", "status")."""
    slot = re.sub(r"\W", "_", language)  # "pt-br" -> "pt_br"
    return f"translation_{slot}_{what}"


def with_translations(queryset, languages):
    """Annotate each page, for each language, with its translation's id, date of last
    publication and status (one of TRANSLATION_PROBLEMS, or "" when up to date).

    An alias (a copy that shows the original's content) is no translation. A
    translation is older than the original when the original was published since the
    translation last was: wagtail-localize's finer "source changed" is not consulted.
    """
    for language in languages:
        translations = Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=language,
            alias_of__isnull=True,
        )
        page_id = translation_field(language, "id")
        published = translation_field(language, "published")
        queryset = queryset.annotate(
            **{
                page_id: Subquery(translations.values("pk")[:1]),
                published: Subquery(translations.values("last_published_at")[:1]),
            }
        ).annotate(
            **{
                translation_field(language, "status"): Case(
                    When(**{f"{page_id}__isnull": True}, then=Value(MISSING)),
                    When(**{f"{published}__isnull": True}, then=Value(UNPUBLISHED)),
                    When(**{f"{published}__lt": F("last_published_at")}, then=Value(OUTDATED)),
                    default=Value(""),
                    output_field=CharField(),
                )
            }
        )
    return queryset


def translation_problem(languages, problem=None):
    """The pages with `problem` (any problem if None) in any of `languages`."""
    problems = [problem] if problem else list(TRANSLATION_PROBLEMS)
    condition = Q()
    for language in languages:
        condition |= Q(**{f"{translation_field(language, 'status')}__in": problems})
    return condition


class TranslationHealthFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label="Language",
        choices=lambda: list(translation_languages().items()),
        empty_label="All languages",
        method="filter_language",
    )
    problem = django_filters.ChoiceFilter(
        label="Problem",
        choices=list(TRANSLATION_PROBLEMS.items()),
        empty_label="Any problem",
        method="filter_problem",
    )
    content_type = ContentTypeFilter(
        label="Page type",
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = ["language", "problem", "content_type"]

    def filter_language(self, queryset, name, value):
        # The problem chosen (or any) in this language; filter_problem, for any language,
        # then narrows nothing more.
        return queryset.filter(translation_problem([value], self.form.cleaned_data.get("problem")))

    def filter_problem(self, queryset, name, value):
        return queryset.filter(translation_problem(translation_languages(), value))


def page_type(page):
    """The page's type as the admin names it, from its content type (selected along)."""
    model = page.content_type.model_class()
    return capfirst(model._meta.verbose_name) if model else ""


class TranslationColumn(Column):
    """One language's translation of the row's page: its status, and a link to start
    the translation, to edit it, or to bring in the original's changes."""

    cell_template_name = "publications/admin/translation_cell.html"

    def __init__(self, language, name):
        super().__init__(translation_field(language, "status"), label=name)
        self.language = language

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        status = context["raw_value"]
        translation_id = getattr(instance, translation_field(self.language, "id"))
        links = []
        if status == MISSING:
            # No way back here: once started, the translation opens in its editor.
            query = urlencode({"select_locale": self.language})
            translate_url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
            links.append(("Translate", f"{translate_url}?{query}"))
        elif translation_id is not None:
            links.append(
                ("Edit translation", reverse("wagtailadmin_pages:edit", args=[translation_id]))
            )
            if status and instance.translation_source_id is not None:
                query = urlencode({"next": request.get_full_path()})
                sync_url = reverse(
                    "wagtail_localize:update_translations", args=[instance.translation_source_id]
                )
                links.append(("Bring in the original's changes", f"{sync_url}?{query}"))
        context.update(
            {
                "label": TRANSLATION_PROBLEMS.get(status, "Up to date"),
                "problem": bool(status),
                "published": getattr(instance, translation_field(self.language, "published")),
                "links": links,
            }
        )
        return context


class TranslationHealthReportView(ReportView):
    page_title = "Translation health"
    page_subtitle = "Pages whose translation is missing, unpublished or older than the original"
    header_icon = "globe"
    index_url_name = "publications_translation_health"
    index_results_url_name = "publications_translation_health_results"
    filterset_class = TranslationHealthFilterSet
    any_permission_required = ["add", "change", "publish"]
    default_ordering = "title"

    @cached_property
    def permission_policy(self):
        # Anyone who works on pages, translators too, may see what needs translating.
        return policy_registry.get_by_type(Page)

    @cached_property
    def languages(self):
        return translation_languages()

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", url_name="wagtailadmin_pages:edit", sort_key="title"),
            Column("page_type", label="Type", accessor=page_type),
            DateColumn(
                "last_published_at", label="Original published", sort_key="last_published_at"
            ),
            *[TranslationColumn(code, name) for code, name in self.languages.items()],
        ]

    def get_base_queryset(self):
        # Live pages of the default language, below Wagtail's root, that are not aliases.
        originals = Page.objects.filter(
            locale__language_code=default_language(),
            depth__gt=1,
            live=True,
            alias_of__isnull=True,
        )
        sources = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
        return (
            with_translations(originals, self.languages)
            .filter(translation_problem(self.languages))
            .annotate(translation_source_id=Subquery(sources.values("pk")[:1]))
            # The type column without a query per row.
            .select_related("content_type")
        )

    def order_queryset(self, queryset):
        # A stable order across pages of the report: ties fall back to the page id.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "pk")
