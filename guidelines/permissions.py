"""Editor groups and what they may do, set up by code rather than by hand.

`manage.py setup_permissions` (run by `make demo`) makes the groups and the
regional workflows exist exactly as described here, putting right any that
were changed by hand in the admin; it is safe to run again.

National editors write and publish the national guidance and the glossary, and
what apps above this one put in their remit (hooks.NATIONAL_EDITOR_PAGES: the casebook).
Each region has editors, who write under the region's page and submit for
moderation, and moderators, who approve (and so publish) it. Page permissions
apply to a page's whole subtree, so a region's groups reach no other region.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from core.permissions import (
    EDITOR_PAGE_PERMISSIONS,
    PAGE_PERMISSIONS,
    group_with_permissions,
    permission,
)
from glossary.models import GlossaryPage

from .hooks import NATIONAL_EDITOR_PAGES, NATIONAL_EDITOR_PERMISSIONS, results
from .models import GuidanceIndexPage, RegionPage

NATIONAL_EDITORS = _("Nationale redaktører")
# Region.name is the full name, e.g. "Region Midtjylland".
REGION_EDITORS = _("%(region)s – redaktører")
REGION_MODERATORS = _("%(region)s – moderatorer")
REGION_WORKFLOW = _("Godkendelse – %(region)s")
REGION_TASK = _("Moderatorerne i %(region)s godkender")
SYNONYM_ACTIONS = ("add", "change", "delete")


def setup_national_editors():
    others = [page for pages in results(NATIONAL_EDITOR_PAGES) for page in pages]
    return group_with_permissions(
        NATIONAL_EDITORS,
        [
            permission("wagtailadmin", "access_admin"),
            permission("guidelines", "release_edition"),
            # The search's synonyms and abbreviations (search.models.SynonymGroup).
            *(permission("sitesearch", f"{action}_synonymgroup") for action in SYNONYM_ACTIONS),
            *(p for found in results(NATIONAL_EDITOR_PERMISSIONS) for p in found),
        ],
        [*GuidanceIndexPage.objects.all(), *GlossaryPage.objects.all(), *others],
        PAGE_PERMISSIONS,
    )


def setup_region(region_page, *translations):
    """The region's editor and moderator groups and its moderation workflow, on the
    region's page and its pages in the other languages (`translations`)."""
    names = {"region": region_page.region.name}
    pages = [region_page, *translations]
    access_admin = [permission("wagtailadmin", "access_admin")]
    editors = group_with_permissions(
        REGION_EDITORS % names, access_admin, pages, EDITOR_PAGE_PERMISSIONS
    )
    moderators = group_with_permissions(
        REGION_MODERATORS % names, access_admin, pages, PAGE_PERMISSIONS
    )

    task, _created = GroupApprovalTask.objects.update_or_create(
        name=REGION_TASK % names, defaults={"active": True}
    )
    task.groups.set([moderators])
    workflow, _created = Workflow.objects.update_or_create(
        name=REGION_WORKFLOW % names, defaults={"active": True}
    )
    if list(workflow.workflow_tasks.values_list("task_id", flat=True)) != [task.pk]:
        workflow.workflow_tasks.all().delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # The workflow nearest up the tree applies, so this one covers the region's subtree.
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return editors, moderators, workflow


@transaction.atomic
def setup_permissions():
    """Every group and workflow above; returns the groups and the workflows."""
    groups, workflows = [setup_national_editors()], []
    # A region has a page per language (English translations or aliases): its
    # groups get all of them, the default language's first.
    by_region = {}
    for region_page in RegionPage.objects.select_related("region").order_by("region__code", "path"):
        by_region.setdefault(region_page.region_id, []).append(region_page)
    for pages in by_region.values():
        editors, moderators, workflow = setup_region(*pages)
        groups += [editors, moderators]
        workflows.append(workflow)
    return groups, workflows
