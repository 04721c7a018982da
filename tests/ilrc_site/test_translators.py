"""Translators, as they meet the admin: they translate the pages of every language but
English and submit them for the legal review; they publish nothing, and edit no
English page. Moderators review and publish the translations."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, WorkflowPage, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from ilrc_site.demo.home import load_home
from ilrc_site.roles import (
    EDITORS,
    LEGAL_REVIEW,
    MODERATORS,
    TRANSLATORS,
    ensure_roles,
)
from publications.models import PublicationPage
from tests.factories import PublicationIndexPageFactory, PublicationPageFactory, staff_user
from tests.publications.test_admin import publication_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def home():
    return load_home()


@pytest.fixture
def index(home):
    return PublicationIndexPageFactory(parent=home)


@pytest.fixture
def english(index):
    """A live English publication, published through a revision as in the admin."""
    page = PublicationPageFactory(parent=index, title="Know Your Rights at Home")
    page.save_revision().publish()
    return page


@pytest.fixture
def translation(english, spanish):
    """Its live Spanish translation, with the Spanish home page and library above it."""
    page = english.copy_for_translation(spanish, copy_parents=True)
    page.title = "Conozca sus derechos en casa"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def translator(index):
    return staff_user(TRANSLATORS, "translator")


@pytest.fixture
def moderator(index):
    return staff_user(MODERATORS, "moderator")


def codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def edit(client, page, action, **fields):
    """Post the page's edit form, as its buttons do: Save draft (no action),
    "action-submit" or "action-publish"."""
    data = publication_form(slug=page.slug, **fields)
    if action:
        data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def assert_denied(client, response):
    """Wagtail's admin refuses with a 403, or with a redirect to the dashboard that says
    why."""
    if response.status_code == 403:
        return
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "you do not have permission" in client.get(response["Location"]).content.decode()


def live_title(page):
    return PublicationPage.objects.get(pk=page.pk).title


# The group and where it holds its rights.


def test_the_migrations_create_the_translators_group():
    translators = Group.objects.get(name=TRANSLATORS)

    assert set(translators.permissions.values_list("codename", flat=True)) >= {
        "access_admin",
        "submit_translation",
    }
    assert not GroupPagePermission.objects.filter(group=translators).exists()


def test_translating_the_home_page_grants_translators_the_new_language(home, index, spanish):
    assert not GroupPagePermission.objects.filter(group__name=TRANSLATORS).exists()

    # As wagtail-localize does when a translator or a script translates the home page.
    spanish_home = home.copy_for_translation(spanish)

    assert codenames(TRANSLATORS, spanish_home) == {"change_page"}
    assert codenames(TRANSLATORS, home) == set()
    # The other roles work in every language.
    assert codenames(EDITORS, spanish_home) == {"add_page", "change_page"}
    assert "publish_page" in codenames(MODERATORS, spanish_home)


def test_every_translated_page_goes_through_the_legal_review(home, translation, spanish):
    spanish_home = home.get_translation(spanish)

    assert WorkflowPage.objects.get(page=spanish_home).workflow.name == LEGAL_REVIEW
    assert translation.get_workflow().name == LEGAL_REVIEW
    assert spanish_home.get_workflow().name == LEGAL_REVIEW
    # English pages outside the library keep the workflow they had.
    assert WorkflowPage.objects.filter(page=home).count() == 0


def test_ensure_roles_stays_idempotent_with_translations(translation):
    counts = (GroupPagePermission.objects.count(), WorkflowPage.objects.count())

    ensure_roles(apps)
    ensure_roles(apps)

    assert (GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == counts


# What a translator does in the admin.


def test_a_translator_saves_a_draft_of_a_spanish_page(client, translator, translation):
    client.force_login(translator)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk])).status_code == 200
    response = edit(client, translation, None, title="Conozca sus derechos, revisado")

    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.get_latest_revision_as_object().title == "Conozca sus derechos, revisado"
    assert translation.has_unpublished_changes
    assert live_title(translation) == "Conozca sus derechos en casa"


def test_a_translator_submits_to_the_legal_review_and_a_moderator_approves(
    client, translator, moderator, translation
):
    client.force_login(translator)
    edit(client, translation, "action-submit", title="Conozca sus derechos, revisado")

    state = WorkflowState.objects.get(object_id=str(translation.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == LEGAL_REVIEW
    assert state.requested_by == translator
    assert [m.to for m in mail.outbox] == [["moderator@example.org"]]
    assert live_title(translation) == "Conozca sus derechos en casa"

    # The translator cannot approve their own work.
    translation.refresh_from_db()
    task_state = translation.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[translation.pk, "approve", task_state.pk]
    )
    assert_denied(client, client.post(approve_url))
    assert live_title(translation) == "Conozca sus derechos en casa"

    client.force_login(moderator)
    assert client.post(approve_url, {"comment": ""}).status_code == 302

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert live_title(translation) == "Conozca sus derechos, revisado"
    assert translation.url.startswith("/es/")
    assert "Conozca sus derechos, revisado" in client.get(translation.url).content.decode()


def test_a_translator_cannot_publish_a_spanish_page(client, translator, translation):
    client.force_login(translator)

    edit(client, translation, "action-publish", title="Publicado por un traductor")
    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[translation.pk]))

    assert_denied(client, unpublish)
    translation.refresh_from_db()
    assert translation.live
    assert live_title(translation) == "Conozca sus derechos en casa"
    assert "Publicado por un traductor" not in client.get(translation.url).content.decode()


def test_a_translator_cannot_edit_an_english_page(client, translator, english, translation):
    client.force_login(translator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])

    assert_denied(client, client.get(edit_url))
    edit(client, english, "action-publish", title="Changed by a translator")
    edit(client, english, None, title="Changed by a translator")

    english.refresh_from_db()
    assert english.title == "Know Your Rights at Home"
    assert english.get_latest_revision_as_object().title == "Know Your Rights at Home"
    # The page explorer shows them their own tree, not the English one.
    explore = client.get(reverse("wagtailadmin_explore", args=[english.get_parent().pk]))
    spanish_home = translation.get_parent().get_parent()
    assert explore["Location"] == reverse("wagtailadmin_explore", args=[spanish_home.pk])


# wagtail-localize: its translation editor, and the views that would publish.


@pytest.fixture
def translate_url(english):
    return reverse("wagtail_localize:submit_page_translation", args=[english.pk])


def test_a_translator_starts_a_translation_as_a_draft(
    client, translator, english, spanish, translate_url, django_capture_on_commit_callbacks
):
    client.force_login(translator)

    assert client.get(translate_url).status_code == 200
    # wagtail-localize publishes a live page's translation once the transaction commits:
    # run what it leaves for then.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(translate_url, {"locales": [spanish.pk]})

    assert response.status_code == 302
    translated = english.get_translation(spanish)
    assert not translated.live
    assert translated.url is None or client.get(translated.url).status_code == 404
    assert Translation.objects.get(target_locale=spanish).enabled
    # Its edit view is wagtail-localize's translation editor, open to the translator...
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert 'class="js-translation-editor"' in editor.content.decode()
    # ... but its Publish button is not.
    with django_capture_on_commit_callbacks(execute=True):
        publish = client.post(response["Location"], {"action": "publish"})
    assert_denied(client, publish)
    translated.refresh_from_db()
    assert not translated.live


def test_a_new_translation_is_a_draft_even_for_a_moderator(
    client, moderator, english, spanish, translate_url, django_capture_on_commit_callbacks
):
    # Live at once, it would show the English text under /es/ (settings:
    # WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE).
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(translate_url, {"locales": [spanish.pk]})

    assert not english.get_translation(spanish).live


def test_a_translator_may_sync_translations_but_not_publish_them(
    client,
    translator,
    moderator,
    english,
    spanish,
    translate_url,
    django_capture_on_commit_callbacks,
):
    client.force_login(translator)
    client.post(translate_url, {"locales": [spanish.pk]})
    source = TranslationSource.objects.get()
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])

    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(sync_url, {"publish_translations": "on"})
        synced = client.post(sync_url, {})

    assert_denied(client, refused)
    assert synced.status_code == 302
    assert synced["Location"] != reverse("wagtailadmin_home")
    assert not english.get_translation(spanish).live


def test_a_translator_cannot_turn_a_translation_into_a_live_alias(
    client, translator, english, spanish, translate_url, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    client.post(translate_url, {"locales": [spanish.pk]})
    translated = english.get_translation(spanish)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtail_localize:convert_to_alias", args=[translated.pk]))

    assert_denied(client, response)
    translated.refresh_from_db()
    assert not translated.live
    assert translated.alias_of_id is None


# Submitting a translation for review from the translation editor.

SPANISH_TITLE = "Conozca sus derechos en el hogar"


def translate_title(translation, user, title=SPANISH_TITLE):
    """Translate the title segment, as the translation editor's API does."""
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={
            "data": title,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": user,
        },
    )


