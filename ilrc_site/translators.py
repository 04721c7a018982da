"""Translating without publishing: wagtail-localize's views, less the ways in which they
publish for someone who may not.

wagtail-localize's translation editor checks the right to publish before its Publish
button does anything, but three of its views publish without asking:

- "Translate this page" publishes the new translation at once when the source page is
  live (its setting WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE, on by default): a
  Spanish page, in English, live at /es/ before anyone translated or reviewed it;
- "Sync translated pages" with "Publish immediately" ticked publishes every translation;
- "Convert to alias" makes a translation live when its source page is.

The views below take their place (ilrc_site.wagtail_hooks registers them in front of
wagtail-localize's own addresses). For a user who may publish where the translation
goes, nothing changes. Anyone else (translators, editors) starts translations as
drafts, which then go through the legal review (ilrc_site.roles), and is refused the
other two.

The editor offers its Publish button only to those who may publish, and nothing else
that puts the translated segments into the page: "Submit translation for review"
(submit_translation_for_review, a button in the editor's header) saves them as a draft
and starts the page's workflow, as Wagtail's "Submit for moderation" does.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.widgets import Button
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import convert, submit_translations, update_translations


def may_publish_translation(user, page, locale):
    """Whether `user` may publish `page`'s translation into `locale`: the translation if
    it exists, else a new page under the nearest ancestor that is translated. Where the
    language has no page yet, its tree will be a copy of the original's, on whose home
    page the roles hold the same rights (ilrc_site.roles): the original page answers."""
    translation = page.get_translation_or_none(locale)
    if translation is not None:
        return translation.permissions_for_user(user).can_publish()
    for ancestor in reversed(list(page.get_ancestors())):
        translated_ancestor = ancestor.get_translation_or_none(locale)
        if translated_ancestor is not None:
            return translated_ancestor.permissions_for_user(user).can_publish_subpage()
    return page.permissions_for_user(user).can_publish()


def translate_as_drafts(pages, locales, user):
    """Start (or restart) synced translations of `pages`, parents first, saving each
    translated page as a draft: wagtail-localize's own translate_object, less publishing.

    Related objects (a page that a page links to) are not translated along: the
    translation links to the source's until they are.
    """
    for page in pages:
        source, _ = TranslationSource.get_or_create_from_instance(page)
        for locale in locales:
            if locale.pk == source.locale_id:
                continue
            translation, _ = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            # As wagtail-localize does: a page that fails validation is left for the
            # translation editor to show.
            with contextlib.suppress(ValidationError):
                translation.save_target(user=user, publish=False)


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """ "Translate this page": as a draft for a user who may not publish the result."""

    @transaction.atomic
    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        user = self.request.user
        if all(may_publish_translation(user, self.object, locale) for locale in locales):
            return super().form_valid(form)

        pages = [self.object]
        if form.cleaned_data["include_subtree"]:
            pages += self.object.get_descendants().specific()
        translate_as_drafts(pages, locales, user)

        translated_page = None
        if len(locales) == 1:
            translated_page = self.object.get_translation_or_none(locales[0])
        names = ", ".join(locale.get_display_name() for locale in locales)
        messages.success(
            self.request,
            f"'{self.object.get_admin_display_title()}' is ready to translate into "
            f"{names}, as a draft: submit it for review when the translation is done.",
        )
        return redirect(self.get_success_url() or self.get_default_success_url(translated_page))


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """ "Sync translated pages": "Publish immediately" only for a user who may publish
    every translation."""

    def form_valid(self, form):
        if form.cleaned_data["publish_translations"]:
            source_page = self.object.get_source_instance()
            if isinstance(source_page, Page):
                for translation in self.object.translations.filter(enabled=True):
                    if not may_publish_translation(
                        self.request.user, source_page, translation.target_locale
                    ):
                        raise PermissionDenied
        return super().form_valid(form)


def convert_to_alias(request, page_id):
    """ "Convert to alias", which makes the page live if its source is: for publishers."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


# Submitting a translation for review.


def page_translation(page):
    """The enabled wagtail-localize Translation whose target is `page`, if any."""
    return Translation.objects.filter(
        target_locale_id=page.locale_id,
        source__object_id=page.translation_key,
        enabled=True,
    ).first()


def submit_for_review_buttons(page, user):
    """The "Submit translation for review" button for `page`: a POST (Wagtail's
    w-action controller sends it with the CSRF token), for a user who may edit it."""
    if not page.permissions_for_user(user).can_edit():
        return []
    translation = page_translation(page)
    if translation is None:
        return []
    url = reverse("ilrc_submit_translation_for_review", args=[translation.pk])
    return [
        Button(
            "Submit translation for review",
            icon_name="resubmit",
            classname="button button-secondary",
            attrs={
                "data-controller": "w-action",
                "data-action": "w-action#post",
                "data-w-action-url-value": url,
            },
            priority=50,
        )
    ]


def save_translation_as_draft(translation, page, user):
    """Save the translated segments as a draft revision of `page`.

    wagtail-localize's save_target(publish=False) writes them into the page's own row
    as well, which is what a live page shows: for a live page, keep only the revision it
    made and leave the page as it was, as Wagtail's editor does with a live page's draft.
    """
    if not page.live:
        translation.save_target(user=user, publish=False)
        return
    with transaction.atomic():
        savepoint = transaction.savepoint()
        translation.save_target(user=user, publish=False)
        content = Page.objects.get(pk=page.pk).get_latest_revision().content
        transaction.savepoint_rollback(savepoint)
    page = page.specific_class.objects.get(pk=page.pk)
    page.with_content_json(content).save_revision(user=user, log_action=True)


@require_POST
def submit_translation_for_review(request, translation_id):
    """Save the translated segments as a draft and submit the page for moderation."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        page = translation.get_target_instance()
    except Page.DoesNotExist:
        raise PermissionDenied from None
    if not isinstance(page, Page):
        raise PermissionDenied
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    title = page.get_admin_display_title()

    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(
            request,
            f"The translation of '{title}' was not submitted: {lock.get_message(request.user)}",
        )
        return redirect(edit_url)

    with transaction.atomic():
        try:
            save_translation_as_draft(translation, page, request.user)
        except ValidationError as error:
            messages.error(
                request,
                f"'{title}' could not be saved: {' '.join(error.messages)}",
            )
            return redirect(edit_url)

        page = Page.objects.get(pk=page.pk).specific
        title = page.get_admin_display_title()
        workflow = page.get_workflow()
        if workflow is None or not permissions.can_submit_for_moderation():
            messages.success(request, f"The translation of '{title}' was saved as a draft.")
            return redirect(edit_url)

        state = page.current_workflow_state
        if state is None:
            workflow.start(page, request.user)
            message = f"Page '{title}' has been submitted for moderation."
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
            message = f"Page '{title}' has been submitted for moderation."
        elif state.user_can_cancel(request.user):
            state.cancel(user=request.user)
            workflow.start(page, request.user)
            message = f"Page '{title}' has been resubmitted for moderation."
        else:
            messages.warning(
                request,
                f"The translation of '{title}' was saved as a draft; the page was "
                "already in moderation, submitted by someone else.",
            )
            return redirect(edit_url)

    messages.success(request, message)
    return redirect(edit_url)
