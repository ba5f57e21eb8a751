"""The OpenAPI schema's texts are written in Danish (marked with gettext_noop) and
translated when it is served, like every other interface string."""

from django.utils.translation import gettext_noop as describe

TRANSLATED_KEYS = ("description", "summary")

#: django-ninja describes each declared status with its English reason phrase.
RESPONSES = {
    "OK": describe("Svaret."),
    "Not Found": describe("Findes ikke, eller er ikke offentligt."),
    "Unprocessable Entity": describe("En parameter har en ugyldig værdi; svaret siger hvilken."),
    "Too Many Requests": describe("For mange forespørgsler fra denne klient; se Retry-After."),
    "Not Implemented": describe("Formatet understøttes ikke."),
}


def translated(node, gettext):
    """A copy of `node` (the schema, a dict) with its descriptions and summaries
    (django-ninja's reason phrases replaced by ours) passed through `gettext`."""
    if isinstance(node, dict):
        return {
            key: gettext(RESPONSES.get(value, value))
            if key in TRANSLATED_KEYS and isinstance(value, str)
            else translated(value, gettext)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [translated(value, gettext) for value in node]
    return node


def undescribed(node, path="#"):
    """Where a schema property or parameter has no description: for the test that
    every field is described."""
    missing = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and not prop.get("description"):
                missing.append(f"{path}/properties/{name}")
        for parameter in node.get("parameters") or []:
            if isinstance(parameter, dict) and not parameter.get("description"):
                missing.append(f"{path}/parameters/{parameter.get('name')}")
        for key, value in node.items():
            missing += undescribed(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            missing += undescribed(value, f"{path}/{index}")
    return missing