@pytest.fixture
def started(client, translator, spanish, translate_url, django_capture_on_commit_callbacks):
    """A translation that the translator started and whose title they translated."""
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(translate_url, {"locales": [spanish.pk]})
    translation = Translation.objects.get(target_locale=spanish)
    translate_title(translation, translator)
    return translation


def submit_url(translation):
    return reverse("ilrc_submit_translation_for_review", args=[translation.pk])


def test_a_translator_submits_a_translation_for_review(
    client, translator, english, spanish, started, django_capture_on_commit_callbacks
):
    translated = english.get_translation(spanish)
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    # The translation editor's header offers the button, as a POST.
    editor = client.get(edit_url).content.decode()
    assert "Submit translation for review" in editor
    assert f'data-w-action-url-value="{submit_url(started)}"' in editor

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(started))

    assert response.status_code == 302
    assert response["Location"] == edit_url
    translated.refresh_from_db()
    assert translated.get_latest_revision_as_object().title == SPANISH_TITLE
    assert not translated.live
    state = WorkflowState.objects.get(object_id=str(translated.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == LEGAL_REVIEW
    assert state.requested_by == translator
    assert "has been submitted for moderation" in client.get(edit_url).content.decode()

    # Again, while the legal review locks the page: refused, and said so.
    translate_title(started, translator, "Conozca sus derechos en su hogar")
    again = client.post(submit_url(started), follow=True)
    assert "was not submitted" in again.content.decode()
    translated.refresh_from_db()
    assert translated.get_latest_revision_as_object().title == SPANISH_TITLE
    assert WorkflowState.objects.filter(object_id=str(translated.pk)).count() == 1
    assert not translated.live


def test_submitting_a_live_pages_translation_leaves_the_live_page_alone(
    client, translator, english, translation, spanish
):
    # A live Spanish page whose translation is synced again: the draft goes to review,
    # the live page keeps its title until a moderator publishes.
    source, _ = TranslationSource.get_or_create_from_instance(english)
    started = Translation.objects.create(source=source, target_locale=spanish, enabled=True)
    translate_title(started, translator)
    client.force_login(translator)

    client.post(submit_url(started))

    translation.refresh_from_db()
    assert translation.live
    assert live_title(translation) == "Conozca sus derechos en casa"
    assert client.get(translation.url).content.decode().count(SPANISH_TITLE) == 0
    assert translation.get_latest_revision_as_object().title == SPANISH_TITLE
    state = WorkflowState.objects.get(object_id=str(translation.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_submitting_for_review_needs_the_right_to_edit_and_a_post(
    client, english, spanish, started
):
    other = staff_user(TRANSLATORS, "other")
    translated = english.get_translation(spanish)
    # Someone who may not edit the Spanish page is refused.
    english_only = staff_user(EDITORS, "editor")
    GroupPagePermission.objects.filter(group__name=EDITORS, page__locale=spanish).delete()
    client.force_login(english_only)
    assert not translated.permissions_for_user(english_only).can_edit()
    assert_denied(client, client.post(submit_url(started)))

    client.force_login(other)
    assert client.get(submit_url(started)).status_code == 405
    assert not WorkflowState.objects.filter(object_id=str(translated.pk)).exists()
    translated.refresh_from_db()
    assert translated.get_latest_revision_as_object().title != SPANISH_TITLE
