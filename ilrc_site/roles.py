"""Staff roles as Wagtail groups, and the legal review every resource goes through.

- Editors write: they create pages and edit drafts, and submit them for review.
  They cannot publish, unpublish or delete a live page.
- Moderators review: they approve (publish) or request changes, and unpublish.
- Administrators run the site: everything moderators do, plus users, redirects,
  workflows, resource types and topics, and collections.

Page permissions are granted on each site's home page rather than Wagtail's root,
so that staff see the site, not the tree's technical root. The same functions run
in the data migration (with historical models) and whenever a home page or the
resource library is created, so a fresh database and an existing one end up
with the same roles.
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"
ROLES = [EDITORS, MODERATORS, ADMINISTRATORS]

LEGAL_REVIEW = "Legal review"
LEGAL_REVIEW_TASK = "Legal review by a moderator"

_EDITOR_PAGES = ["add_page", "change_page"]
_MODERATOR_PAGES = [*_EDITOR_PAGES, "publish_page", "lock_page", "unlock_page"]
PAGE_PERMISSIONS = {
    EDITORS: _EDITOR_PAGES,
    MODERATORS: _MODERATOR_PAGES,
    ADMINISTRATORS: [*_MODERATOR_PAGES, "bulk_delete_page"],
}

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
COLLECTION_PERMISSIONS = {
    EDITORS: _EDITOR_MEDIA,
    MODERATORS: _MODERATOR_MEDIA,
    ADMINISTRATORS: [
        *_MODERATOR_MEDIA,
        ("wagtailcore", "add_collection"),
        ("wagtailcore", "change_collection"),
        ("wagtailcore", "delete_collection"),
    ],
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
}


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles(apps):
    """Create or complete the three groups and the legal review workflow.

    Only ever adds: permissions that staff grant on top are left alone.
    `apps` is a migration's app registry, or `django.apps.apps` at run time.
    """
    Group = apps.get_model("auth", "Group")
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

    HomePage = apps.get_model("ilrc_site", "HomePage")
    for home_id in HomePage.objects.values_list("pk", flat=True):
        _grant_page_permissions(apps, groups, home_id)

    PublicationIndexPage = apps.get_model("publications", "PublicationIndexPage")
    index_ids = list(PublicationIndexPage.objects.values_list("pk", flat=True))
    if index_ids:
        workflow = _legal_review_workflow(apps, groups[MODERATORS])
        WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
        for index_id in index_ids:
            # A workflow that staff chose for the library since is kept.
            WorkflowPage.objects.get_or_create(page_id=index_id, defaults={"workflow": workflow})


def _grant_page_permissions(apps, groups, page_id):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for name, codenames in PAGE_PERMISSIONS.items():
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
