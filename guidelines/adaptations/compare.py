"""Comparing revisions of an adaptation in the admin, section by section.

Wagtail's comparison matches an inline panel's children by database id, and
compares "live" with the page's own row. For an adaptation that left moderators
comparing blind:

- a draft's new entries have no id yet, so entries were matched by guesswork;
  here an adapted section is matched by its section's slug and a stance by its
  recommendation's code, and only the entries that changed are listed;
- a page that has never been published has no live version, and its row holds
  the draft, so "compare with live" found no differences: see compare_view.py.
"""

import functools

from wagtail.admin import compare
from wagtail.admin.panels import InlinePanel


class KeyedChildRelationComparison(compare.ChildRelationComparison):
    """Children matched by the field that identifies them, changed ones only."""

    def __init__(self, field, field_comparisons, obj_a, obj_b, label="", key=""):
        super().__init__(field, field_comparisons, obj_a, obj_b, label=label)
        self.key = key

    def get_mapping(self, objs_a, objs_b):
        forwards, backwards = {}, {}
        positions_b = {}
        for b_idx, child in enumerate(objs_b):
            positions_b.setdefault(getattr(child, self.key), b_idx)
        for a_idx, child in enumerate(objs_a):
            b_idx = positions_b.get(getattr(child, self.key))
            if b_idx is not None and b_idx not in backwards:
                forwards[a_idx], backwards[b_idx] = b_idx, a_idx
        added = [i for i in range(len(objs_b)) if i not in backwards]
        deleted = [i for i in range(len(objs_a)) if i not in forwards]
        return forwards, backwards, added, deleted

    def get_child_comparisons(self):
        return [
            child
            for child in super().get_child_comparisons()
            if child.is_addition()
            or child.is_deletion()
            or child.has_changed()
            or child.get_position_change()
        ]


class KeyedInlinePanel(InlinePanel):
    """An InlinePanel whose children are compared by `key` (see above)."""

    def __init__(self, relation_name, key, *args, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.key = key

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "key": self.key}

    class BoundPanel(InlinePanel.BoundPanel):
        def get_comparison(self):
            return [
                functools.partial(
                    KeyedChildRelationComparison,
                    *comparison.args,
                    **comparison.keywords,
                    key=self.panel.key,
                )
                for comparison in super().get_comparison()
            ]
