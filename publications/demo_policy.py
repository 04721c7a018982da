"""Demo content: the local policy-language resource and its examples."""

import datetime

from django.utils.html import strip_tags

from base.demo import get_or_create_pdf, publish

from .models import PolicyExample, PolicyResourcePage, ResourceType, Topic

TITLE = "Local Policy Interventions for Protecting Immigrants"
SUMMARY = (
    "Local policies are the main drivers of policing, prosecution, and the deportation "
    "machine. This resource provides examples of effective policy language localities can "
    "use to protect community members."
)
INTRO = [
    {"type": "heading", "value": {"text": "How to use these examples", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<p>Each example below comes from a city, county or state that has adopted it, "
            "lightly adapted so it can be reused. Filter by policy area, copy the language, "
            "and fit it to your jurisdiction's codes and definitions. Always read the source: "
            "state law, court decisions and local charters differ, and what works in one "
            "place may need changes in another.</p>"
        ),
    },
    {
        "type": "paragraph",
        "value": (
            "<p>Advocates drafting a new policy can contact the ILRC's policy team for a "
            "review of their draft language.</p>"
        ),
    },
]

LEGINFO = "https://leginfo.legislature.ca.gov/faces/"
TRUTH_ACT = LEGINFO + "billNavClient.xhtml?bill_id=201520160AB2792"
PENAL_CODE_1016_3 = LEGINFO + "codes_displaySection.xhtml?lawCode=PEN&sectionNum=1016.3"

