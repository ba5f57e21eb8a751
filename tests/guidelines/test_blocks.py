from core.text import danish_slug
from guidelines.blocks import ActionPlanPartBlock


def test_danish_slug_keeps_the_letters_readable():
    assert danish_slug("Borgerens mål og ønsker") == "borgerens-maal-og-oensker"
    assert danish_slug("Udskrivning og genindlæggelse") == "udskrivning-og-genindlaeggelse"


def test_action_plan_part_has_a_readable_anchor():
    block = ActionPlanPartBlock()
    value = block.to_python(
        {"name": "Borgerens mål og ønsker", "purpose": "x", "holds": ["a"], "filled_in_by": "b"}
    )
    html = block.render(value)
    assert 'id="del-borgerens-maal-og-oensker"' in html
