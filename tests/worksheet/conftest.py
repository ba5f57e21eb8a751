import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_pdf_allowance():
    """The PDF limit counts per client in the cache: each test starts with none used."""
    cache.clear()
    yield
    cache.clear()
