"""The API's documentation for people: a page of the site (/api/ and /en/api/) made
from the same OpenAPI schema that machines read, in the reader's language."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext

from .schema_text import translated
from .v1 import api

METHODS = ("get", "head", "post", "put", "patch", "delete")


def type_name(prop):
    """A short readable type: "string", "integer | null", "list of Case", "da | en"."""
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "enum" in prop:
        return " | ".join(str(value) for value in prop["enum"])
    if "anyOf" in prop:
        return " | ".join(type_name(option) for option in prop["anyOf"])
    if prop.get("type") == "array":
        return gettext("liste af %(type)s") % {"type": type_name(prop.get("items", {}))}
    kind = prop.get("type", "")
    return f"{kind} ({prop['format']})" if prop.get("format") else kind


def fields(component):
    required = set(component.get("required", ()))
    return [
        {
            "name": name,
            "type": type_name(prop),
            "required": name in required,
            "description": prop.get("description", ""),
        }
        for name, prop in component.get("properties", {}).items()
    ]


def operations(schema):
    found = []
    for path, methods in schema.get("paths", {}).items():
        for method in METHODS:
            operation = methods.get(method)
            if operation is None:
                continue
            ok = operation.get("responses", {}).get("200", {})
            body = ok.get("content", {}).get("application/json", {}).get("schema", {})
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": operation.get("operationId", path),
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "tags": operation.get("tags", []),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "in": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": type_name(parameter.get("schema", {})),
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "returns": type_name(body) if body else "",
                }
            )
    return found


def page(request):
    schema = translated(api.get_openapi_schema(), gettext)
    components = schema.get("components", {}).get("schemas", {})
    context = {
        "info": schema.get("info", {}),
        "operations": operations(schema),
        "types": [
            {"name": name, "description": c.get("description", ""), "fields": fields(c)}
            for name, c in sorted(components.items())
        ],
        "base": request.build_absolute_uri("/api/v1/"),
    }
    return TemplateResponse(request, "api/docs.html", context)
