import factory

from contacts.models import Municipality, Office, Person, Task, Team


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name_de = factory.Sequence(lambda n: f"Team {n}")
    abbreviation = factory.Sequence(lambda n: f"T{n}")
    description_de = "Das Team hilft bei der Integration."


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    team = factory.SubFactory(TeamFactory)
    text_de = factory.Sequence(lambda n: f"Aufgabe {n}")


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    name_de = factory.Sequence(lambda n: f"Standort {n}")
    street = "Hauptstraße 101"
    postal_code = "04416"
    town = "Markkleeberg"
    switchboard = "+4934332410"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Ort {n}")
    kind = Municipality.Kind.MUNICIPALITY
    postal_codes = factory.Sequence(lambda n: [f"{9000 + n:05d}"])


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    salutation = Person.Salutation.MS
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    job_title_de = "Kommunale Integrationskoordinatorin"
    team = factory.SubFactory(TeamFactory)
    office = factory.SubFactory(OfficeFactory)
    room = "2.60"
    phone = "+4934332412731"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    is_published = True

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)
