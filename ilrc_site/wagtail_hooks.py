"""The site's admin: translators translate without publishing (ilrc_site.translators)."""

from django.urls import path
from wagtail import hooks

from . import translators


# Before wagtail-localize's own hook (order 0): the first address that matches answers,
# so its "Translate this page", "Sync translated pages" and "Convert to alias" resolve
# to these views, under the names that its templates reverse.
@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            translators.SubmitPageTranslationView.as_view(),
            name="ilrc_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translators.UpdateTranslationsView.as_view(),
            name="ilrc_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translators.convert_to_alias,
            name="ilrc_convert_to_alias",
        ),
        path(
            "localize/translation/<int:translation_id>/submit-for-review/",
            translators.submit_translation_for_review,
            name="ilrc_submit_translation_for_review",
        ),
    ]


# The page header's "Actions" menu (and, through the template
# wagtail_localize/admin/edit_translation.html, the translation editor's header).
@hooks.register("register_page_header_buttons")
def submit_translation_for_review_button(page, user, view_name=None, next_url=None):
    return translators.submit_for_review_buttons(page, user)
