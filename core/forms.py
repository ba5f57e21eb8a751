"""Form widgets the admin's page forms share."""

from django import forms


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in labelled groups (pass grouped choices), which work without
    JavaScript; with it, a filter box above them (core/static/core/checkbox-filter.js)
    narrows a long list by what the editor types."""

    def __init__(self, filter_label="", attrs=None, choices=()):
        attrs = {**(attrs or {}), "data-checkbox-filter": ""}
        if filter_label:
            attrs["data-filter-label"] = filter_label
        super().__init__(attrs=attrs, choices=choices)

    class Media:
        js = ["core/checkbox-filter.js"]
