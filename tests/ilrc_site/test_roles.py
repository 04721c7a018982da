"""Staff roles and the legal review workflow, as staff meet them in the admin."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowState

from ilrc_site.demo.home import load_home
from ilrc_site.demo.users import DEMO_STAFF
from ilrc_site.roles import (
    ADMINISTRATORS,
    EDITORS,
    LEGAL_REVIEW,
    LEGAL_REVIEW_TASK,
    MODERATORS,
    ensure_roles,
)
from publications.models import PublicationPage
from tests.demo import load_demo
from tests.factories import PublicationIndexPageFactory, PublicationPageFactory, staff_user
from tests.publications.test_admin import publication_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return load_home()


@pytest.fixture
def index(home):
    return PublicationIndexPageFactory(parent=home)


@pytest.fixture
def editor(index):
    return staff_user(EDITORS, "editor")


@pytest.fixture
def moderator(index):
    return staff_user(MODERATORS, "moderator")


@pytest.fixture
def live_publication(index):
    return PublicationPageFactory(parent=index, title="Know Your Rights at Home")


def codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_migration_creates_the_roles_on_an_empty_database():
    # The test database is migrated with no home page: the groups exist, and
    # Wagtail's default grants on the tree's root are gone.
    assert set(Group.objects.values_list("name", flat=True)) >= {
        EDITORS,
        MODERATORS,
        ADMINISTRATORS,
    }
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    administrators = Group.objects.get(name=ADMINISTRATORS)
    assert administrators.permissions.filter(codename="access_admin").exists()
    assert administrators.permissions.filter(codename="add_redirect").exists()


def test_creating_the_home_page_grants_each_role_its_page_permissions(home):
    assert codenames(EDITORS, home) == {"add_page", "change_page"}
    assert codenames(MODERATORS, home) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert "bulk_delete_page" in codenames(ADMINISTRATORS, home)


def test_the_library_goes_through_legal_review_by_moderators(index, live_publication):
    workflow = live_publication.get_workflow()

    assert workflow.name == LEGAL_REVIEW
    task = workflow.tasks.get().specific
    assert task.name == LEGAL_REVIEW_TASK
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_ensure_roles_is_idempotent(index):
    counts = (GroupPagePermission.objects.count(), Group.objects.count())

    ensure_roles(apps)
    ensure_roles(apps)

    assert (GroupPagePermission.objects.count(), Group.objects.count()) == counts


def test_an_editor_writes_a_draft_but_cannot_publish_it(client, index, editor):
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", index.pk])

    response = client.post(add_url, {**publication_form(), "action-publish": "publish"})

    assert response.status_code == 302
    page = PublicationPage.objects.in_language("en").get(slug="asylum-screening-faq")
    assert not page.live
    assert client.get(page.url).status_code == 404


def test_an_editor_cannot_publish_changes_to_a_live_page(client, editor, live_publication):
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[live_publication.pk])
    data = publication_form(title="Changed by an editor", slug=live_publication.slug)

    client.post(edit_url, {**data, "action-publish": "publish"})

    live_publication.refresh_from_db()
    assert live_publication.title == "Know Your Rights at Home"
    assert live_publication.has_unpublished_changes
    assert "Changed by an editor" not in client.get(live_publication.url).content.decode()


def test_an_editor_cannot_delete_or_unpublish_a_live_page(client, editor, live_publication):
    client.force_login(editor)

    for view in ("delete", "unpublish"):
        response = client.post(reverse(f"wagtailadmin_pages:{view}", args=[live_publication.pk]))
        assert response.status_code in (302, 403)

    live_publication.refresh_from_db()
    assert live_publication.live
    assert client.get(live_publication.url).status_code == 200


def test_a_moderator_publishes_and_unpublishes(client, moderator, live_publication):
    client.force_login(moderator)

    client.post(reverse("wagtailadmin_pages:unpublish", args=[live_publication.pk]))
    live_publication.refresh_from_db()
    assert not live_publication.live

    edit_url = reverse("wagtailadmin_pages:edit", args=[live_publication.pk])
    client.post(
        edit_url, {**publication_form(slug=live_publication.slug), "action-publish": "publish"}
    )
    live_publication.refresh_from_db()
    assert live_publication.live


def submit(client, page):
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = publication_form(title="Asylum Screening FAQ, revised", slug=page.slug)
    return client.post(edit_url, {**data, "action-submit": "submit"})


def workflow_action(client, page, action, comment=""):
    page.refresh_from_db()
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, page.current_workflow_task_state.pk],
    )
    return client.post(url, {"comment": comment})


def test_legal_review_from_submission_to_changes_requested_to_approval(
    client, index, editor, moderator, live_publication
):
    client.force_login(editor)
    submit(client, live_publication)

    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    # Moderators hear of it.
    assert [m.to for m in mail.outbox] == [["moderator@example.org"]]
    assert "Asylum Screening FAQ, revised" in mail.outbox[0].subject + mail.outbox[0].body
    mail.outbox.clear()

    client.force_login(moderator)
    workflow_action(client, live_publication, "reject", "Cite the 2024 rule, please.")

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    live_publication.refresh_from_db()
    assert live_publication.title == "Know Your Rights at Home"  # nothing published
    # The editor hears back, with the moderator's comment.
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert "Cite the 2024 rule, please." in mail.outbox[0].body
    mail.outbox.clear()

    client.force_login(editor)
    submit(client, live_publication)
    client.force_login(moderator)
    workflow_action(client, live_publication, "approve")

    live_publication.refresh_from_db()
    assert live_publication.live
    assert live_publication.title == "Asylum Screening FAQ, revised"
    assert "Asylum Screening FAQ, revised" in client.get(live_publication.url).content.decode()


@pytest.fixture
def load_demo_content(db):
    def load():
        out = StringIO()
        call_command("load_demo_content", stdout=out)
        return out.getvalue()

    return load


def test_demo_staff_exist_only_in_development(db):
    # Built by load_demo_content with DEBUG off, as in production (once per test worker).
    load_demo(with_translations=True)

    assert not get_user_model().objects.filter(username__in=[u for u, *_ in DEMO_STAFF]).exists()


def test_demo_staff_sign_in_with_the_printed_passwords(load_demo_content, settings, tmp_path):
    settings.DEBUG = True
    settings.DATA_DIR = tmp_path

    load_demo(with_translations=True)  # the demo content, as it is in production
    output = load_demo_content()
    assert load_demo_content() == output  # a second run changes nothing

    for username, role, *_ in DEMO_STAFF:
        user = get_user_model().objects.get(username=username)
        password = (tmp_path / f"dev-{username}-password").read_text()
        assert f"{role}: user '{username}', password '{password}'" in output
        assert user.check_password(password)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.email
        assert not user.is_superuser
