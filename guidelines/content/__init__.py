"""The guidance part of the content format (core/content): documents, sections,
editions, regions (handlers.py) and regional adaptations (adaptations.py).

Importing the package registers them; core's app config imports every app's
`content` module at start-up.
"""

from . import adaptations, handlers

__all__ = ["adaptations", "handlers"]
