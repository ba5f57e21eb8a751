"""Content as data: the import/export format for the platform's pages.

One registry of handlers, one per top-level key of a content file; import and
export both go through the same handlers and the same page-field lists, so
what export writes is exactly what import reads (docs/content-format.md).
"""

from .errors import ContentError
from .registry import Handler, register
from .sync import export_content, import_content

__all__ = ["ContentError", "Handler", "export_content", "import_content", "register"]
