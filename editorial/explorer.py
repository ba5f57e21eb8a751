"""The page explorer's start for regional users: their region (see regional.py).

Wagtail asks the page permission policy for the "explorable root" wherever it
decides where a user starts: the sidebar's page explorer, /admin/pages/, the
breadcrumbs, the dashboard's site summary and search. So the start is changed
there, once, by a mixin over whichever page policy is registered when this app
loads (Wagtail's own, or one a lower app registered), leaving everything else
the policy decides (what a user may see or do) to it.

The explorer lists only pages under the start page and sends a user who asks
for one elsewhere to the start page, so regional users no longer see the root,
the other regions' pages or the English tree there. Their English translations
stay reachable from each page (its language switch and "Oversæt"), since their
permissions are unchanged.
"""

from wagtail.models import Page
from wagtail.permissions import policy_registry, register_permission_policy

from .regional import regional_home


class RegionalExplorerRoot:
    def explorable_root_instance(self, user):
        cache = self._explorable_root_instance_cache_name
        if not hasattr(user, cache):
            home = regional_home(user)
            if home is None:
                return super().explorable_root_instance(user)
            setattr(user, cache, home)
        return getattr(user, cache)


def register():
    current = policy_registry.get_by_type(Page)
    if isinstance(current, RegionalExplorerRoot):
        return
    policy_class = type(
        f"Regional{type(current).__name__}", (RegionalExplorerRoot, type(current)), {}
    )
    register_permission_policy(Page, policy_class(current.model))
