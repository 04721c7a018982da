"""Legacy HTML into a page body: the blocks and rich text an editor could have written.

Old sites store bodies as free-form HTML (inline styles, fonts, tables, scripts,
images pointing at servers that are gone). This keeps the words and the structure
an editor can express (section headings, paragraphs, lists, links, bold and
italic) and drops the rest. The last steps are Wagtail's own: its whitelisting
for the paragraph block's editor features, then a pass through the editor's
format (contentstate) and back, so that the stored text is what the editor itself
would save.
"""

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.whitelist import check_url

from base.blocks import RICH_TEXT_FEATURES

HEADING_MAX_LENGTH = 200

# Removed with everything inside them: never readable text.
DROPPED = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "head",
    "title",
    "meta",
    "link",
]
# Containers that only group other elements.
WRAPPERS = {
    "html",
    "body",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "dl",
    "figure",
}
BLOCK_TAGS = {"p", "div", "ul", "ol", "li", "blockquote", "pre", "hr"} | {
    f"h{level}" for level in range(1, 7)
}
SECTION_HEADINGS = {"h1", "h2"}

# The editor adds a random key to each block; without them, importing the same
# text twice gives the same value, which is how a second import sees no change.
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')

_converters = {}


def _converter(kind):
    # Built once: building one reads Wagtail's feature registry.
    if kind not in _converters:
        _converters[kind] = kind(features=RICH_TEXT_FEATURES)
    return _converters[kind]


def as_the_editor_saves(html):
    """Rich text through Wagtail's whitelisting, then as the editor would store it."""
    html = _converter(EditorHTMLConverter).to_database_format(html)
    editor = _converter(ContentstateConverter)
    return BLOCK_KEY.sub("", editor.to_database_format(editor.from_database_format(html)))


def clean_body(html):
    """The body blocks (StreamField raw data) for a legacy HTML body."""
    if not html or not html.strip():
        return []
    soup = BeautifulSoup(html, "html.parser")
    _simplify(soup)

    blocks = []
    run = []  # consecutive top-level nodes that form one paragraph block

    def flush():
        block = _paragraph_block(run)
        if block:
            blocks.append(block)
        run.clear()

    for node in list(soup.contents):
        if isinstance(node, Tag) and node.name in SECTION_HEADINGS:
            flush()
            text = node.get_text(" ", strip=True)
            if text:
                blocks.append(
                    {"type": "heading", "value": {"text": text[:HEADING_MAX_LENGTH], "level": "h2"}}
                )
        elif isinstance(node, Tag) and node.name == "blockquote":
            flush()
            text = node.get_text(" ", strip=True)
            if text:
                blocks.append({"type": "quote", "value": {"quote": text, "attribution": ""}})
        else:
            run.append(node)
    flush()
    return blocks


def plain_text(blocks, max_words):
    """The first `max_words` words of the body's text: the teaser old sites showed."""
    words = []
    for block in blocks:
        if block["type"] == "paragraph":
            soup = BeautifulSoup(block["value"], "html.parser")
            for line_break in soup.find_all("br"):
                line_break.replace_with(" ")
            # Paragraphs, items and headings apart; inline text runs on, punctuation too.
            text = " ".join(tag.get_text() for tag in soup.find_all(["p", "li", "h3", "h4"]))
        elif block["type"] == "quote":
            text = block["value"]["quote"]
        else:
            continue
        words.extend(text.split())
        if len(words) >= max_words:
            return " ".join(words[:max_words]) + "…"
    return " ".join(words)


def _simplify(soup):
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(DROPPED):
        tag.decompose()
    for table in soup.find_all("table"):
        _table_to_paragraphs(soup, table)
    for tag in soup.find_all(["dt", "dd", "figcaption", "pre"]):
        tag.name = "p"
    for tag in soup.find_all(["h5", "h6"]):
        tag.name = "h4"
    for tag in soup.find_all(WRAPPERS):
        tag.unwrap()
    # Innermost first, so that a div's children are final when it is looked at.
    for div in reversed(soup.find_all("div")):
        if any(isinstance(child, Tag) and child.name in BLOCK_TAGS for child in div.children):
            div.unwrap()
        else:
            div.name = "p"
    for paragraph in soup.find_all("p"):
        if paragraph.find_parent(["p", "li", "h1", "h2", "h3", "h4"]):
            paragraph.unwrap()
    # Anchors without a usable address (named anchors, javascript:) keep only their text.
    for link in soup.find_all("a"):
        if not link.get("href") or check_url(link["href"]) is None:
            link.unwrap()
    # Empty paragraphs were spacing; the site's stylesheet spaces paragraphs itself.
    for tag in soup.find_all(["p", "li", "h3", "h4"]):
        if not tag.get_text(strip=True):
            tag.decompose()


def _table_to_paragraphs(soup, table):
    """A table becomes one paragraph per row, its cells separated by ' | '."""
    rows = []
    for row in table.find_all("tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
        cells = [cell for cell in cells if cell]
        if cells:
            paragraph = soup.new_tag("p")
            paragraph.string = " | ".join(cells)
            rows.append(paragraph)
    if rows:
        table.replace_with(*rows)
    else:
        table.decompose()


def _paragraph_block(nodes):
    """One rich-text block from top-level nodes, with loose inline content put in paragraphs."""
    parts = []
    inline = []

    def close_inline():
        text = "".join(str(node) for node in inline)
        if text.strip():
            parts.append(f"<p>{text.strip()}</p>")
        inline.clear()

    for node in nodes:
        if isinstance(node, Tag) and node.name in BLOCK_TAGS:
            close_inline()
            parts.append(str(node))
        elif isinstance(node, NavigableString | Tag):
            inline.append(node)
    close_inline()

    html = as_the_editor_saves("".join(parts))
    if not BeautifulSoup(html, "html.parser").get_text().strip():
        return None
    return {"type": "paragraph", "value": html}
