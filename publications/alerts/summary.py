"""Email alerts as staff see them: how many readers follow which views of the library,
and what a stored view means in words. Never who follows them."""

from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qs

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import get_language_info

from publications.models import Alert, ResourceType, Topic

ALL_TOPICS = "All topics"
ALL_TYPES = "All types"


class FilterNames:
    """The names of the library's types and topics by slug, in the order of the library's
    filters (the models' ordering). A slug that no longer exists is named by itself."""

    def __init__(self):
        self.types = dict(ResourceType.objects.values_list("slug", "name"))
        self.topics = dict(Topic.objects.values_list("slug", "name"))

    def type_names(self, slugs):
        return [self.types.get(slug, slug) for slug in slugs]

    def topic_names(self, slugs):
        return [self.topics.get(slug, slug) for slug in slugs]


def language_name(code):
    """The language's name in English ("Spanish"), as the rest of the admin speaks."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def describe_view(query, names):
    """The filters of a stored query string, in words: "Type: FAQs & Explainers; Topic: DACA"."""
    params = parse_qs(query)
    parts = []
    if params.get("q"):
        parts.append(f"Words: {' '.join(params['q'])}")
    if params.get("type"):
        parts.append(f"Type: {', '.join(names.type_names(params['type']))}")
    if params.get("topic"):
        parts.append(f"Topic: {', '.join(names.topic_names(params['topic']))}")
    if params.get("date_from"):
        parts.append(f"From {params['date_from'][0]}")
    if params.get("date_to"):
        parts.append(f"To {params['date_to'][0]}")
    return "; ".join(parts) or "The whole library"


@dataclass
class AlertCounts:
    confirmed: int
    awaiting_confirmation: int
    # (name, count) in the library filters' order, "All ..." first, unknown slugs last.
    topics: list
    types: list
    # The languages' names, then one row per frequency: (label, counts by language, total).
    languages: list
    frequencies: list


def count_alerts():
    """The confirmed alerts per topic, per type, and per frequency and language, with the
    totals, in five queries however many alerts there are.

    The database groups the alerts by their query string, so Python parses each distinct
    view once and weighs it by its number of alerts: readers share views, and even when
    none do this is one pass over a single column.
    """
    names = FilterNames()
    alerts = Alert.objects.order_by()
    totals = alerts.aggregate(
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        awaiting=Count("pk", filter=Q(confirmed_at__isnull=True)),
    )
    confirmed = alerts.filter(confirmed_at__isnull=False)
    views = [
        (parse_qs(query), count)
        for query, count in confirmed.values_list("query").annotate(count=Count("pk"))
    ]
    languages, frequencies = _per_frequency_and_language(confirmed)
    return AlertCounts(
        confirmed=totals["confirmed"],
        awaiting_confirmation=totals["awaiting"],
        topics=_per_filter(views, "topic", names.topics, ALL_TOPICS),
        types=_per_filter(views, "type", names.types, ALL_TYPES),
        languages=languages,
        frequencies=frequencies,
    )


def _per_frequency_and_language(confirmed):
    """The languages' names, and a row of counts by language for each frequency."""
    by_both = confirmed.values_list("frequency", "language").annotate(count=Count("pk"))
    table = {(frequency, language): count for frequency, language, count in by_both}
    codes = [code for code, _name in settings.LANGUAGES]
    # A language since dropped from the settings still has its readers counted.
    codes += sorted({language for _frequency, language in table} - set(codes))
    frequencies = []
    for frequency, label in Alert.Frequency.choices:
        row = [table.get((frequency, code), 0) for code in codes]
        frequencies.append((label, row, sum(row)))
    return [language_name(code) for code in codes], frequencies


def _per_filter(views, key, names, everything):
    """The alerts per value of one filter of the (parsed query, count) `views`: an alert
    filtering by two topics counts for each, one without the filter under `everything`."""
    counts = Counter()
    for params, count in views:
        for slug in set(params.get(key, [])) or {None}:
            counts[slug] += count
    rows = [(everything, counts.pop(None, 0))]
    rows += [(name, counts.pop(slug, 0)) for slug, name in names.items()]
    rows += sorted(counts.items())  # slugs that no longer exist, named by themselves
    return rows
