"""Demo content: the three programs from the organisation's home page, and stories."""

import datetime

from base.demo import publish
from publications.models import Topic

from .models import ProgramIndexPage, ProgramPage, ProgramPartner, StoryPage

PROGRAMS = [
    {
        "title": "Immigrant Justice Network",
        "slug": "immigrant-justice-network",
        "acronym": "IJN",
        "website": "https://www.immigrantjusticenetwork.org",
        "intro": (
            "The Immigrant Justice Network (IJN) engages in advocacy, education, technical "
            "assistance, training, communications, and litigation to address the needs of "
            "those caught in the intersection of the criminal justice and immigration systems."
        ),
        "body": [
            (
                "Why the network exists",
                "When a criminal case can end in deportation, immigrants need defenders, "
                "prosecutors and judges who understand the consequences, and laws that do not "
                "turn every arrest into a path to removal. The network brings together legal "
                "experts and community organizers to change both.",
            ),
            (
                "What we do",
                "We train criminal defense attorneys and public defenders, support "
                "post-conviction relief, litigate the immigration consequences of convictions, "
                "and back local and national campaigns to end the criminalization of "
                "immigrants.",
            ),
        ],
        "topics": ["crimes-and-immigration", "post-conviction-relief", "immigration-enforcement"],
        "partners": [
            ("Immigrant Defense Project", "https://www.immigrantdefenseproject.org"),
            (
                "National Immigration Project of the National Lawyers Guild",
                "https://nipnlg.org",
            ),
        ],
    },
    {
        "title": "New Americans Campaign",
        "slug": "new-americans-campaign",
        "acronym": "NAC",
        "website": "https://newamericanscampaign.org",
        "intro": (
            "The New Americans Campaign (NAC), a project of the ILRC, is a nonpartisan, "
            "groundbreaking national network of legal-service providers, faith-based "
            "organizations, businesses, foundations and community leaders that is paving a "
            "better road to citizenship."
        ),
        "body": [
            (
                "A better road to citizenship",
                "Millions of lawful permanent residents are eligible to become U.S. citizens "
                "but have not applied, held back by cost, fear of the process, or not knowing "
                "where to find trustworthy help. The campaign's partners offer free, expert "
                "help with the naturalization application, fee waivers and the civics test.",
            ),
            (
                "Workshops across the country",
                "Partners hold large naturalization workshops where volunteers, attorneys and "
                "DOJ-accredited representatives help hundreds of applicants in a single day.",
            ),
        ],
        "topics": ["citizenship-and-naturalization", "civic-participation"],
        "partners": [
            ("Catholic Legal Immigration Network (CLINIC)", "https://www.cliniclegal.org"),
            ("NALEO Educational Fund", "https://www.naleo.org"),
            ("National Partnership for New Americans", "https://partnershipfornewamericans.org"),
            ("OneAmerica", "https://weareoneamerica.org"),
        ],
    },
    {
        "title": "Collective Freedom Project",
        "slug": "collective-freedom-project",
        "acronym": "",
        "website": "",
        "intro": (
            "The Collective Freedom Project tells the stories of the local efforts where "
            "people — both U.S. citizens and non U.S. citizens — came together to fight "
            "unique campaigns against criminalization in their communities."
        ),
        "body": [
            (
                "Stories from the ground",
                "Each story records how a community organized: who was at the table, what "
                "they asked their city council, county board or sheriff to change, what "
                "opposition they met, and what they won. We share them so that the next "
                "campaign can start from what others have learned.",
            ),
        ],
        "topics": ["immigration-enforcement", "policy-advocacy"],
        "partners": [],
    },
]

