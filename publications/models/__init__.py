from .media import SiteImage, SiteRendition

__all__ = ["SiteImage", "SiteRendition"]
