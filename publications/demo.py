"""Demo content for the library.

Everything here is idempotent: an object that exists already (matched by slug or
title) is left as it is, so `load_demo_content` can run any number of times.
"""

import datetime

from django.utils.text import slugify

from base.demo import get_or_create_pdf, publish

from .models import PublicationIndexPage, PublicationPage, ResourceType, Topic

TOPICS = [
    "DACA",
    "TPS",
    "Public Charge",
    "Immigrant Youth / SIJS",
    "U Visa / T Visa / VAWA",
    "Asylum",
    "Citizenship and Naturalization",
    "Immigration Enforcement",
    "Crimes and Immigration",
    "Post-Conviction Relief",
    "Policy Advocacy",
    "Civic Participation",
]

# The five items of the organisation's "Latest Items", with its summaries.
SEED_PUBLICATIONS = [
    {
        "title": "Border Communities Speak: What Texas Border Residents Actually Need",
        "type": "toolkits-reports",
        "date": datetime.date(2024, 8, 20),
        "topics": ["Immigration Enforcement", "Policy Advocacy"],
        "summary": (
            "While politicians enact and reenact their reckless border theatrics, the ILRC "
            "surveyed border residents about their actual needs and how the influx of law "
            "enforcement efforts has affected them. We found that while the state of Texas "
            "spends more and more money on police and prisons, local governments are starved "
            "of funding and communities lack the most basic services, including clean water, "
            "paved roads, and street lights."
        ),
    },
    {
        "title": "Community Explainer: The DACA Final Rule and What It Means for You",
        "type": "faqs-explainers",
        "date": datetime.date(2022, 10, 12),
        "topics": ["DACA", "Immigrant Youth / SIJS"],
        "summary": (
            "On August 30, 2022, the Biden Administration issued a new rule on Deferred "
            "Action for Childhood Arrivals (DACA) that incorporates DACA into the Federal "
            "Regulations, a process that serves to codify the program into law. Since its "
            "announcement, there have been several questions around who can access DACA now "
            "and what it means for all those first-time applicants who are waiting to obtain "
            "DACA. This Community Explainer details how the rule impacts current DACA "
            "recipients, how ongoing court battles affect how DACA is implemented, and more."
        ),
    },
    {
        "title": "Community Explainer: U, T, and S Visas and California's AB 1261",
        "type": "faqs-explainers",
        "date": datetime.date(2023, 11, 7),
        "topics": ["U Visa / T Visa / VAWA"],
        "summary": (
            "If you are undocumented and have been a victim of a crime, served as a witness "
            "for law enforcement, or have been subject to human trafficking, you may be "
            "eligible to apply for certain forms of immigration status. These are known as "
            "U, T, and S visas. In most cases, the application process for these visas will "
            "require help from a law enforcement agency. This Community Explainer details how "
            "a new California law, AB 1261, aims to better protect immigrants who are "
            "applying for these forms of relief and ensure that California law enforcement "
            "agencies help them when needed."
        ),
    },
    {
        "title": "Comment Opposing Mandatory Bars to Asylum at the Fear Screening Stage",
        "type": "public-comments",
        "date": datetime.date(2024, 6, 12),
        "topics": ["Asylum", "Policy Advocacy"],
        "summary": (
            "On June 12, the ILRC submitted a comment opposing the Biden administration’s "
            "proposed rule that seeks to apply certain mandatory bars to asylum at the fear "
            "screening stage. The proposed rule contradicts the administration’s previous "
            "finding that such a policy would be inconsistent with statutory intent. It would "
            "also deprive asylum seekers of an opportunity to access asylum procedures by "
            "adding legally complex bars to the threshold screening for eligibility."
        ),
    },
    {
        "title": "Post-Conviction Relief for Immigrants in California: Closing the Gap",
        "type": "faqs-explainers",
        "date": datetime.date(2023, 3, 2),
        "topics": ["Post-Conviction Relief", "Crimes and Immigration"],
        "summary": (
            "Thousands of noncitizens in California are at risk of removal because they have "
            "criminal convictions that were unlawfully imposed. California law provides "
            "several ways to eliminate these convictions with post-conviction relief (PCR). "
            "The challenge is that there are not enough PCR experts to meet the need, "
            "especially for low-income immigrants."
        ),
    },
]

# Subjects for the rest of the demo library, by topic.
SUBJECTS = {
    "DACA": [
        "Renewing DACA After the Fifth Circuit Decision",
        "Advance Parole for DACA Recipients",
    ],
    "TPS": ["TPS Redesignation for Venezuela", "Travel and Adjustment for TPS Holders"],
    "Public Charge": ["The 2022 Public Charge Rule", "Public Benefits and Immigration Status"],
    "Immigrant Youth / SIJS": [
        "Special Immigrant Juvenile Status in State Court",
        "SIJS Visa Backlogs and Deferred Action",
    ],
    "U Visa / T Visa / VAWA": [
        "Certifying U Visa Applications",
        "VAWA Self-Petitions for Abused Spouses",
    ],
    "Asylum": ["The One-Year Filing Deadline for Asylum", "Asylum Cooperative Agreements"],
    "Citizenship and Naturalization": [
        "Naturalization Fee Waivers",
        "The 2020 Civics Test and English Requirements",
    ],
    "Immigration Enforcement": [
        "Know Your Rights at Home and Work",
        "ICE Detainers and Local Jails",
    ],
    "Crimes and Immigration": [
        "Immigration Consequences of Drug Offenses",
        "Aggravated Felonies: A Practitioner's Guide",
    ],
    "Post-Conviction Relief": [
        "Vacating Convictions Under Penal Code 1473.7",
        "Record Clearance Options for Noncitizens",
    ],
    "Policy Advocacy": ["Ending Local Cooperation with ICE", "State Funding for Removal Defense"],
    "Civic Participation": ["Voter Registration for New Citizens", "Census Participation"],
}