# Each example has a link ("url") or, failing one, a PDF of the source is generated.
EXAMPLES = [
    {
        "area": "detainers",
        "jurisdiction": "Santa Clara County, California",
        "year": 2011,
        "source": "Board of Supervisors policy on civil immigration detainer requests",
        "text": (
            "<p>The County shall not honor a civil immigration detainer request issued by "
            "U.S. Immigration and Customs Enforcement unless it is accompanied by a judicial "
            "warrant. No County personnel shall hold a person in custody beyond the time that "
            "person is otherwise eligible for release on the basis of such a request.</p>"
        ),
    },
    {
        "area": "detainers",
        "jurisdiction": "Cook County, Illinois",
        "year": 2011,
        "source": "County ordinance on policy for responding to ICE detainers",
        "text": (
            "<p>The Sheriff of Cook County shall decline requests by federal immigration "
            "authorities to detain individuals beyond the date and time they would otherwise "
            "be released, and no County resources shall be expended in responding to such "
            "requests.</p>"
        ),
    },
    {
        "area": "jail-access",
        "jurisdiction": "State of California",
        "year": 2016,
        "source": "Transparent Review of Unjust Transfers and Holds (TRUTH) Act",
        "url": TRUTH_ACT,
        "text": (
            "<p>In advance of any interview between federal immigration authorities and an "
            "individual in local custody regarding civil immigration violations, the local "
            "law enforcement agency shall provide the individual with a written consent form "
            "that explains:</p>"
            "<ol><li>the purpose of the interview;</li>"
            "<li>that the interview is <b>voluntary</b>; and</li>"
            "<li>that the individual may decline to be interviewed or may choose to be "
            "interviewed only with an attorney present.</li></ol>"
        ),
    },
    {
        "area": "jail-access",
        "jurisdiction": "King County, Washington",
        "year": 2018,
        "source": "County ordinance limiting access to county facilities",
        "text": (
            "<p>No agent of U.S. Immigration and Customs Enforcement shall be given access to "
            "any nonpublic area of a County facility, including a detention facility, or to "
            "any person in County custody, for the purpose of investigating or enforcing civil "
            "immigration law, unless the agent presents a judicial warrant.</p>"
        ),
    },
    {
        "area": "data-sharing",
        "jurisdiction": "State of New York",
        "year": 2019,
        "source": "Driver's License Access and Privacy Act",
        "text": (
            "<p>The commissioner shall not disclose or make accessible, in any manner, records "
            "or information maintained by the department to any agency that primarily enforces "
            "immigration law, or to any employee or agent of such agency, unless the "
            "commissioner is presented with a lawful court order or judicial warrant signed by "
            "a judge.</p>"
        ),
    },
    {
        "area": "data-sharing",
        "jurisdiction": "State of Washington",
        "year": 2019,
        "source": "Keep Washington Working Act",
        "text": (
            "<p>State agencies shall not provide nonpublic personal information about an "
            "individual, including place of birth, immigration or citizenship status, "
            "residential address, or the date of release from custody, to federal immigration "
            "authorities for the purpose of civil immigration enforcement, except as required "
            "by state or federal law.</p>"
        ),
    },
    {
        "area": "prosecution",
        "jurisdiction": "State of California",
        "year": 2015,
        "source": "Penal Code section 1016.3 (AB 1343)",
        "url": PENAL_CODE_1016_3,
        "text": (
            "<p>The prosecution, in the interests of justice, and in furtherance of the "
            "findings of the Legislature, shall consider the avoidance of adverse immigration "
            "consequences in the plea negotiation process as one factor in an effort to reach "
            "a just resolution.</p>"
        ),
    },
    {
        "area": "prosecution",
        "jurisdiction": "Kings County (Brooklyn), New York",
        "year": 2017,
        "source": "District Attorney's office policy on immigration consequences",
        "text": (
            "<p>Assistant district attorneys shall consider the collateral immigration "
            "consequences of a conviction when making charging decisions and plea offers, and "
            "shall, where consistent with public safety, offer a disposition that avoids "
            "<i>disproportionate</i> consequences such as mandatory detention or deportation.</p>"
        ),
    },
    {
        "area": "public-defense",
        "jurisdiction": "State of California",
        "year": 2015,
        "source": "Penal Code section 1016.3 (AB 1343)",
        "url": PENAL_CODE_1016_3,
        "text": (
            "<p>Defense counsel shall provide accurate and affirmative advice about the "
            "immigration consequences of a proposed disposition, and when consistent with the "
            "goals of and with the informed consent of the defendant, and consistent with "
            "professional standards, defend against those consequences.</p>"
        ),
    },
    {
        "area": "funding",
        "jurisdiction": "New York City, New York",
        "year": 2014,
        "source": "City Council budget terms for universal representation",
        "text": (
            "<p>Funds appropriated under this program shall provide free legal representation "
            "to every person who is detained and facing removal proceedings in the "
            "jurisdiction's immigration courts and whose household income is at or below "
            "200 percent of the federal poverty guidelines, <b>without regard to the merits of "
            "the case</b> or to any prior criminal conviction.</p>"
        ),
    },
    {
        "area": "funding",
        "jurisdiction": "Denver, Colorado",
        "year": 2017,
        "source": "Ordinance establishing the Immigrant Legal Services Fund",
        "text": (
            "<p>There is hereby created a special revenue fund to provide grants to nonprofit "
            "organizations for legal representation of city residents in removal proceedings. "
            "Grants shall be awarded through a competitive process, and no grant may be "
            "conditioned on the immigration status or criminal history of the persons "
            "served.</p>"
        ),
    },
]


def load_policy_resource(home):
    """The policy-language page under the home page, with its examples; once."""
    page = PolicyResourcePage.objects.first()
    if page is not None:
        return page
    page = PolicyResourcePage(
        title=TITLE,
        slug="local-policy-interventions",
        date=datetime.date(2022, 6, 14),
        resource_type=ResourceType.objects.get(slug="toolkits-reports"),
        summary=SUMMARY,
        body=INTRO,
    )
    page.topics.set(Topic.objects.filter(slug__in=["immigration-enforcement", "policy-advocacy"]))
    # Orderables keep their order by sort_order, which only the admin's forms fill in.
    for order, example in enumerate(EXAMPLES):
        page.examples.add(
            PolicyExample(
                sort_order=order,
                area=example["area"],
                jurisdiction=example["jurisdiction"],
                year=example["year"],
                text=example["text"],
                source_title=example["source"],
                source_url=example.get("url", ""),
                source_document=None if "url" in example else source_pdf(example),
            )
        )
    home.add_child(instance=page)
    return publish(page)


def source_pdf(example):
    where = f"{example['jurisdiction']}, {example['year']}"
    return get_or_create_pdf(
        f"{example['source']} ({where})", f"{where}.\n\n{strip_tags(example['text'])}"
    )
