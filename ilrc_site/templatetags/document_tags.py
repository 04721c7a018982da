"""What a download's link says about the document's accessibility: "(accessible)", or a
way to ask the organisation, by email, for a format the reader can use."""

from urllib.parse import quote, urlencode

from django import template
from django.utils.translation import gettext

from base.cache import kept
from base.documents import is_accessible
from ilrc_site.site_chrome import FooterSettings

register = template.Library()


def contact_email(request):
    """The footer's contact address, "" when there is none: kept until content changes,
    as the footer itself is, so that a page costs no query for it."""
    return kept(request, ("contact-email",), lambda: FooterSettings.for_request(request).email)


def mailto(address, subject, body):
    # RFC 6068: percent-encoded, spaces as %20 (a "+" would stay a plus sign).
    query = urlencode({"subject": subject, "body": body}, quote_via=quote)
    return f"mailto:{quote(address, safe='@')}?{query}"


@register.inclusion_tag("ilrc_site/includes/accessible_format.html", takes_context=True)
def accessible_format(context, document, title):
    """After a download's file type and size (`title`: its link's text): "(accessible)"
    for a document an editor marked so; for any other, a link that writes to the site's
    contact address asking for an accessible format, naming the page and the document.
    Nothing when the site has no contact address, or when rendered without a request."""
    request = context.get("request")
    if is_accessible(document):
        return {"accessible": True}
    email = contact_email(request) if request is not None else ""
    if not email:
        return {}
    page = context.get("page")
    subject = gettext("Accessible format request: %(title)s") % {
        "title": page.title if page is not None else title
    }
    body = gettext("Please send me an accessible format of “%(document)s” (%(url)s).") % {
        "document": title,
        "url": request.build_absolute_uri(document.url),
    }
    return {"mailto": mailto(email, subject, body), "title": title}
