"""StreamField values as plain data, and their validation.

Export writes block values as plain YAML: struct blocks as mappings, list
blocks as lists, rich text as its stored HTML, no internal ids. Import reads
the same shape back through the blocks' own to_python() and clean(), so
Wagtail's validation applies to imported content exactly as in the editor.
Rich text is cleaned with the block's own features (core/content/richtext.py).
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

from .errors import ContentError
from .richtext import cleaned_rich_text

TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock, blocks.ChoiceBlock)


def to_plain(block, value, rich_text=None):
    """A block value as plain data (the inverse of block.to_python on that data);
    `rich_text`, when given, is applied to the HTML of every rich text block."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": child.block_type, "value": to_plain(child.block, child.value, rich_text)}
            for child in value
        ]
    if isinstance(block, blocks.ListBlock):
        return [to_plain(block.child_block, item, rich_text) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {
            name: to_plain(child, value.get(name), rich_text)
            for name, child in block.child_blocks.items()
        }
    plain = block.get_prep_value(value)
    if rich_text is not None and isinstance(block, blocks.RichTextBlock):
        return rich_text(plain)
    return plain


def check_shape(block, data, path):
    """Reject data that to_python would silently drop or misread; return the data
    with its rich text cleaned as stored."""
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(data, list):
            raise ContentError("skal være en liste af blokke", field=path)
        checked = []
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
            value = check_shape(
                block.child_blocks[item["type"]], item.get("value"), f"{here}.value"
            )
            checked.append({**item, "value": value})
        return checked
    if isinstance(block, blocks.ListBlock):
        if data is None:
            return data
        if not isinstance(data, list):
            raise ContentError("skal være en liste", field=path)
        return [check_shape(block.child_block, item, f"{path}[{i}]") for i, item in enumerate(data)]
    if isinstance(block, blocks.StructBlock):
        if not isinstance(data, dict):
            raise ContentError("skal være en mapping med felter", field=path)
        unknown = set(data) - set(block.child_blocks)
        if unknown:
            known = ", ".join(block.child_blocks)
            raise ContentError(
                f"ukendte felter: {', '.join(sorted(unknown))} (kendte felter: {known})",
                field=path,
            )
        return {
            name: check_shape(block.child_blocks[name], value, f"{path}.{name}")
            for name, value in data.items()
        }
    if isinstance(block, TEXT_BLOCKS) and data is not None and not isinstance(data, str):
        raise ContentError(
            f"skal være tekst, ikke {type(data).__name__} (sæt anførselstegn om værdien)",
            field=path,
        )
    if isinstance(block, blocks.RichTextBlock) and data is not None:
        try:
            return cleaned_rich_text(data, block.features)
        except ValueError as error:
            raise ContentError(str(error), field=path) from error
    return data


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
    value = block.to_python(check_shape(block, data, path))
    try:
        return block.clean(value)
    except ValidationError as error:
        path_, message = error_messages(error, path)[0]
        raise ContentError(message, field=path_) from error
