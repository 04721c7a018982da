"""The library as a read-only JSON API for partners, under /api/v1/ (django-ninja).

The same filters as the library's page, from the same code: the query string goes
through `LibraryFilterForm` (publications/filters.py) and the results through
`LibraryListing`, so the API and /resources/ give the same items in the same order,
and bad input gets the same messages. The parameters are described to OpenAPI by hand
(`openapi_extra`) rather than declared as typed arguments: django-ninja would check
them itself first, with other rules and messages than the library's.

Answers are rendered without django-ninja's runtime check against the response
schemas (pydantic, a millisecond per page of results); tests/publications/test_api.py
runs schemathesis against the schema instead. Responses are kept by the page cache and
purged from a CDN like pages (base/page_cache.py, ilrc_site/frontend_cache.py);
publications/api/http.py adds validators, 304s and the rate limit.
"""

from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer
from wagtail.models import Page, Site

from base.cache import kept
from base.page_cache import cache_under_query
from base.pagination import query_string

from ..filters import LibraryFilterForm, LibraryFilters
from ..listing import LibraryListing
from ..models import DatedPage
from ..models.library import filter_form_choices
from . import schemas
from .items import described

DESCRIPTION = """The resource library of the site, read-only: its dated items
(publications, stories, policy resources) with the same filters as the library's page,
and its types and topics. No key is needed. Answers carry `ETag` and `Last-Modified`
(ask again with `If-None-Match` for a `304`), may be read from any origin (CORS), and
are limited per client (`429` with `Retry-After`)."""

# JSON that stays inert wherever it is pasted: <, > and & (in titles, or a visitor's
# words sent back in a message) as \u escapes, which every JSON reader decodes alike.
HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class HtmlSafeJSONRenderer(JSONRenderer):
    def render(self, request, data, *, response_status):
        return super().render(request, data, response_status=response_status).translate(HTML_SAFE)


api = NinjaAPI(
    title=f"{settings.WAGTAIL_SITE_NAME}: resource library API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    renderer=HtmlSafeJSONRenderer(),
)


def _parameter(name, description, schema, *, repeatable=False):
    if repeatable:
        schema = {"type": "array", "items": schema}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if repeatable else {}),
    }


LANG_PARAMETER = _parameter(
    "lang",
    "The language of the items, names and messages: "
    + ", ".join(f"`{code}` ({name})" for code, name in settings.LANGUAGES)
    + f". `{settings.LANGUAGE_CODE}` when not given.",
    {"type": "string", "enum": [code for code, _ in settings.LANGUAGES]},
)
DATE = {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?$"}
FILTER_PARAMETERS = [
    _parameter("q", "Words that every item found contains.", {"type": "string", "maxLength": 200}),
    _parameter(
        "type",
        "A type's slug (see types/); several are OR'ed.",
        {"type": "string"},
        repeatable=True,
    ),
    _parameter(
        "topic",
        "A topic's slug (see topics/); several are OR'ed.",
        {"type": "string"},
        repeatable=True,
    ),
    _parameter("date_from", "From this date: YYYY, YYYY-MM or YYYY-MM-DD.", DATE),
    _parameter("date_to", "Up to this date, included: YYYY, YYYY-MM or YYYY-MM-DD.", DATE),
    _parameter(
        "sort",
        "`newest` (the default without `q`), `oldest`, or `relevance` (the default with `q`).",
        {"type": "string", "enum": ["newest", "oldest", "relevance"]},
    ),
    _parameter("page", "Pages of 20 items, from 1.", {"type": "integer", "minimum": 1}),
    LANG_PARAMETER,
]


# Page keys are 64-bit integers: a larger id names no item (and no database takes it).
LARGEST_ID = 2**63 - 1


class LanguageForm(forms.Form):
    lang = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=settings.LANGUAGES,
        error_messages={
            "invalid_choice": _("There is no language “%(value)s”. Choose from the list.")
        },
    )

    def clean(self):
        cleaned_data = super().clean()
        if len(self.data.getlist("lang")) > 1 and "lang" not in self.errors:
            self.add_error("lang", gettext("Give this only once."))
        return cleaned_data


class ApiFilterForm(LibraryFilterForm):
    """The library's filters, and the language the API answers in."""

    lang = LanguageForm.base_fields["lang"]
    single_valued = [*LibraryFilterForm.single_valued, "lang"]


def requested_language(request):
    """The language a request asks for, to answer in (messages included): the default
    one unless it names one of the site's, once."""
    given = request.GET.getlist("lang")
    if len(given) == 1 and given[0] in dict(settings.LANGUAGES):
        return given[0]
    return settings.LANGUAGE_CODE


def homes(request):
    """{language code: tree path} of the site's live home page in each language."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return kept(
        request,
        ("api-homes",),
        lambda: dict(
            Page.objects.live()
            .filter(translation_key=site.root_page.translation_key)
            .values_list("locale__language_code", "path")
        ),
    )


def library_items(request):
    """The live, public items of the site in the active language: the library's."""
    home = homes(request).get(translation.get_language())
    if home is None:
        return DatedPage.objects.none()
    items = DatedPage.objects.filter(path__startswith=home)
    return items.live_public(request).for_listing()


