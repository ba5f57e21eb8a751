"""Reading and writing content files: the one code path of import and export."""

import datetime
import json
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from pydantic import ValidationError, create_model
from wagtail.models import Locale

from .errors import ContentError
from .pages import Context, finish, mirror_order
from .registry import handlers
from .schema import FORMAT, Item

SUFFIXES = {".yaml", ".yml", ".json"}
# Limits on one file, far above what the platform's content needs (the largest
# document file of the demo is 60 kB and nests 12 levels deep): a file past them
# is refused with a clear error before it is parsed into objects, rather than
# exhausting memory or Python's recursion limit. YAML aliases count each time
# they are used, so a "billion laughs" file is stopped too.
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 1_000_000
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


def _check_yaml_size(text, path):
    """Refuse YAML nested deeper than MAX_DEPTH or with more than MAX_NODES nodes
    once aliases are expanded, from the parser's events: no objects are built
    and nothing recurses."""
    anchored = {}  # anchor -> number of nodes under it
    stack = [[None, 0]]  # [anchor, nodes so far] for each open collection
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.ScalarEvent):
            stack[-1][1] += 1
            if event.anchor:
                anchored[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            stack[-1][1] += anchored.get(event.anchor, 1)
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append([event.anchor, 1])
            if len(stack) - 1 > MAX_DEPTH:
                raise _too_deep(path, _where(event.start_mark))
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, nodes = stack.pop()
            if anchor:
                anchored[anchor] = nodes
            stack[-1][1] += nodes
        if stack[-1][1] > MAX_NODES:
            raise ContentError(
                f"filen har over {MAX_NODES:,} værdier (med aliaser talt ud), "
                "flere end en indholdsfil kan have",
                file=path,
                item=_where(event.start_mark),
            )


def _too_deep(path, where=None):
    return ContentError(
        f"strukturen er indlejret dybere end {MAX_DEPTH} niveauer, "
        "dybere end en indholdsfil kan være",
        file=path,
        item=where,
    )


def _where(mark):
    return f"linje {mark.line + 1}, kolonne {mark.column + 1}"


def _check_depth(data, path):
    """Refuse parsed data nested deeper than MAX_DEPTH (walked without recursion)."""
    pending = [(data, 0, "")]
    while pending:
        node, depth, where = pending.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(path, where.lstrip(".") or None)
        if isinstance(node, dict):
            pending.extend((v, depth + 1, f"{where}.{k}") for k, v in node.items())
        elif isinstance(node, list):
            pending.extend((v, depth + 1, f"{where}[{i}]") for i, v in enumerate(node))


def read_file(path):
    """The file's content mappings: usually one; a single-file export of a site in
    several languages holds one per language (YAML documents separated by `---`,
    or a JSON list)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ContentError(
            f"filen fylder {size:,} byte; en indholdsfil må højst fylde "
            f"{MAX_FILE_BYTES:,} byte (del indholdet i flere filer)",
            file=path,
        )
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            data = json.loads(text)
            _check_depth(data, path)
            parts = data if isinstance(data, list) else [data]
        else:
            _check_yaml_size(text, path)
            parts = [part for part in yaml.safe_load_all(text) if part is not None]
    except UnicodeDecodeError as error:
        raise ContentError("filen er ikke UTF-8", file=path) from error
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        raise ContentError(f"kan ikke læses: {error}", file=path) from error
    except RecursionError as error:  # json's parser, on nesting deeper than Python allows
        raise _too_deep(path) from error
    if not parts or not all(isinstance(part, dict) for part in parts):
        raise ContentError("filen skal indeholde en mapping med 'format' øverst", file=path)
    return parts


def file_schema():
    fields = {handler.key: (handler.schema | None, None) for handler in handlers()}
    return create_model(
        "ContentFile",
        __base__=Item,
        format=(str, ...),
        demo=(bool, False),
        locale=(str | None, None),
        **fields,
    )


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def source_language():
    return Locale.get_default().language_code


def _location(raw, loc):
    """'documents[1] (dobbeltdiagnose) › sections[0] (maalgruppe)' and the field name
    (None for an error about a whole item)."""
    parts, node = [], raw
    steps, field = (loc, None) if loc and isinstance(loc[-1], int) else (loc[:-1], loc[-1:])
    for step in steps:
        node = node[step] if isinstance(node, list | dict) else None
        if isinstance(step, int):
            slug = node.get("slug") if isinstance(node, dict) else None
            parts[-1] += f"[{step}]" + (f" ({slug})" if slug else "")
        else:
            parts.append(str(step))
    return " › ".join(parts), str(field[0]) if field else None


def validate(path, raw):
    if raw.get("format") != FORMAT:
        raise ContentError(
            f"ukendt eller manglende format {raw.get('format')!r}; forventet '{FORMAT}'",
            file=path,
            field="format",
        )
    try:
        content = file_schema().model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        item, field = _location(raw, first["loc"])
        raise ContentError(first["msg"], file=path, item=item, field=field) from error
    if content.locale is not None and content.locale not in content_languages():
        raise ContentError(
            f"ukendt sprog {content.locale!r} (sitets sprog: {', '.join(content_languages())})",
            file=path,
            field="locale",
        )
    if content.locale == source_language():
        content.locale = None  # the source locale, said out loud
    return content


def read_parts(path):
    """(label, validated content) for every content mapping under `path`."""
    parsed = []
    for file in content_files(path):
        parts = read_file(file)
        for number, raw in enumerate(parts, start=1):
            label = file if len(parts) == 1 else f"{file} (del {number})"
            parsed.append((label, validate(label, raw)))
    return parsed


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
            if content.locale is not None:  # a translation may name the same pages
                keys = [f"{key} ({content.locale})" for key in keys]
            for key in keys:
                if key in seen:
                    raise ContentError(f"{key} findes også i {seen[key]}", file=path)
                seen[key] = path


def _apply(parsed, stats, finishing, locale=None):
    for handler in handlers():
        for file, content in parsed:
            value = getattr(content, handler.key)
            if value is not None:
                context = Context(
                    file=str(file),
                    demo=content.demo,
                    stats=stats,
                    locale=locale,
                    finishing=finishing,
                )
                handler.apply(value, context)


def import_content(path):
    """Import a content file or a folder of them, all or nothing.

    Every file is read and validated before anything is written; the writes
    run in one transaction, so an error leaves the database as it was.
    The source locale's files go first, then each other locale's: their items
    translate the source pages with the same slugs (taking the places of the
    aliases wagtail-localize's synchronisation made, where it has made them).
    Returns counts of created, updated and unchanged pages.
    """
    parsed = read_parts(path)
    _check_duplicates(parsed)
    languages = sorted({content.locale for _file, content in parsed} - {None})
    stats = {"created": 0, "updated": 0, "unchanged": 0}
    finishing = []
    with transaction.atomic():
        _apply([(f, c) for f, c in parsed if c.locale is None], stats, finishing)
        for code in languages:
            locale, _created = Locale.objects.get_or_create(language_code=code)
            _apply([(f, c) for f, c in parsed if c.locale == code], stats, finishing, locale)
            mirror_order(locale)
        finish(finishing)
    return stats


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _time_representer(dumper, value):
    # YAML has no time of day: written as "09:30", which the schema reads back.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value.isoformat("minutes"))


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(datetime.time, _time_representer)


def _yaml(data):
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _dump_yaml(data, file):
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(_yaml(data), encoding="utf-8")


def _locales_to_export():
    """The source locale, then every other locale that has pages, by language code."""
    source = Locale.get_default()
    others = Locale.objects.exclude(pk=source.pk).order_by("language_code")
    return [source, *others]


def export_parts():
    """One content mapping per locale with content: the source locale's first, then
    each translation's (`locale: <code>`, only what is translated into it)."""
    parts = []
    for locale in _locales_to_export():
        content = {"format": FORMAT}
        if parts:
            content["locale"] = locale.language_code
        for handler in handlers():
            value = handler.dump(locale)
            if value is not None:
                content[handler.key] = value
        if not parts or len(content) > 2:
            parts.append(content)
    return parts


def export_content(path):
    """Write all content to `path`: one file (.yaml/.json) or a folder of YAML files.

    A folder holds the source locale's files at its top and each translation's
    in a subfolder named by its language code (`en/site.yaml`, `en/documents/…`),
    laid out the same way. A single file holds one content mapping per locale:
    YAML documents separated by `---`, or a JSON list (a mapping when there is
    only one locale)."""
    path = Path(path)
    parts = export_parts()

    if path.suffix in SUFFIXES:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".json":
            data = parts if len(parts) > 1 else parts[0]
            path.write_text(
                json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
            )
        else:
            path.write_text("---\n".join(_yaml(part) for part in parts), encoding="utf-8")
        return [path]

    written = []
    for content in parts:
        folder = path / content["locale"] if "locale" in content else path
        header = {key: content[key] for key in ("format", "locale") if key in content}
        site = dict(header)
        for handler in handlers():
            value = content.get(handler.key)
            if value is None:
                continue
            if handler.one_file_per_item:
                for item in value:
                    file = folder / handler.key / f"{handler.item_file(item)}.yaml"
                    _dump_yaml({**header, handler.key: [item]}, file)
                    written.append(file)
            else:
                site[handler.key] = value
        if len(site) > len(header):
            _dump_yaml(site, folder / SITE_FILE)
            written.append(folder / SITE_FILE)
    return written
