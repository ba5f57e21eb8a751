import wagtail_factories

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Forside"
    slug = "forside"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Om platformen"
    slug = "om-platformen"

    class Meta:
        model = StandardPage
