"""Languages: which one a request is in, and where the same content is in the others.

English lives at `/`, every other language under its prefix (`/es/`): the address alone
says the language, so a page's content never depends on the browser's preferences, and
one cached copy (here and in a CDN) serves everyone who asks for that address.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.encoding import escape_uri_path


class LanguageFromPathMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, less its `Vary: Accept-Language`.

    With `i18n_patterns(prefix_default_language=False)`, Django already takes the
    language from the path alone (an address without a prefix is the default language),
    yet it adds `Vary: Accept-Language` to every unprefixed response. A CDN would then
    keep one copy of each English page per distinct Accept-Language header that browsers
    send (hundreds), for content that never varies on it.
    """

    def process_response(self, request, response):
        vary = response.get("Vary")
        response = super().process_response(request, response)
        if vary is None:
            response.headers.pop("Vary", None)
        else:
            response["Vary"] = vary
        return response


# {language code: Wagtail locale's primary key}, read once per process (see locale_id).
_locale_ids = {}


def locale_id(language):
    """The primary key of `language`'s Wagtail locale (None if it has none).

    Read once per process and kept: a constant in a page query lets PostgreSQL estimate
    how many pages it matches. Matched through the locale table instead (a join or a
    subquery), the library's newest twenty at 10,000 items sorted every item (29 ms)
    rather than walking the date index and stopping at twenty. Forgotten whenever a
    locale is saved or deleted (base.apps)."""
    if language not in _locale_ids:
        from wagtail.models import Locale

        _locale_ids.update(Locale.objects.values_list("language_code", "pk"))
        _locale_ids.setdefault(language, None)
    return _locale_ids[language]


def forget_locales(**kwargs):
    _locale_ids.clear()


def language_codes():
    """The site's languages, the default first."""
    return [code for code, _ in settings.LANGUAGES]


def current_language():
    """The request's language code ("en", "es")."""
    return translation.get_language() or settings.LANGUAGE_CODE


def view_in_languages(request):
    """{language code: address of this same view} for a view that is not a page (site
    search, feeds): Django's own URL translation, query string kept but for the page
    number (another language has other results, and maybe not this page of them)."""
    query = request.GET.copy()
    query.pop("page", None)
    path = escape_uri_path(request.path) + (f"?{query.urlencode()}" if query else "")
    return {code: translate_url(path, code) for code in language_codes()}


def home_url(language):
    """The address of a language's home page ("/", "/es/")."""
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


def other_languages_of(request, page=None, query=None):
    """The page (or view) in each language, for the `hreflang` links and the language
    switcher: [{code, name, url, current, translated}], in the order of settings.LANGUAGES.

    A page links to its live, public translations (kept with the page where routing found
    it: base.routing), a view that is not a page to the same view under each prefix. A
    language the page is missing in links to that language's home page, with
    `translated` False, so that the switcher can say so. The query parameters pages
    understand (the library's filters) are kept, so a filtered view has its twin.
    """
    from wagtail.models import Site

    from .page_cache import understood_query
    from .routing import translations

    current = current_language()
    if page is None:
        found = view_in_languages(request)
    else:
        found = getattr(page, "translations", None)
        if found is None:  # a preview, or a page not found through routing
            found = translations(request, page)
        if query is None:
            query = understood_query(request)
            query = f"?{query}" if query else ""
        found = {code: url + query for code, url in found.items()}
    site = Site.find_for_request(request)  # kept on the request (base.routing)
    root_url = site.root_url if site else f"{request.scheme}://{request.get_host()}"
    return [
        {
            "code": code,
            "name": name,
            "url": found.get(code) or home_url(code),
            "full_url": root_url + (found.get(code) or home_url(code)),
            "current": code == current,
            "translated": code in found,
        }
        for code, name in settings.LANGUAGES
    ]
