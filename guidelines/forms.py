from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .blocks import strength_errors


class SectionPageForm(WagtailAdminPageForm):
    """Reports a recommendation code used elsewhere in the document, and a strength
    its document's type does not allow (skal/bør/kan in guidelines, none in
    recommendations to government), on the form, where the editor can fix them,
    rather than at save time."""

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        parent = getattr(self, "parent_page", None)
        if body is None or parent is None:
            return cleaned_data
        errors = strength_errors(body, getattr(parent.specific, "uses_strengths", True))
        if errors:
            # On each recommendation's strength field, as the block editor shows errors.
            self.add_error("body", errors)
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


class DocumentPageForm(WagtailAdminPageForm):
    """Refuses a document type that the document's recommendations do not fit: a
    guideline whose recommendations have no strength, or recommendations to
    government that have one. The editor changes the sections first."""

    def clean(self):
        cleaned_data = super().clean()
        document_type = cleaned_data.get("document_type")
        if not document_type or not self.instance.pk:
            return cleaned_data
        with_strengths = type(self.instance).type_uses_strengths(document_type)
        misfits = []
        for section in self.instance.all_sections():
            # The section as readers see it and, when it has one, its newer draft.
            versions = [section]
            if section.has_unpublished_changes and section.latest_revision_id:
                versions.append(section.latest_revision.as_object())
            if any(strength_errors(version.body, with_strengths) for version in versions):
                misfits.append(section.title)
        if misfits:
            message = (
                _(
                    "Anbefalingerne i %(sections)s har styrker (skal, bør, kan), som "
                    "anbefalinger til regeringen ikke har. Ret afsnittene først."
                )
                if not with_strengths
                else _(
                    "Anbefalingerne i %(sections)s har ingen styrke, men i retningslinjer, "
                    "modeller og skabeloner har hver anbefaling en. Ret afsnittene først."
                )
            )
            self.add_error(
                "document_type",
                message % {"sections": ", ".join(f"“{title}”" for title in misfits)},
            )
        return cleaned_data
