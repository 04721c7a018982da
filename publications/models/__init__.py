from .alerts import Alert, AlertDelivery
from .dated import DatedPage
from .library import PublicationIndexPage
from .pdf import PublicationPdf
from .policy import POLICY_AREAS, PolicyExample, PolicyResourcePage
from .publication import PublicationDownload, PublicationPage, RelatedItem
from .taxonomy import PageTopic, ResourceType, Topic
from .topic_page import TopicPage, TopicPopularResource

__all__ = [
    "Alert",
    "AlertDelivery",
    "DatedPage",
    "PageTopic",
    "POLICY_AREAS",
    "PolicyExample",
    "PolicyResourcePage",
    "PublicationDownload",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationPdf",
    "RelatedItem",
    "ResourceType",
    "Topic",
    "TopicPage",
    "TopicPopularResource",
]
