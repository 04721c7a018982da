from .media import SiteImage, SiteRendition
from .pages import (
    DatedPage,
    PublicationDownload,
    PublicationIndexPage,
    PublicationPage,
    RelatedItem,
)
from .taxonomy import PageTopic, ResourceType, Topic

__all__ = [
    "DatedPage",
    "PageTopic",
    "PublicationDownload",
    "PublicationIndexPage",
    "PublicationPage",
    "RelatedItem",
    "ResourceType",
    "SiteImage",
    "SiteRendition",
    "Topic",
]
