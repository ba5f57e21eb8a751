"""The glossary translated through wagtail-localize's editor: the words, forms,
explanations and sources are offered for translation; the anchors and "see also"
are not, so the translation keeps them and a link means the same term in both
languages."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from glossary.models import GlossaryPage

from .conftest import DANISH_TERMS, translate


def test_wagtail_localize_translates_the_words_and_keeps_the_anchors(
    home, glossary, client, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    translate(home, title="Home")  # the English site the glossary goes under
    source, _created = TranslationSource.get_or_create_from_instance(glossary)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    offered = {segment.context.path.rsplit(".", 1)[-1] for segment in segments}
    # (The intro and the sources are empty here: nothing to translate.)
    assert offered == {"title", "term", "forms", "definition"}
    for segment in segments:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data=f"EN {segment.string.data}",
        )
    with django_capture_on_commit_callbacks(execute=True):  # it publishes on commit
        Translation.objects.create(source=source, target_locale=english).save_target()

    translated = GlossaryPage.objects.get(locale=english, translation_key=glossary.translation_key)
    values = [child.value for child in translated.terms]
    assert [value["anchor"] for value in values] == [t["value"]["anchor"] for t in DANISH_TERMS]
    assert values[1]["see_also"] == "tovholder"
    assert values[0]["term"] == "EN Tovholder"
    html = client.get("/en/ordliste/").content.decode()
    assert 'id="tovholder"><dfn>EN Tovholder</dfn>' in html
