"""Staff roles as Wagtail groups, and the legal review every resource goes through.

- Editors write: they create pages and edit drafts, and submit them for review.
  They cannot publish, unpublish or delete a live page.
- Moderators review: they approve (publish) or request changes, and unpublish.
- Administrators run the site: everything moderators do, plus users, redirects,
  workflows, resource types and topics, and collections.
- Translators translate: they edit the pages of every language but the default
  one (Spanish) and submit them for review, in Wagtail's editor or wagtail-localize's
  translation editor. They cannot publish, and cannot edit the default language's
  pages.

Page permissions are granted on each site's home page rather than Wagtail's root,
so that staff see the site, not the tree's technical root. Each language has its own
tree, whose top is a translation of the home page: translators hold theirs on the
home pages of the languages other than the default one, so a new language needs a
setting, not code. Every such tree goes through the legal review, as the English
library does.

The same functions run in the data migrations (with historical models) and whenever
a home page or a resource library is created (ilrc_site.signals, which also covers
a home page's translation into a new language), so a fresh database and an existing
one end up with the same roles.
"""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant

EDITORS = "Editors"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"
TRANSLATORS = "Translators"
ROLES = [EDITORS, MODERATORS, ADMINISTRATORS, TRANSLATORS]

LEGAL_REVIEW = "Legal review"
LEGAL_REVIEW_TASK = "Legal review by a moderator"

_EDITOR_PAGES = ["add_page", "change_page"]
_MODERATOR_PAGES = [*_EDITOR_PAGES, "publish_page", "lock_page", "unlock_page"]
PAGE_PERMISSIONS = {
    EDITORS: _EDITOR_PAGES,
    MODERATORS: _MODERATOR_PAGES,
    ADMINISTRATORS: [*_MODERATOR_PAGES, "bulk_delete_page"],
}
# Granted on the home page of every language but the default one. Editing is all that
# translating needs: wagtail-localize creates a translation's pages itself.
TRANSLATION_PAGE_PERMISSIONS = {TRANSLATORS: ["change_page"]}

# Images and documents, granted on the root collection (and so on every collection).
_EDITOR_MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
_MODERATOR_MEDIA = [
    *_EDITOR_MEDIA,
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
# A translated download or an image with words in it: translators upload their own
# and choose any, but change only their own.
_TRANSLATOR_MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
COLLECTION_PERMISSIONS = {
    EDITORS: _EDITOR_MEDIA,
    MODERATORS: _MODERATOR_MEDIA,
    ADMINISTRATORS: [
        *_MODERATOR_MEDIA,
        ("wagtailcore", "add_collection"),
        ("wagtailcore", "change_collection"),
        ("wagtailcore", "delete_collection"),
    ],
    TRANSLATORS: _TRANSLATOR_MEDIA,
}


def _crud(app_label, model):
    return [(app_label, f"{action}_{model}") for action in ("add", "change", "delete")]


_EDITOR_MODELS = [
    ("wagtailadmin", "access_admin"),
    ("publications", "view_resourcetype"),
    ("publications", "view_topic"),
]
# Moderators keep the topic list tidy; resource types shape the site's URLs and
# stay with administrators.
_MODERATOR_MODELS = [
    *_EDITOR_MODELS,
    ("publications", "add_topic"),
    ("publications", "change_topic"),
]
MODEL_PERMISSIONS = {
    EDITORS: _EDITOR_MODELS,
    MODERATORS: _MODERATOR_MODELS,
    ADMINISTRATORS: [
        *_MODERATOR_MODELS,
        *_crud("publications", "resourcetype"),
        *_crud("publications", "topic"),
        *_crud("wagtailredirects", "redirect"),
        *_crud("wagtailcore", "workflow"),
        *_crud("wagtailcore", "task"),
        *_crud("auth", "user"),
    ],
    TRANSLATORS: _EDITOR_MODELS,
}
# wagtail-localize's "Translate this page" and "Sync translated pages" (its translation
# editor itself needs only the right to edit the translated page). The permission is
# created by wagtail-localize's own migration, which gives it to Editors and Moderators
# too; until that migration has run, it is granted by the next ensure_roles.
SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles(apps):
    """Create or complete the staff groups and the legal review workflow.

    Only ever adds: permissions that staff grant on top are left alone, and a workflow
    that staff chose for a section since is kept.
    `apps` is a migration's app registry, or `django.apps.apps` at run time.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    root_collection = Collection.objects.filter(depth=1).first()
    for name, group in groups.items():
        group.permissions.add(
            *[_permission(apps, app, codename) for app, codename in MODEL_PERMISSIONS[name]]
        )
        if root_collection is not None:
            for app, codename in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app, codename),
                )
    app_label, codename = SUBMIT_TRANSLATION
    submit_translation = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if submit_translation is not None:
        groups[TRANSLATORS].permissions.add(submit_translation)

    HomePage = apps.get_model("ilrc_site", "HomePage")
    for home_id in HomePage.objects.values_list("pk", flat=True):
        _grant_page_permissions(apps, groups, PAGE_PERMISSIONS, home_id)
    translated_home_ids = list(
        HomePage.objects.exclude(locale__language_code=default_language()).values_list(
            "pk", flat=True
        )
    )
    for home_id in translated_home_ids:
        _grant_page_permissions(apps, groups, TRANSLATION_PAGE_PERMISSIONS, home_id)

    PublicationIndexPage = apps.get_model("publications", "PublicationIndexPage")
    # The English library goes through legal review; every other language, whole.
    reviewed_ids = [
        *PublicationIndexPage.objects.values_list("pk", flat=True),
        *translated_home_ids,
    ]
    if reviewed_ids:
        workflow = _legal_review_workflow(apps, groups[MODERATORS])
        WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
        for page_id in reviewed_ids:
            WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})


def default_language():
    """The language code of the default page tree ("en"), as Wagtail's Locale.get_default()
    finds it, without the model (a migration has only historical ones)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _grant_page_permissions(apps, groups, permissions, page_id):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for name, codenames in permissions.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page_id=page_id,
                permission=_permission(apps, "wagtailcore", codename),
            )


def _legal_review_workflow(apps, moderators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    task = GroupApprovalTask.objects.filter(name=LEGAL_REVIEW_TASK).first()
    if task is None:
        # Set by hand: historical models know nothing of Wagtail's task polymorphism.
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=LEGAL_REVIEW_TASK, content_type=content_type, active=True
        )
        task.groups.add(moderators)

    workflow, created = Workflow.objects.get_or_create(name=LEGAL_REVIEW, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def move_default_grants_off_the_root(apps):
    """Drop the page permissions that Wagtail's installation gives Editors and
    Moderators on the tree's root: the roles hold theirs on the home page."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name__in=[EDITORS, MODERATORS], page__depth=1
    ).delete()


def create_missing_permissions(apps):
    """Django creates permissions after the last migration; a data migration that
    grants them on a fresh database must create them first."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
