"""What the API answers, as OpenAPI schemas (django-ninja's, on pydantic)."""

import datetime

from ninja import Field, Schema


class Named(Schema):
    slug: str = Field(description="Used in the `type` and `topic` parameters.")
    name: str = Field(description="As the site shows it, in the item's language.")


class Translation(Schema):
    language: str = Field(description="Language code, such as `es`.")
    id: int
    url: str


class Download(Schema):
    url: str
    title: str
    language: str = Field(description="Language code of the document's text, such as `es`.")
    size: int | None = Field(description="In bytes.")
    content_type: str = Field(description="Such as `application/pdf`.")


class Item(Schema):
    id: int
    title: str
    url: str = Field(description="The item's page on the site.")
    type: Named
    topics: list[Named]
    date: datetime.date = Field(description="The publication date readers see.")
    last_updated: datetime.datetime | None = Field(description="When it was last published.")
    summary: str
    language: str = Field(description="Language code, such as `en`.")
    translations: list[Translation] = Field(description="The same item in other languages.")
    downloads: list[Download]


class ItemPage(Schema):
    count: int = Field(description="How many items match, on every page.")
    page: int
    pages: int = Field(description="How many pages of results there are (0 with no match).")
    next: str | None = Field(description="The next page's address, with the same filters.")
    previous: str | None
    results: list[Item]


class Facet(Named):
    count: int = Field(description="Live items of this one, in the language asked for.")


class Errors(Schema):
    errors: dict[str, list[str]] = Field(
        description="For each parameter that is not valid, why; in the language asked for."
    )


class Message(Schema):
    detail: str
