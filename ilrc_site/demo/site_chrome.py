"""The demo's main navigation and footer."""

from wagtail.models import Page, Site

from ilrc_site.site_chrome import FooterSettings, NavigationSettings

# Label and slug of each top-level page the main navigation links to, when it exists.
NAVIGATION = [
    ("Resources", "resources"),
    ("Programs", "programs"),
    ("Local policy", "local-policy-interventions"),
    ("About", "about"),
    ("Contact", "contact"),
]

FOOTER = {
    "address": "1458 Howard Street\nSan Francisco, CA 94103",
    "email": "info@ilrc.org",
    "phone": "(415) 255-9499",
    "newsletter_url": "https://www.ilrc.org/newsletter",
}

SOCIAL = [
    ("facebook", "https://www.facebook.com/ilrcsf"),
    ("instagram", "https://www.instagram.com/theilrc/"),
    ("x", "https://x.com/theilrc"),
    ("linkedin", "https://www.linkedin.com/company/immigrant-legal-resource-center"),
]


def load_site_chrome(home):
    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    linked = {link.page_id for link in navigation.links.all()}
    pages = {
        p.slug: p for p in Page.objects.child_of(home).filter(slug__in=dict(NAVIGATION).values())
    }
    # sort_order keeps the links in this order (the admin's forms set it for editors).
    new_links = [
        navigation.links.model(label=label, page=pages[slug], sort_order=order)
        for order, (label, slug) in enumerate(NAVIGATION)
        if slug in pages and pages[slug].pk not in linked
    ]
    if new_links:
        navigation.links.add(*new_links)
        navigation.save()

    footer = FooterSettings.for_site(site)
    if not footer.email:
        for field, value in FOOTER.items():
            setattr(footer, field, value)
        footer.social_links.set(
            [
                footer.social_links.model(network=network, url=url, sort_order=order)
                for order, (network, url) in enumerate(SOCIAL)
            ]
        )
        footer.save()
