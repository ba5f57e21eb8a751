"""StreamField values as plain data, and their validation.

Export writes block values as plain YAML: struct blocks as mappings, list
blocks as lists, rich text as its stored HTML, no internal ids. Import reads
the same shape back through the blocks' own to_python() and clean(), so
Wagtail's validation applies to imported content exactly as in the editor.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

from .errors import ContentError
from .richtext import rich_text_problem

TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock, blocks.ChoiceBlock)


def to_plain(block, value):
    """A block value as plain data (the inverse of block.to_python on that data)."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": child.block_type, "value": to_plain(child.block, child.value)}
            for child in value
        ]
    if isinstance(block, blocks.ListBlock):
        return [to_plain(block.child_block, item) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {
            name: to_plain(child, value.get(name)) for name, child in block.child_blocks.items()
        }
    return block.get_prep_value(value)


def check_shape(block, data, path):
    """Reject data that to_python would silently drop or misread."""
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(data, list):
            raise ContentError("skal være en liste af blokke", field=path)
        for i, item in enumerate(data):
            here = f"{path}[{i}]"
            if not isinstance(item, dict) or "type" not in item:
                raise ContentError("en blok skal have 'type' og 'value'", field=here)
            unknown = set(item) - {"type", "value", "id"}
            if unknown:
                raise ContentError(f"ukendte nøgler: {', '.join(sorted(unknown))}", field=here)
            if item["type"] not in block.child_blocks:
                known = ", ".join(block.child_blocks)
                raise ContentError(
                    f"ukendt bloktype '{item['type']}' (kendte typer: {known})", field=here
                )
            check_shape(block.child_blocks[item["type"]], item.get("value"), f"{here}.value")
    elif isinstance(block, blocks.ListBlock):
        if data is None:
            return
        if not isinstance(data, list):
            raise ContentError("skal være en liste", field=path)
        for i, item in enumerate(data):
            check_shape(block.child_block, item, f"{path}[{i}]")
    elif isinstance(block, blocks.StructBlock):
        if not isinstance(data, dict):
            raise ContentError("skal være en mapping med felter", field=path)
        unknown = set(data) - set(block.child_blocks)
        if unknown:
            known = ", ".join(block.child_blocks)
            raise ContentError(
                f"ukendte felter: {', '.join(sorted(unknown))} (kendte felter: {known})",
                field=path,
            )
        for name, child in block.child_blocks.items():
            if name in data:
                check_shape(child, data[name], f"{path}.{name}")
    elif isinstance(block, TEXT_BLOCKS) and data is not None and not isinstance(data, str):
        raise ContentError(
            f"skal være tekst, ikke {type(data).__name__} (sæt anførselstegn om værdien)",
            field=path,
        )
    elif isinstance(block, blocks.RichTextBlock):
        problem = rich_text_problem(data, block.features)
        if problem:
            raise ContentError(problem, field=path)


def error_messages(error, path):
    """Flatten Wagtail's nested block validation errors into (path, message) pairs."""
    block_errors = getattr(error, "block_errors", None)
    non_block_errors = getattr(error, "non_block_errors", None)
    if block_errors is None and non_block_errors is None:
        return [(path, " ".join(error.messages))]
    found = []
    for message in non_block_errors or []:
        found.extend(
            error_messages(message, path)
            if isinstance(message, ValidationError)
            else [(path, str(message))]
        )
    items = block_errors.items() if isinstance(block_errors, dict) else enumerate(block_errors)
    for key, child_error in items:
        if child_error is None:
            continue
        here = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}"
        if isinstance(child_error, list | tuple):
            for sub in child_error:
                found.extend(error_messages(sub, here))
        else:
            found.extend(error_messages(child_error, here))
    return found


def clean_stream(block, data, path):
    """Validate plain data for a StreamField; return the StreamValue to store."""
    check_shape(block, data, path)
    value = block.to_python(data)
    try:
        return block.clean(value)
    except ValidationError as error:
        path_, message = error_messages(error, path)[0]
        raise ContentError(message, field=path_) from error