STORIES = [
    {
        "title": "Harris County Ends Its 287(g) Agreement",
        "slug": "harris-county-ends-its-287g-agreement",
        "place": "Houston, Texas",
        "date": datetime.date(2022, 10, 3),
        "topics": ["immigration-enforcement", "policy-advocacy"],
        "summary": (
            "For years, anyone booked into the Harris County jail could be questioned by "
            "deputies acting as immigration agents. Immigrant families, faith congregations "
            "and criminal justice reformers organized together until the sheriff ended the "
            "agreement that made it possible."
        ),
        "paragraphs": [
            "Under a 287(g) agreement, local officers are trained and deputized to carry out "
            "federal immigration enforcement. In Houston, it meant that a traffic stop could "
            "end in deportation, and that many residents stopped calling the police at all.",
            "The coalition that formed against it was broad: U.S.-citizen children of deported "
            "parents testified at public meetings, pastors spoke from their pulpits, and "
            "public defenders documented how the program reached people never convicted of "
            "anything. They made the program an issue in the sheriff's election.",
            "When the new sheriff took office, he ended the agreement and moved the money to "
            "jail staffing. Organizers now watch how the jail answers detainer requests, and "
            "share what they learned with campaigns in other Texas counties.",
        ],
    },
    {
        "title": "How Santa Ana Closed Its Immigration Detention Contract",
        "slug": "santa-ana-closed-its-immigration-detention-contract",
        "place": "Santa Ana, California",
        "date": datetime.date(2021, 5, 18),
        "topics": ["immigration-enforcement"],
        "summary": (
            "The city jail rented beds to immigration authorities and depended on the income. "
            "A coalition of residents, students and formerly detained people persuaded the "
            "city council to phase the contract out and end it."
        ),
        "paragraphs": [
            "For more than a decade, the city's jail held people for immigration authorities "
            "under a contract that paid by the bed. The council had come to rely on the income, "
            "and few residents knew that people were detained a few blocks from city hall.",
            "Organizers changed that. Formerly detained people spoke about conditions inside, "
            "students held vigils outside every council meeting, and budget analysts showed "
            "that the contract cost the city more than it earned.",
            "The council voted to stop accepting new detainees and then to end the contract. "
            "The campaign became a model for communities with detention contracts of their own.",
        ],
    },
    {
        "title": "Oregon Voters Keep the Nation's First Sanctuary Law",
        "slug": "oregon-voters-keep-the-first-sanctuary-law",
        "place": "Oregon",
        "date": datetime.date(2020, 9, 9),
        "topics": ["policy-advocacy", "civic-participation"],
        "summary": (
            "A ballot measure sought to repeal the state law that keeps local police out of "
            "federal immigration enforcement. A statewide coalition of citizens and noncitizens "
            "defeated it by a wide margin."
        ),
        "paragraphs": [
            "Oregon's law, passed with bipartisan support in 1987, bars state and local "
            "agencies from using their resources to find and arrest people whose only "
            "violation is of federal immigration law.",
            "When a repeal measure reached the ballot, farmworker unions, sheriffs, business "
            "owners and faith leaders campaigned side by side. U.S.-citizen volunteers knocked "
            "on doors for neighbors who could not vote.",
            "Voters rejected the repeal by a wide margin, and the coalition went on to win "
            "stronger protections in the state legislature.",
        ],
    },
]


def load_programs(home, images):
    """/programs/ with the three programs and the Collective Freedom Project's stories.

    `images` maps program slugs to images (the site's demo photos). Returns the programs
    in the home page's order.
    """
    index = ProgramIndexPage.objects.first()
    if index is None:
        index = ProgramIndexPage(
            title="Projects and Networks",
            slug="programs",
            intro=(
                "The ILRC leads and takes part in national projects and networks with "
                "partners across the country."
            ),
        )
        home.add_child(instance=index)
        publish(index)

    existing = {p.slug: p for p in ProgramPage.objects.child_of(index)}
    programs = [
        existing.get(spec["slug"]) or add_program(index, spec, images.get(spec["slug"]))
        for spec in PROGRAMS
    ]
    stories_of = programs[-1]
    present = set(StoryPage.objects.child_of(stories_of).values_list("slug", flat=True))
    for spec in STORIES:
        if spec["slug"] not in present:
            add_story(stories_of, spec)
    return programs


def add_program(index, spec, image):
    body = []
    for heading, text in spec["body"]:
        body.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        body.append({"type": "paragraph", "value": f"<p>{text}</p>"})
    program = ProgramPage(
        title=spec["title"],
        slug=spec["slug"],
        acronym=spec["acronym"],
        website=spec["website"],
        intro=spec["intro"],
        image=image,
        body=body,
        search_description=spec["intro"],
    )
    program.topics.set(Topic.objects.filter(slug__in=spec["topics"]))
    for order, (name, url) in enumerate(spec["partners"]):
        program.partners.add(ProgramPartner(name=name, url=url, sort_order=order))
    index.add_child(instance=program)
    return publish(program)


def add_story(program, spec):
    story = StoryPage(
        title=spec["title"],
        slug=spec["slug"],
        place=spec["place"],
        date=spec["date"],
        summary=spec["summary"],
        body=[{"type": "paragraph", "value": f"<p>{text}</p>"} for text in spec["paragraphs"]],
    )
    story.topics.set(Topic.objects.filter(slug__in=spec["topics"]))
    program.add_child(instance=story)
    return publish(story)
