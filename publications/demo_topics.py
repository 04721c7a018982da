"""Demo content: topic pages for three of the library's topics."""

from base.demo import publish

from .models import DatedPage, Topic, TopicPage

TOPIC_PAGES = [
    {
        "topic": "daca",
        "intro": (
            "Deferred Action for Childhood Arrivals (DACA) protects people who came to the "
            "United States as children from deportation and lets them work lawfully. Court "
            "cases keep changing who can apply and how: here are our explainers for recipients, "
            "first-time applicants and the advocates who help them, kept up to date."
        ),
        "popular": [
            "community-explainer-the-daca-final-rule-and-what-it-means-for-you",
            "practice-advisory-renewing-daca-after-the-fifth-circuit-decision",
            "community-explainer-advance-parole-for-daca-recipients",
        ],
    },
    {
        "topic": "u-visa-t-visa-vawa",
        "intro": (
            "Survivors of crime, trafficking and domestic violence may qualify for "
            "immigration status of their own: the U visa, the T visa, and self-petitions under "
            "the Violence Against Women Act. Our guides explain eligibility, law enforcement "
            "certification, and how to prepare a strong application."
        ),
        "popular": [
            "community-explainer-u-t-and-s-visas-and-californias-ab-1261",
            "vawa-self-petitions-for-abused-spouses-a-toolkit-for-advocates",
        ],
    },
    {
        "topic": "immigration-enforcement",
        "intro": (
            "What to do when immigration agents come to a home, a workplace or a jail, and "
            "how communities limit local entanglement with deportation: know-your-rights "
            "materials, toolkits for advocates, and model policy language."
        ),
        "popular": [
            "local-policy-interventions",
            "ice-detainers-and-local-jails-a-toolkit-for-advocates",
            "comment-on-know-your-rights-at-home-and-work",
        ],
    },
]


def load_topic_pages(home, banners):
    """A page under the home page for each topic above that has none yet.

    `banners` maps topic slugs to images (the site's demo photos).
    """
    for spec in TOPIC_PAGES:
        topic = Topic.objects.get(slug=spec["topic"])
        if TopicPage.objects.filter(topic=topic).exists():
            continue
        page = TopicPage(
            title=topic.name,
            slug=topic.slug,
            topic=topic,
            intro=spec["intro"],
            banner_image=banners.get(topic.slug),
        )
        picks = {p.slug: p for p in DatedPage.objects.filter(slug__in=spec["popular"])}
        for order, slug in enumerate(spec["popular"]):
            page.popular_resources.add(
                page.popular_resources.model(item=picks[slug], sort_order=order)
            )
        home.add_child(instance=page)
        publish(page)
