"""Walking the site through its own links, as a reader or a crawler would."""

from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

SKIPPED_SUFFIXES = ("/pdf/", "/feed/", ".xml")


def crawl(client, start, prefix="/", limit=600):
    """Yield (path, BeautifulSoup) for every HTML page reachable from the paths in
    `start` by links under `prefix` (PDFs, feeds and deep result pages left out)."""
    queue, seen = list(start), set()
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        yield path, soup
        for link in soup.find_all("a", href=True):
            url = urlsplit(urljoin("http://testserver" + path, link["href"]))
            if url.netloc != "testserver" or not url.path.startswith(prefix):
                continue
            if url.path.endswith(SKIPPED_SUFFIXES) or "side=" in url.query:
                continue
            found = url.path + (f"?{url.query}" if url.query else "")
            if found not in seen:
                queue.append(found)
