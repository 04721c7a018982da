"""The site's header, footer and structured data for search engines, for templates/base.html."""

import json

from django import template
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Page, Site

from base.cache import kept
from base.i18n import current_language, language_codes
from base.routing import url_of
from base.templatetags.base_tags import ancestors_of
from ilrc_site.models import HomePage
from ilrc_site.site_chrome import FooterSettings, NavigationSettings
from publications.models import DatedPage

register = template.Library()


def is_home(href):
    """Whether `href` is a home page ("/", "/es/"), current only at its own address."""
    return href.strip("/") in ("", *language_codes())


@register.inclusion_tag("ilrc_site/includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]

    def links():
        navigation = NavigationSettings.for_request(request)
        links = navigation.links.select_related("page").annotate(
            local_url_path=Subquery(
                Page.objects.live()
                .filter(
                    translation_key=OuterRef("page__translation_key"),
                    locale__language_code=current_language(),
                )
                .values("url_path")[:1]
            )
        )
        # A page link leads to the page's live translation into the request's language
        # (as the link itself, chosen by editors, whatever its view restrictions); until
        # there is one, to the page itself.
        return [
            (
                link.local_label,
                url_of(request, link.local_url_path) if link.local_url_path else link.href(request),
            )
            for link in links
        ]

    # The page's own address, or none where no section is current (the shared 404 page).
    path = context.get("navigation_path", request.path)
    items = []
    for label, href in kept(request, ("navigation",), links):
        # A section link is current on every page inside that section.
        current = href == path or (not is_home(href) and path.startswith(href))
        items.append({"label": label, "href": href, "current": current})
    return {"items": items}


@register.simple_tag(takes_context=True)
def site_footer(context):
    request = context["request"]

    def render():
        footer = FooterSettings.for_request(request)
        return render_to_string(
            "ilrc_site/includes/site_footer.html",
            {"footer": footer, "social_links": footer.social_links.all()},
        )

    # A rendered template: the cache keeps it as the safe string it was.
    return kept(request, ("footer",), render)


def _json_ld(data):
    # Escape the characters that could end the script element early, as json_script does.
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    # Safe: every character that could end the element is escaped just above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308  # nosec B308 B703


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """JSON-LD for search engines: the organisation, the article, the breadcrumb trail."""
    request = context.get("request")
    site = Site.find_for_request(request)
    site_url = site.root_url + "/" if site else "/"
    organisation = {
        "@type": "Organization",
        "name": site.site_name if site and site.site_name else "Immigrant Legal Resource Center",
        "url": site_url,
    }
    graph = []
    specific = getattr(page, "specific_deferred", page)
    if isinstance(specific, HomePage):
        graph.append({**organisation, "description": specific.hero_tagline})
    elif isinstance(specific, DatedPage):
        is_report = specific.resource_type.slug == "toolkits-reports"
        graph.append(
            {
                "@type": "Report" if is_report else "Article",
                "headline": specific.title,
                "description": specific.summary,
                "datePublished": specific.date.isoformat(),
                "url": specific.get_full_url(request),
                "publisher": organisation,
                "about": specific.resource_type.local_name,
            }
        )
    if page.depth > 2:
        trail = [*ancestors_of(page), page]
        graph.append(
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": gettext("Home") if crumb.depth == 2 else crumb.title,
                        "item": crumb.get_full_url(request),
                    }
                    for position, crumb in enumerate(trail, start=1)
                ],
            }
        )
    if not graph:
        return ""
    return _json_ld({"@context": "https://schema.org", "@graph": graph})
