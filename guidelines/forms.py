from wagtail.admin.forms import WagtailAdminPageForm


class SectionPageForm(WagtailAdminPageForm):
    """Reports a recommendation code used elsewhere in the document on the form,
    where the editor can fix it, rather than at save time."""

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        parent = getattr(self, "parent_page", None)
        if body is None or parent is None:
            return cleaned_data
        model = type(self.instance)
        recommendations = [b.value for b in body if b.block_type == "recommendation"]
        others = model.objects.child_of(parent)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        clash = model.code_clash(recommendations, others)
        if clash:
            self.add_error("body", clash)
        return cleaned_data
