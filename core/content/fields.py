"""A page's fields as item values and back: the one mapping export and import share.

Rich text is written as nh3 normalises it and read back cleaned with the
features of the field it goes into (core/content/richtext.py): on the page
(RichTextField), in a StreamField's rich text blocks, and in the page's child
objects (e.g. an adaptation's sections), whose item keys are their model's
field names.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from .errors import ContentError
from .richtext import cleaned_rich_text, normalise
from .streamdata import clean_stream, to_plain


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a property or a relation the item names otherwise
        return None


def _rich_text_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, RichTextField)]


def page_data(page, item_class, skip=()):
    """The page's fields (or a revision's) as an item of `item_class` holds them."""
    data = {}
    model = type(page)
    for name in item_class.page_fields():
        if name in skip:
            continue
        attribute = item_class.page_attribute.get(name, name)
        value = getattr(page, attribute)
        field = _model_field(model, attribute)
        if name in item_class.stream_fields:
            value = to_plain(field.stream_block, value, rich_text=normalise)
        elif isinstance(field, RichTextField):
            value = normalise(value)
        value = item_class.field_from_page(name, value)
        if field is not None and field.one_to_many and isinstance(value, list):
            rich = [f.name for f in _rich_text_fields(field.related_model)]
            value = [
                {key: normalise(v) if key in rich else v for key, v in child.items()}
                if isinstance(child, dict)
                else child
                for child in value
            ]
        data[name] = value
    return data


def validation_error(error, context):
    if hasattr(error, "message_dict"):
        name, messages = next(iter(error.message_dict.items()))
        field_name = None if name == "__all__" else name
        return context.error(" ".join(messages), field=field_name)
    return context.error(" ".join(error.messages))


def _cleaned(value, field, context, where):
    try:
        return cleaned_rich_text(value, field.features)
    except ValueError as error:
        raise context.error(str(error), field=where) from error


def page_values(model, item, context):
    """The item's values as page attributes, validated and cleaned as the editor would."""
    values = {}
    for name in item.page_fields():
        value = getattr(item, name)
        attribute = item.page_attribute.get(name, name)
        field = _model_field(model, attribute)
        if name in item.stream_fields:
            try:
                value = clean_stream(field.stream_block, value, name)
            except ContentError as error:
                raise context.error(error.message, field=error.field) from error
        elif isinstance(field, RichTextField):
            value = _cleaned(value, field, context, name)
        try:
            value = item.field_to_page(name, value, context)
        except ValueError as error:
            raise context.error(str(error), field=name) from error
        values[attribute] = _children_cleaned(_numbered(value), name, context)
    return values


def _numbered(value):
    """Child objects (Orderable) in the file's order: the editor's form numbers
    them, and without numbers the database may return them in any order."""
    if isinstance(value, list):
        for position, child in enumerate(value):
            if isinstance(child, Orderable):
                child.sort_order = position
    return value


def _children_cleaned(value, name, context):
    """Child objects with their rich text cleaned with their fields' features."""
    if not isinstance(value, list):
        return value
    for position, child in enumerate(value):
        if not isinstance(child, models.Model):
            continue
        for field in _rich_text_fields(type(child)):
            here = f"{name}[{position}].{field.name}"
            setattr(
                child, field.attname, _cleaned(getattr(child, field.attname), field, context, here)
            )
    return value


def related_ids(model, values, page=None):
    """Which objects the relations in `values` point at, by id: the values from
    the item, or with `page` the page's current ones.

    Export names related pages by slug, and a slug can mean the Danish page or
    its English translation; comparing ids as well catches a link that should
    move from one to the other."""
    ids = {}
    for name, value in values.items():
        model_field = _model_field(model, name)
        if model_field is None or not model_field.is_relation:
            continue
        if page is not None:
            value = getattr(page, name)
        if model_field.many_to_one or model_field.one_to_one:
            ids[name] = value.pk if value is not None else None
            continue
        objects = list(value.all()) if hasattr(value, "all") else list(value)
        if model_field.many_to_many:
            ids[name] = sorted(obj.pk for obj in objects)
        else:  # a child relation: the objects each child points at (or None)
            ids[name] = sorted(
                (
                    tuple(
                        getattr(obj, f.attname)
                        for f in obj._meta.concrete_fields
                        if f.many_to_one and not isinstance(f, ParentalKey)
                    )
                    for obj in objects
                ),
                key=lambda pointed: tuple((pk is not None, pk or 0) for pk in pointed),
            )
    return ids


def matches(page, model, item, values, skip=()):
    """Whether the page (or a revision's page) holds the item's values, compared
    as export would write both."""
    wanted = model(**values)
    return page_data(page, type(item), skip) == page_data(wanted, type(item), skip) and (
        related_ids(model, values, page) == related_ids(model, values)
    )


def set_values(page, values, context):
    """Put the values on the page and validate it as the editor's save would."""
    try:
        for name, value in values.items():
            setattr(page, name, value)
        page.full_clean()
    except ValidationError as error:
        raise validation_error(error, context) from error
    return page