def respond(request, data, params):
    """A 200 with `data`, kept by the page cache under the query parameters `params`."""
    return cache_under_query(api.create_response(request, data, status=200), params)


def language_params(language):
    """The `lang` parameter that asks for `language`: none for the default one."""
    return [] if language == settings.LANGUAGE_CODE else [("lang", language)]


@api.get(
    "/items/",
    response={
        200: schemas.ItemPage,
        400: schemas.Errors,
        404: schemas.Message,
        429: schemas.Message,
    },
    summary="Items of the library, filtered",
    description="The same items, in the same order, as the library's page with the same "
    "query string. A page past the last is a 404.",
    openapi_extra={"parameters": FILTER_PARAMETERS},
    tags=["library"],
)
def items(request):
    language = requested_language(request)
    with translation.override(language):
        types, topics = filter_form_choices(request)
        form = ApiFilterForm(request.GET, types=types, topics=topics)
        if not form.is_valid():
            return errors_response(request, form)
        filters = form.filters()
        listing = LibraryListing(request, library_items(request), filters)
        results = listing.page()
        url = request.build_absolute_uri(request.path)

        def link(number):
            return url + query_string(filters.params(page=number) + language_params(language))

        data = {
            "count": results.paginator.count,
            "page": results.number,
            "pages": results.paginator.num_pages,
            "next": link(results.number + 1) if results.has_next() else None,
            "previous": link(results.number - 1) if results.has_previous() else None,
            "results": described(request, DatedPage.objects.all(), list(results)),
        }
        return respond(request, data, filters.shown_params + language_params(language))


@api.get(
    "/items/{int:item_id}/",
    response={200: schemas.Item, 404: schemas.Message, 429: schemas.Message},
    summary="One item of the library",
    description="A live, public item in any of the site's languages, in its own.",
    tags=["library"],
)
def item(request, item_id: int):
    if not 0 < item_id <= LARGEST_ID:
        raise Http404
    paths = homes(request).values()
    site_items = DatedPage.objects.filter(
        reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))
    )
    language = site_items.filter(pk=item_id).values_list("locale__language_code", flat=True).first()
    if language is None:
        raise Http404
    with translation.override(language):
        found = described(request, site_items, [item_id])
        if not found:
            raise Http404
        # Whatever `lang` says: an item is always in its own language.
        return respond(request, found[0], [])


def facet(request, name):
    """Every type or topic (`name`) with its number of live items in the language asked."""
    language = requested_language(request)
    with translation.override(language):
        form = LanguageForm(request.GET)
        if not form.is_valid():
            return errors_response(request, form)
        types, topics = filter_form_choices(request)
        listing = LibraryListing(request, library_items(request), LibraryFilters())
        choices, counts = {
            "types": (types, listing.type_counts),
            "topics": (topics, listing.topic_counts),
        }[name]
        data = [
            {"slug": c.slug, "name": c.local_name, "count": counts.get(c.pk, 0)} for c in choices
        ]
        return respond(request, data, language_params(language))


@api.get(
    "/types/",
    response={200: list[schemas.Facet], 400: schemas.Errors, 429: schemas.Message},
    summary="The library's types, with their counts",
    openapi_extra={"parameters": [LANG_PARAMETER]},
    tags=["library"],
)
def types(request):
    return facet(request, "types")


@api.get(
    "/topics/",
    response={200: list[schemas.Facet], 400: schemas.Errors, 429: schemas.Message},
    summary="The library's topics, with their counts",
    openapi_extra={"parameters": [LANG_PARAMETER]},
    tags=["library"],
)
def topics(request):
    return facet(request, "topics")


def errors_response(request, form):
    """A 400 naming each parameter that is not valid, with the library form's messages."""
    errors = {
        name: [str(message) for message in messages] for name, messages in form.errors.items()
    }
    return api.create_response(request, {"errors": errors}, status=400)


@api.exception_handler(Http404)
def not_found(request, exc):
    message = str(exc) if exc.args else gettext("There is no such item.")
    return api.create_response(request, {"detail": message}, status=404)


def purged_paths(languages):
    """The API's addresses that any change in `languages` may show on, for the CDN's
    purge (ilrc_site/frontend_cache.py): each listing's first page, unfiltered. Filtered
    ones, whose query strings cannot be listed, last PAGE_CACHE_CDN_SECONDS at most."""
    paths = []
    for language in languages:
        query = "" if language == settings.LANGUAGE_CODE else f"?lang={language}"
        paths += [f"/api/v1/{name}/{query}" for name in ("items", "types", "topics")]
    return paths


def item_path(page):
    """The API's address of a dated item (`page`), for the CDN's purge."""
    return f"/api/v1/items/{page.pk}/"


def api_not_found(request):
    """Any other address under /api/: a JSON 404, as the API's own."""
    return not_found(request, Http404(gettext("There is no such address in this API.")))
