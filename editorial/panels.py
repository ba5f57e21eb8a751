"""The dashboard's link to the editor's guide (guide.py)."""

from wagtail.admin.ui.components import Component

from .guide import TITLE, TOPICS


class GuidePanel(Component):
    name = "editor_guide"
    template_name = "editorial/guide/dashboard_panel.html"
    order = 230  # after the pages awaiting review (220), before the recent edits (250)

    def get_context_data(self, parent_context):
        return {"topics": TOPICS, "guide_title": TITLE}
