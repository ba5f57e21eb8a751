"""A page's state in the content format: which versions it has (live, approved
for scheduled publishing, a newer draft), its view restriction and its lock.

Wagtail keeps a live page's published fields on the page itself and every
version in a revision: the latest is the draft, one may be approved for
publishing at its `go_live_at`. Export reads those versions; import makes them
again in the same order, publishing only what the file says is live.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from .fields import matches, page_data, page_values, set_values

# The scheduled version of a page that is not live is often its latest one: the
# item's own fields. Export writes it as `scheduled: {}`.
ITSELF = "itself"


def versions_of(page):
    """{"base", "scheduled", "draft"}: the page as an item's own fields describe it
    (live: its published fields; otherwise its latest revision), and the page
    objects of its approved scheduled revision and of a newer draft (None when
    there are none; `scheduled` is ITSELF when it is the base)."""
    latest = page.latest_revision
    scheduled = page.revisions.filter(approved_go_live_at__isnull=False).first()
    if page.live or latest is None:
        draft = None
        if (
            latest is not None
            and page.has_unpublished_changes
            and latest.pk not in (page.live_revision_id, scheduled and scheduled.pk)
        ):
            draft = latest.as_object()
        return {
            "base": page,
            "scheduled": scheduled.as_object() if scheduled else None,
            "draft": draft,
        }
    if scheduled is not None and scheduled.pk == latest.pk:
        scheduled = ITSELF
    elif scheduled is not None:
        scheduled = scheduled.as_object()
    return {"base": latest.as_object(), "scheduled": scheduled, "draft": None}


def changes(version, base, item_class):
    """The fields in which `version` differs from `base`, as export writes them."""
    base_data = page_data(base, item_class)
    return {
        name: value
        for name, value in page_data(version, item_class).items()
        if base_data.get(name) != value
    }


def dump_state(page, item_class, versions=None):
    """The state keys of an exported item (only those that differ from the default)."""
    versions = versions or versions_of(page)
    data = {}
    if not page.live:
        data["live"] = False
    for key in ("scheduled", "draft"):
        version = versions[key]
        if version is ITSELF:
            data[key] = {}
        elif version is not None:
            data[key] = changes(version, versions["base"], item_class)
    privacy = privacy_of(page)
    if privacy is not None:
        data["privacy"] = privacy
    lock = lock_of(page)
    if lock is not None:
        data["locked"] = lock
    return data


# --- Versions ------------------------------------------------------------------


def wanted_versions(model, item, context):
    """The values of the item's versions, cleaned: {"base", "scheduled", "draft"}."""
    wanted = {"base": page_values(model, item, context)}
    for key in ("scheduled", "draft"):
        version = item.version(key)
        if version is None:
            wanted[key] = None
        elif key == "scheduled" and not item.live and item.scheduled == {}:
            wanted[key] = ITSELF
        else:
            wanted[key] = page_values(model, version, context.child(key))
    return wanted


def _version_matches(have, want, model, item, skip):
    if have is None or want is None or have is ITSELF or want is ITSELF:
        return have is want
    return matches(have, model, item, want, skip)


def versions_match(page, model, item, wanted, demo, skip=()):
    """Whether the page already has the item's versions and publication state."""
    if page.live != item.live or page.is_demo != demo:
        return False
    have = versions_of(page)
    return all(
        _version_matches(have[key], wanted[key], model, item, skip)
        for key in ("base", "scheduled", "draft")
    )


def _schedule(page, values, context):
    set_values(page, values, context)
    revision = page.save_revision(approved_go_live_at=page.go_live_at)
    page.revisions.exclude(pk=revision.pk).update(approved_go_live_at=None)
    return revision


def save_versions(page, item, wanted, demo, context):
    """Give the page the item's versions, in Wagtail's order: the published
    fields first, then the scheduled version, the draft last (the latest
    revision). Only a live item is published; a scheduled version is approved
    as Wagtail's "publish" with a future go-live date approves it, and is left
    for `publish_scheduled` to publish, even when its date has passed."""
    page.is_demo = demo
    if item.live:
        set_values(page, wanted["base"], context)
        page.save_revision().publish()
        if wanted["scheduled"] is not None:
            _schedule(page, wanted["scheduled"], context.child("scheduled"))
        if wanted["draft"] is not None:
            set_values(page, wanted["draft"], context.child("draft"))
            page.save_revision()
    else:
        if page.live:
            page.unpublish()
        page.revisions.update(approved_go_live_at=None)
        if wanted["scheduled"] not in (None, ITSELF):
            _schedule(page, wanted["scheduled"], context.child("scheduled"))
        set_values(page, wanted["base"], context)
        page.save()  # not live: the page's own fields are its latest version's
        if wanted["scheduled"] is ITSELF:
            _schedule(page, wanted["base"], context)
        else:
            page.save_revision()
    return type(page).objects.get(pk=page.pk)


# --- Privacy -------------------------------------------------------------------


def privacy_of(page):
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        return None
    data = {"type": restriction.restriction_type}
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        data["password"] = restriction.password
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        data["groups"] = sorted(group.name for group in restriction.groups.all())
    return data


def privacy_groups(privacy, context):
    if privacy is None or privacy.type != "groups":
        return []
    groups = list(Group.objects.filter(name__in=privacy.groups))
    missing = set(privacy.groups) - {group.name for group in groups}
    if missing:
        raise context.error(
            f"ukendte grupper: {', '.join(sorted(missing))} (grupperne oprettes af "
            "migrationerne og setup_permissions, ikke af importen)",
            field="privacy.groups",
        )
    return groups


def sync_privacy(page, privacy, context):
    """Give the page the item's view restriction (or none); True when it changed."""
    wanted = None if privacy is None else privacy.model_dump(exclude_defaults=True)
    if wanted is not None and privacy.type == "groups":
        wanted["groups"] = sorted(privacy.groups)
    if privacy_of(page) == wanted:
        return False
    groups = privacy_groups(privacy, context)
    PageViewRestriction.objects.filter(page=page).delete()
    if privacy is not None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=privacy.type, password=privacy.password
        )
        restriction.groups.set(groups)
    return True


# --- Locks ---------------------------------------------------------------------


def lock_of(page):
    if not page.locked:
        return None
    return {"by": page.locked_by.get_username() if page.locked_by else None, "at": page.locked_at}


def sync_lock(page, lock, context):
    """Lock or unlock the page as the item says; True when it changed."""
    wanted = None if lock is None else {"by": lock.by, "at": lock.at}
    if lock_of(page) == wanted:
        return False
    user = None
    if lock is not None and lock.by is not None:
        users = get_user_model()._default_manager
        user = users.filter(**{users.model.USERNAME_FIELD: lock.by}).first()
        if user is None:
            raise context.error(
                f"ukendt bruger '{lock.by}' (brugere oprettes ikke af importen)",
                field="locked.by",
            )
    page.locked = lock is not None
    page.locked_by = user
    page.locked_at = lock.at if lock is not None else None
    page.save(update_fields=["locked", "locked_by", "locked_at"], clean=False)
    return True