TITLE_PATTERNS = {
    "toolkits-reports": "{subject}: A Toolkit for Advocates",
    "faqs-explainers": "FAQ: {subject}",
    "public-comments": "Comment on {subject}",
    "practice-advisories": "Practice Advisory: {subject}",
    "community-explainers": "Community Explainer: {subject}",
    "newsletters-annual-reports": "Newsletter: {subject}",
}

SUMMARY_PATTERNS = {
    "toolkits-reports": (
        "This toolkit helps legal-service providers and advocates work on {subject_lower}: "
        "step-by-step guidance, sample documents, and lessons from partners across the country."
    ),
    "faqs-explainers": (
        "Answers to the questions we hear most about {subject_lower}, written for "
        "practitioners and community members, with the latest agency guidance."
    ),
    "public-comments": (
        "The ILRC submitted this comment on {subject_lower}, explaining how the proposal "
        "would affect immigrant communities and what the agency should do instead."
    ),
    "practice-advisories": (
        "This practice advisory explains the law on {subject_lower}, with strategies, "
        "case examples and checklists for attorneys and DOJ-accredited representatives."
    ),
    "community-explainers": (
        "A plain-language explainer on {subject_lower} for immigrants and their families: "
        "who is affected, what to do now, and where to find trustworthy legal help."
    ),
    "newsletters-annual-reports": (
        "Our newsletter on {subject_lower}: updates from the field, new resources from the "
        "ILRC, upcoming trainings, and stories from partners."
    ),
}

FIRST_GENERATED_DATE = datetime.date(2016, 1, 15)
# The generated library ends before the oldest seed item, so that the organisation's
# five "Latest Items" are also the newest on the demo site, as on its real home page.
LAST_GENERATED_DATE = datetime.date(2022, 9, 30)


def load_topics():
    return {
        name: Topic.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in TOPICS
    }


def load_library(parent):
    """The resource library under `parent` (the home page), with the demo publications."""
    index = PublicationIndexPage.objects.child_of(parent).first()
    if index is None:
        index = PublicationIndexPage(
            title="Resources",
            slug="resources",
            intro=(
                "Toolkits, explainers, practice advisories and public comments for "
                "legal-service providers, advocates and immigrant communities."
            ),
        )
        parent.add_child(instance=index)
        publish(index)

    topics = load_topics()
    types = {t.slug: t for t in ResourceType.objects.all()}
    existing = set(PublicationPage.objects.child_of(index).values_list("slug", flat=True))
    for item in [*SEED_PUBLICATIONS, *generated_publications()]:
        slug = slugify(item["title"])[:80]
        if slug in existing:
            continue
        add_publication(index, slug, item, types[item["type"]], [topics[t] for t in item["topics"]])
    return index


def generated_publications():
    """Forty-eight more publications, spread over every type, topic and year.

    Each subject appears as two kinds of resource (a toolkit and a comment, say).
    """
    subjects = [(topic, s) for topic, names in SUBJECTS.items() for s in names]
    type_slugs = list(TITLE_PATTERNS)
    items = [
        (topic, subject, type_slugs[(n + shift) % len(type_slugs)])
        for shift in (0, 3)
        for n, (topic, subject) in enumerate(subjects)
    ]
    span = (LAST_GENERATED_DATE - FIRST_GENERATED_DATE).days
    for n, (topic, subject, type_slug) in enumerate(items):
        second_topic = TOPICS[(TOPICS.index(topic) + 5) % len(TOPICS)]
        yield {
            "title": TITLE_PATTERNS[type_slug].format(subject=subject),
            "type": type_slug,
            "date": FIRST_GENERATED_DATE + datetime.timedelta(days=span * n // len(items)),
            "topics": [topic, second_topic] if n % 3 == 0 else [topic],
            "summary": SUMMARY_PATTERNS[type_slug].format(subject_lower=sentence_case(subject)),
        }


def sentence_case(title):
    """'ICE Detainers and Local Jails' -> 'ICE detainers and local jails' (acronyms kept)."""
    return " ".join(w.lower() if w[1:].islower() else w for w in title.split())


def add_publication(index, slug, item, resource_type, topics):
    body = [
        {"type": "heading", "value": {"text": "What this resource covers", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                f"<p>This {resource_type.name.lower()} resource is written by ILRC attorneys "
                "and policy staff. It reflects the law and agency practice as of its "
                "publication date; check the library for newer guidance on the same topic.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "Who it is for", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Legal-service providers, DOJ-accredited representatives, advocates and "
                "community members. Download the full text below.</p>"
            ),
        },
    ]
    page = PublicationPage(
        title=item["title"],
        slug=slug,
        date=item["date"],
        resource_type=resource_type,
        summary=item["summary"],
        body=body,
    )
    page.topics.set(topics)
    page.downloads.add(
        page.downloads.model(
            document=get_or_create_pdf(item["title"], item["summary"]),
        )
    )
    index.add_child(instance=page)
    publish(page)
    return page
