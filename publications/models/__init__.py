from .media import SiteImage, SiteRendition
from .pages import (
    DatedPage,
    PublicationDownload,
    PublicationIndexPage,
    PublicationPage,
    RelatedItem,
)
from .policy import POLICY_AREAS, PolicyExample, PolicyResourcePage
from .taxonomy import PageTopic, ResourceType, Topic
from .topic_page import TopicPage, TopicPopularResource

__all__ = [
    "DatedPage",
    "PageTopic",
    "POLICY_AREAS",
    "PolicyExample",
    "PolicyResourcePage",
    "PublicationDownload",
    "PublicationIndexPage",
    "PublicationPage",
    "RelatedItem",
    "ResourceType",
    "SiteImage",
    "SiteRendition",
    "Topic",
    "TopicPage",
    "TopicPopularResource",
]
