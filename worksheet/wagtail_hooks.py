from wagtail import hooks

from guidelines.hooks import DOCUMENT_PAGE_PARTS, REGION_PAGE_PARTS

from .page_parts import document_part, region_part

hooks.register(DOCUMENT_PAGE_PARTS, document_part)
hooks.register(REGION_PAGE_PARTS, region_part, order=5)
