from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api import docs as api_docs
from api.v1 import api as api_v1
from core import passwords
from core.login import AdminLoginForm
from danish_admin import views as danish_admin_views
from home import views as home_views
from home.sitemap import LocalizedSitemap

# Django's admin says so when django-axes has locked an account, as Wagtail's does.
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own, which reads only Wagtail's catalogue (danish_admin/views.py).
    path("admin/jsi18n/", danish_admin_views.javascript_catalog),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms, with a limit on each client's tries.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        passwords.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("was", home_views.was),  # the web accessibility law's short address
    path("api/v1/", api_v1.urls),  # the open read API (api/); its documentation is a page
    path("embed/", include("api.urls")),  # a recommendation or section framed by others
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}),  # both languages
]

urlpatterns += [path("", include("ops.urls"))]  # /healthz, /readyz

# Media are not served by address in production: readers get them through the views
# that check who may see them (/documents/, a document's edition PDF), from the disk
# or the bucket (docs/deploy.md); only Wagtail's image files are, from the disk
# (ops/media.py). The embedded run serves them all for convenience.
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Danish lives at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("api/", api_docs.page, name="api-docs"),  # the read API's documentation
    path("", include("search.urls")),
    path("", include("feedback.urls")),
    path("", include("alerts.urls")),
    # Before Wagtail's pages: the dotted-code redirect lies under a document's address.
    path("", include("guidelines.urls")),
    # Also under a document's address: …/udfyld/ is the document's worksheet.
    path("", include("worksheet.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        passwords.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
