"""The glossary in the admin: national editors keep it, and the editor's form
applies the same rules to the list of terms as the content format."""

import pytest
from django.contrib.auth.models import Group
from wagtail.blocks import StreamBlockValidationError

from glossary.factories import term
from glossary.models import GlossaryPage
from guidelines.permissions import setup_national_editors


def test_national_editors_edit_and_publish_the_glossary(glossary, client, django_user_model):
    setup_national_editors()
    user = django_user_model.objects.create_user("national", password="x")
    user.groups.add(Group.objects.get(name="Nationale redaktører"))
    assert glossary.permissions_for_user(user).can_publish()
    client.force_login(user)
    assert client.get(f"/admin/pages/{glossary.pk}/edit/").status_code == 200


def test_the_editor_refuses_a_list_of_terms_that_does_not_fit_together(glossary):
    block = GlossaryPage._meta.get_field("terms").stream_block
    value = block.to_python(
        [
            term("Tovholder", "tovholder"),
            term("Kontaktperson", "tovholder", forms=["Tovholder"], see_also=["ukendt"]),
        ]
    )
    with pytest.raises(StreamBlockValidationError) as caught:
        block.clean(value)
    errors = caught.value.block_errors[1].block_errors
    assert set(errors) == {"anchor", "forms", "see_also"}
    assert "bruges også af “Tovholder”" in " ".join(errors["anchor"].messages)
    assert "ikke er et ord i ordlisten" in " ".join(errors["see_also"].messages)
