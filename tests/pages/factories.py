import datetime

import factory

from pages.models import Notice, Page


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page
        django_get_or_create = ("key",)

    key = Page.Key.IMPRINT
    title_de = factory.LazyAttribute(lambda o: f"Titel {o.key}")
    summary_de = "Kurzbeschreibung"
    body_de = "<p>Text</p>"


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice

    title_de = factory.Sequence(lambda n: f"Hinweis {n}")
    text_de = "<p>Etwas Neues.</p>"
    published_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=1))
    is_published = True
