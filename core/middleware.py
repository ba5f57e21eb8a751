"""Request methods the site does not serve, refused before any view runs."""

from django.http import HttpResponse, HttpResponseNotAllowed

# What the site's views answer: pages and files GET and HEAD, forms POST.
ALLOWED = ["GET", "HEAD", "POST"]


class RefuseOptionsAndTrace:
    """OPTIONS gets 405 and TRACE 501, on every URL.

    Django's class-based views and Wagtail's pages would answer OPTIONS with 200
    (and Wagtail a whole page); nothing here needs it (no cross-origin clients, so
    no CORS preflight). TRACE echoes the request, headers included, and no URL of
    the site implements it, hence 501 Not Implemented rather than 405.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS":
            return HttpResponseNotAllowed(ALLOWED)
        if request.method == "TRACE":
            return HttpResponse(status=501)
        return self.get_response(request)
