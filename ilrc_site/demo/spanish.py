"""The Spanish demo site: translations of the English demo pages, in their own page tree.

Each Spanish page is a translation of an English one (Wagtail's `copy_for_translation`,
the same link between the two that wagtail-localize's editor makes), with its text
from spanish_text.py. Idempotent: a page already translated is left as it is.
"""

from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from base.demo import get_or_create_pdf, publish
from base.models import SiteImage
from ilrc_site.models import HomePage, StandardPage
from ilrc_site.site_chrome import NavigationSettings
from programs.models import ProgramIndexPage, ProgramPage, StoryPage
from publications.models import (
    PolicyResourcePage,
    PublicationIndexPage,
    PublicationPage,
    ResourceType,
    Topic,
    TopicPage,
)

from . import spanish_text as es

LANGUAGE = "es"


def load_spanish():
    """Translate the English demo site into Spanish; returns the Spanish home page."""
    locale, _ = Locale.objects.get_or_create(language_code=LANGUAGE)
    load_names()
    home = HomePage.objects.get(locale__language_code="en")
    home_es = translate(home, locale, title=es.HOME["title"], slug=es.HOME["slug"], **home_text())
    translate_library(locale)
    programs = translate_programs(locale)
    policy = translate_policy(locale)
    for page in TopicPage.objects.filter(locale=home.locale, slug__in=es.TOPIC_PAGES):
        translate(page, locale, **es.TOPIC_PAGES[page.slug])
    for page in StandardPage.objects.filter(locale=home.locale, slug__in=es.STANDARD_PAGES):
        text = dict(es.STANDARD_PAGES[page.slug])
        text["body"] = blocks(text["body"])
        translate(page, locale, **text)
    feature_translations(home_es, policy, programs)
    return home_es


def load_names():
    """The Spanish names of types and topics, the navigation's labels and the demo
    images' alt text."""
    for model, names, key in ((ResourceType, es.TYPES, "slug"), (Topic, es.TOPICS, "name")):
        for item in model.objects.filter(**{f"{key}__in": names}):
            if LANGUAGE not in item.name_translations:
                item.name_translations[LANGUAGE] = names[getattr(item, key)]
                item.save(update_fields=["name_translations"])
    for navigation in NavigationSettings.objects.all():
        for link in navigation.links.select_related("page"):
            label = es.NAVIGATION.get(link.page.slug if link.page_id else "")
            if label and LANGUAGE not in link.label_translations:
                link.label_translations[LANGUAGE] = label
                link.save(update_fields=["label_translations"])
    for image in SiteImage.objects.all():
        stem = Path(image.file.name).name.split(".")[0]
        for name, alt in es.IMAGE_ALT.items():
            if stem.startswith(Path(name).stem) and LANGUAGE not in image.description_translations:
                image.description_translations[LANGUAGE] = alt
                image.save(update_fields=["description_translations"])


def translate(page, locale, prepare=None, **text):
    """`page`'s live translation into `locale`, made from `text` (field values) and
    `prepare(translation)` if it has none yet. Its parent must have been translated first."""
    page = page.specific
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    with transaction.atomic():
        translated = page.copy_for_translation(locale).specific
        for field, value in text.items():
            setattr(translated, field, value)
        if prepare is not None:
            prepare(translated)
        return publish(translated)


def home_text():
    fields = ["hero_heading", "hero_tagline", "search_description", "featured_title"]
    fields += ["featured_teaser", "programs_heading", "latest_heading"]
    return {field: es.HOME[field] for field in fields if field in es.HOME}


def translate_library(locale):
    index = PublicationIndexPage.objects.get(locale__language_code="en")
    translate(index, locale, **es.LIBRARY)
    english = {p.slug: p for p in PublicationPage.objects.filter(locale=index.locale)}
    for item in es.PUBLICATIONS:
        translate(
            english[item["source_slug"]],
            locale,
            prepare=lambda page, item=item: spanish_download(page, item),
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            body=sections(item["body"]),
        )


def spanish_download(page, item):
    """The Spanish page's own download: a Spanish PDF, in place of the English one."""
    download = page.downloads.first()
    if download is not None:
        download.document = get_or_create_pdf(item["title"], item["summary"])
        download.language = LANGUAGE
        download.save()


def translate_programs(locale):
    index = ProgramIndexPage.objects.get(locale__language_code="en")
    translate(index, locale, **es.PROGRAMS["programs"])
    programs = []
    for program in ProgramPage.objects.filter(locale=index.locale).order_by("path"):
        text = dict(es.PROGRAMS.get(program.slug, {}))
        if not text:
            continue
        text["body"] = sections(text["body"])
        programs.append(translate(program, locale, **text))
    for story in StoryPage.objects.filter(locale=index.locale, slug__in=es.STORIES):
        text = dict(es.STORIES[story.slug])
        paragraphs = text.pop("paragraphs")
        text["body"] = [{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs]
        translate(story, locale, **text)
    return programs


def translate_policy(locale):
    page = PolicyResourcePage.objects.filter(locale__language_code="en").first()
    if page is None:
        return None

    def examples_in_spanish(translated):
        examples = translated.examples.all()
        for example, text in zip(examples, es.POLICY["examples"], strict=False):
            example.jurisdiction = text["jurisdiction"]
            example.source_title = text["source"]
            example.text = text["text"]
            example.save()

    return translate(
        page,
        locale,
        prepare=examples_in_spanish,
        title=es.POLICY["title"],
        slug=es.POLICY["slug"],
        summary=es.POLICY["summary"],
        body=blocks(es.POLICY["body"]),
    )


def feature_translations(home, policy, programs):
    """The Spanish home page features the Spanish policy page and programs."""
    changed = False
    if policy is not None and home.featured_page_id != policy.pk:
        home.featured_page = policy
        changed = True
    chosen = [choice.program_id for choice in home.featured_programs.all()]
    if programs and chosen != [p.pk for p in programs]:
        home.featured_programs = [
            home.featured_programs.model(program=program, sort_order=order)
            for order, program in enumerate(programs)
        ]
        changed = True
    if changed:
        publish(home)


def sections(pairs):
    """[(heading, paragraph)] as body blocks."""
    body = []
    for heading, text in pairs:
        body.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        body.append({"type": "paragraph", "value": f"<p>{text}</p>"})
    return body


def blocks(pairs):
    """[(kind, text)], kind "heading" or "paragraph", as body blocks."""
    return [
        {"type": "heading", "value": {"text": text, "level": "h2"}}
        if kind == "heading"
        else {"type": "paragraph", "value": text if text.startswith("<") else f"<p>{text}</p>"}
        for kind, text in pairs
    ]
