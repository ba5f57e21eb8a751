"""Text bodies as the API gives them: HTML with absolute links (a consumer shows it
on its own site), and the same as Markdown (markdownify)."""

import re

from markdownify import markdownify

# href/src/action with a site-relative address: "/vejledninger/…" (not "//host/…").
RELATIVE = re.compile(r'(\b(?:href|src)=")(/(?!/))')


def absolute_html(html, base):
    """`html` (str or a RichText) with site-relative links made absolute."""
    html = str(html or "").strip()
    return RELATIVE.sub(lambda m: m.group(1) + base.rstrip("/") + m.group(2), html)


def markdown(html):
    return markdownify(html, heading_style="ATX", bullets="-", strip=["script", "style"]).strip()


def text_pair(html, base):
    """(HTML, Markdown) of a body."""
    html = absolute_html(html, base)
    return html, markdown(html) if html else ""


def base_url(request):
    return request.build_absolute_uri("/").rstrip("/")
