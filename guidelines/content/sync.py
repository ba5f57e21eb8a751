"""Reading and writing content files: the one code path of import and export."""

import json
from pathlib import Path

import yaml
from django.db import transaction
from pydantic import ValidationError, create_model

from .errors import ContentError
from .registry import handlers
from .schema import FORMAT, Item

SUFFIXES = {".yaml", ".yml", ".json"}
# Everything that is not a one-file-per-item list goes into this file on export.
SITE_FILE = "site.yaml"


def content_files(path):
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        if not files:
            raise ContentError("mappen indeholder ingen .yaml-, .yml- eller .json-filer", file=path)
        return files
    if not path.exists():
        raise ContentError("filen findes ikke", file=path)
    return [path]


def read_file(path):
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except UnicodeDecodeError as error:
        raise ContentError("filen er ikke UTF-8", file=path) from error
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        raise ContentError(f"kan ikke læses: {error}", file=path) from error
    if not isinstance(data, dict):
        raise ContentError("filen skal indeholde en mapping med 'format' øverst", file=path)
    return data


def file_schema():
    fields = {handler.key: (handler.schema | None, None) for handler in handlers()}
    return create_model(
        "ContentFile", __base__=Item, format=(str, ...), demo=(bool, False), **fields
    )


def _location(raw, loc):
    """'documents[1] (dobbeltdiagnose) › sections[0] (maalgruppe)' and the field name."""
    parts, node = [], raw
    for step in loc[:-1]:
        node = node[step] if isinstance(node, list | dict) else None
        if isinstance(step, int):
            slug = node.get("slug") if isinstance(node, dict) else None
            parts[-1] += f"[{step}]" + (f" ({slug})" if slug else "")
        else:
            parts.append(str(step))
    return " › ".join(parts), str(loc[-1]) if loc else None


def validate(path, raw):
    if raw.get("format") != FORMAT:
        raise ContentError(
            f"ukendt eller manglende format {raw.get('format')!r}; forventet '{FORMAT}'",
            file=path,
            field="format",
        )
    try:
        return file_schema().model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        item, field = _location(raw, first["loc"])
        raise ContentError(first["msg"], file=path, item=item, field=field) from error


def _check_duplicates(parsed):
    seen = {}
    for path, content in parsed:
        for handler in handlers():
            value = getattr(content, handler.key)
            if value is None:
                continue
            keys = (
                [f"{handler.key}:{handler.item_key(i)}" for i in value]
                if isinstance(value, list)
                else [handler.key]
            )
            for key in keys:
                if key in seen:
                    raise ContentError(f"{key} findes også i {seen[key]}", file=path)
                seen[key] = path


def import_content(path):
    """Import a content file or a folder of them, all or nothing.

    Every file is read and validated before anything is written; the writes
    run in one transaction, so an error leaves the database as it was.
    Returns counts of created, updated and unchanged pages.
    """
    from .pages import Context

    parsed = [(file, validate(file, read_file(file))) for file in content_files(path)]
    _check_duplicates(parsed)
    stats = {"created": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        for handler in handlers():
            for file, content in parsed:
                value = getattr(content, handler.key)
                if value is not None:
                    handler.apply(value, Context(file=str(file), demo=content.demo, stats=stats))
    return stats


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def _dump_yaml(data, file):
    file.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    file.write_text(text, encoding="utf-8")


def export_content(path):
    """Write all content to `path`: one file (.yaml/.json) or a folder of YAML files."""
    path = Path(path)
    everything = {"format": FORMAT}
    for handler in handlers():
        value = handler.dump()
        if value is not None:
            everything[handler.key] = value

    if path.suffix in SUFFIXES:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".json":
            path.write_text(
                json.dumps(everything, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
            )
        else:
            _dump_yaml(everything, path)
        return [path]

    written = []
    site = {"format": FORMAT}
    for handler in handlers():
        value = everything.get(handler.key)
        if value is None:
            continue
        if handler.one_file_per_item:
            for item in value:
                file = path / handler.key / f"{handler.item_file(item)}.yaml"
                _dump_yaml({"format": FORMAT, handler.key: [item]}, file)
                written.append(file)
        else:
            site[handler.key] = value
    if len(site) > 1:
        _dump_yaml(site, path / SITE_FILE)
        written.append(path / SITE_FILE)
    return written
