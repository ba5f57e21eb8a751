from django.utils.cache import patch_vary_headers


class RegionAwareMixin:
    """For pages that show something about the reader's chosen region (a cookie):
    caches must keep one reader's version from another."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        return response
