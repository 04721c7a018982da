"""Demo content: the About and Contact pages."""

from base.demo import publish
from ilrc_site.models import StandardPage

PAGES = [
    {
        "title": "About the ILRC",
        "slug": "about",
        "intro": (
            "The Immigrant Legal Resource Center is a national nonprofit that works with and "
            "educates immigrants, community organizations, and the legal sector to continue "
            "to build a democratic society that values diversity and the rights of all people."
        ),
        "body": [
            ("heading", "Our history"),
            (
                "paragraph",
                "Founded in 1979 in San Francisco, the ILRC began by training the lawyers, "
                "paralegals and community workers who help immigrants navigate a complicated "
                "legal system. Our staff now includes attorneys, policy advocates, trainers and "
                "organizers in offices across the country.",
            ),
            ("heading", "What we do"),
            (
                "paragraph",
                "We publish practice advisories, manuals and community explainers; train "
                "thousands of legal-service providers every year; offer technical assistance "
                "to attorneys and DOJ-accredited representatives; and advocate for policies "
                "that protect immigrant communities at the local, state and national levels.",
            ),
            ("heading", "Our values"),
            (
                "paragraph",
                "We believe that immigrants should be able to live without fear of "
                "deportation, that everyone deserves due process, and that lasting change "
                "comes from communities organizing for their own rights.",
            ),
        ],
    },
    {
        "title": "Contact us",
        "slug": "contact",
        "intro": (
            "How to reach the ILRC's staff, and where to find legal help if you need advice "
            "about your own case."
        ),
        "body": [
            ("heading", "Looking for legal help?"),
            (
                "paragraph",
                "The ILRC does not represent individuals and cannot give legal advice about "
                "a personal case by phone or email. To find a nonprofit legal-service "
                "provider near you, search the "
                '<a href="https://www.immigrationadvocates.org/legaldirectory/">National '
                "Immigration Legal Services Directory</a>.",
            ),
            ("heading", "Our office"),
            (
                "paragraph",
                "Immigrant Legal Resource Center<br>1458 Howard Street<br>"
                "San Francisco, CA 94103<br>Telephone: (415) 255-9499",
            ),
            ("heading", "Trainings and technical assistance"),
            (
                "paragraph",
                "Attorneys and DOJ-accredited representatives at member organizations can "
                "ask our staff attorneys about their cases through our technical assistance "
                "program, and register for upcoming webinars and trainings.",
            ),
        ],
    },
]


def load_standard_pages(home):
    """About and Contact under the home page, unless pages with their slugs exist."""
    existing = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    for spec in PAGES:
        if spec["slug"] in existing:
            continue
        body = [
            {"type": "heading", "value": {"text": text, "level": "h2"}}
            if kind == "heading"
            else {"type": "paragraph", "value": f"<p>{text}</p>"}
            for kind, text in spec["body"]
        ]
        page = StandardPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"], body=body)
        home.add_child(instance=page)
        publish(page)
