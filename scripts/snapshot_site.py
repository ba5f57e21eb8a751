"""Render the whole demo site to files, so two versions of the code can be compared.

    .venv/bin/python scripts/snapshot_site.py OUT

Loads the demo content into a throwaway SQLite database (exactly as `make demo`
does), follows every internal link from the Danish and the English home page, and
writes each response to OUT/pages/ (HTML, feeds, the sitemap; PDFs by size only),
with CSRF tokens, CSP nonces and publishing times masked, which differ on every run. The content
export goes to OUT/export/. Run it before and after a refactoring and compare:

    diff -r before/ after/

Nothing is timed and nothing is written outside OUT and a temporary folder.
"""

import argparse
import os
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urldefrag, urljoin, urlparse

ROOT = Path(__file__).resolve().parent.parent
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/")
# Forms lead here, not links: searches with facets and paging, and autocomplete.
SEARCHES = [
    "/soeg/?q=tovholder",
    "/soeg/?q=misbrug&side=2",
    "/soeg/?q=forl%C3%B8bsprogram&type=case",
    "/soeg/?q=dobbeltdiagnose&region=nordjylland&region=national",
    "/soeg/forslag/?q=tov",
    "/en/soeg/?q=coordinator",
]
MASKS = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=)"[^"]+"'), r'\1""'),
    (re.compile(r'nonce="[^"]+"'), 'nonce=""'),
    # When the import published a page: a new moment on every run.
    (re.compile(r'<time datetime="\d{4}-\d\d-\d\dT[^"]*">[^<]*</time>'), "<time>(now)</time>"),
    (re.compile(r"<lastmod>[^<]*</lastmod>"), "<lastmod>(now)</lastmod>"),
]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag in ("a", "link") and href:
            self.links.append(href)


def setup(data_dir):
    os.environ["DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    import django

    django.setup()
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = str(data_dir / "db.sqlite3")
    settings.MEDIA_ROOT = data_dir / "media"


def load_demo():
    from django.core.management import call_command
    from wagtail.models import Site

    for command, *args in [
        ("migrate", "--noinput", "-v", "0"),
        ("import_content", str(ROOT / "content" / "demo")),
        ("sync_languages",),
        ("setup_permissions",),
        ("rebuild_search_index",),
    ]:
        call_command(command, *args)
    Site.objects.filter(is_default_site=True).update(hostname="testserver")


def crawl(out):
    from django.test import Client

    client = Client()
    seen, queue = set(), ["/", "/en/", "/sitemap.xml", *SEARCHES]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        kind = response.get("Content-Type", "")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if kind.startswith("application/pdf") or not kind:
            text = f"{len(body)} bytes\n"
        else:
            text = body.decode()
            for pattern, replacement in MASKS:
                text = pattern.sub(replacement, text)
        name = quote(path, safe="") or "root"
        (out / f"{name}.txt").write_text(f"{response.status_code} {kind}\n{text}", "utf-8")
        if not kind.startswith("text/html"):
            continue
        parser = Links()
        parser.feed(body.decode())
        for href in parser.links:
            url, _fragment = urldefrag(urljoin("http://testserver" + path, href))
            parsed = urlparse(url)
            if parsed.netloc != "testserver" or parsed.path.startswith(SKIP_PREFIXES):
                continue
            queue.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return len(seen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    out = parser.parse_args().out
    (out / "pages").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vejledning-snapshot-") as data_dir:
        setup(Path(data_dir))
        load_demo()
        count = crawl(out / "pages")
        from django.core.management import call_command

        call_command("export_content", str(out / "export"))
    print(f"{count} responses written to {out / 'pages'}, the export to {out / 'export'}")


if __name__ == "__main__":
    main()
