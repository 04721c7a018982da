"""Template tags every page shares: the breadcrumb, what describes a page where it is
shared, and parts of pages kept rendered."""

from django import template
from django.conf import settings
from django.utils.translation import to_locale
from wagtail.models import Page

from base.cache import kept
from base.i18n import other_languages_of
from base.routing import breadcrumb_ancestors

register = template.Library()


def ancestors_of(page):
    """The pages above `page`, from the home page down: kept with the page where routing
    found it (base.routing), else one query."""
    if not hasattr(page, "breadcrumb_ancestors"):
        page.breadcrumb_ancestors = breadcrumb_ancestors(page)
    return page.breadcrumb_ancestors


@register.inclusion_tag("base/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    return {
        "request": context.get("request"),
        "ancestors": ancestors_of(page),
        "page": page,
    }


@register.simple_tag
def share_metadata(page):
    """What describes `page` to search engines and where it is shared (base.pages)."""
    return {
        "description": page.get_meta_description(),
        "title": page.share_title,
        "image": page.share_image,
        "is_article": page.is_article,
    }


@register.tag
def kept_fragment(parser, token):
    """{% kept_fragment "name" key %}...{% endkept_fragment %}: the enclosed part of the
    page rendered once per content generation for each `key`, a string naming everything
    the part shows that the page's address chose (the query parameters of its filters);
    rendered every time where `key` is empty. Kept only within the budget for visitors'
    choices (base.cache.within_budget)."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("{% kept_fragment %} takes a name and a key.")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    )


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, name, key):
        self.nodelist = nodelist
        self.name = name
        self.key = key

    def render(self, context):
        key = self.key.resolve(context)
        request = context.get("request")
        if not key or request is None:
            return self.nodelist.render(context)
        name = ("fragment", self.name.resolve(context), key)
        return kept(request, name, lambda: self.nodelist.render(context), chosen=True)


@register.simple_tag(takes_context=True)
def page_languages(context):
    """This page (or view) in every language: see base.i18n.other_languages_of. A page
    that reads query parameters gives the canonical query of what it shows as
    `language_query`."""
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    return other_languages_of(context["request"], page, context.get("language_query"))


@register.simple_tag
def og_locale(code):
    """A language code as Open Graph writes a locale: "es" -> "es_US"."""
    return f"{to_locale(code)}_{settings.OG_LOCALE_REGION}"
