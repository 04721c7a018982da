"""The translation editor's header buttons (templates/wagtail_localize/admin/)."""

from django import template
from wagtail.models import Page

from ilrc_site.translators import submit_for_review_buttons

register = template.Library()


@register.simple_tag
def translation_header_buttons(instance, user):
    """ "Submit translation for review", for a page that `user` may edit."""
    if not isinstance(instance, Page):
        return []
    return submit_for_review_buttons(instance, user)
