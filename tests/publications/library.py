"""What a reader sees on the library's pages, read from the HTML, for the listing's tests."""

import re

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    """The result titles on the page, in order."""
    return [h.get_text(strip=True) for h in soup(response).select(".result-list .card-title")]


def result_count(response):
    """The number in the results heading ("37 results")."""
    heading = soup(response).select_one("#results-heading").get_text(" ", strip=True)
    return int(re.match(r"(\d+) results?", heading)[1])


def facet_counts(response, name):
    """{slug: count} beside each checkbox of the `name` filter ("type" or "topic")."""
    page = soup(response)
    counts = {}
    for box in page.select(f'input[type=checkbox][name="{name}"]'):
        label = page.select_one(f'label[for="{box["id"]}"]')
        counts[box["value"]] = int(re.search(r"\((\d+)", label.get_text())[1])
    return counts


def field_error(response, name):
    """The message shown next to field `name`, or None."""
    error = soup(response).select_one(f"#id_{name}_errors")
    return error.get_text(" ", strip=True) if error else None


def links(response, selector):
    return [a["href"] for a in soup(response).select(selector)]
