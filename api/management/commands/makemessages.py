"""Django's makemessages, also finding the read API's schema texts: they are marked
with `describe` (gettext_noop under another name, api/common.py) and translated when
the schema is served."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=describe"]
