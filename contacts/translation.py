from modeltranslation.translator import TranslationOptions, register

from .models import Office, OtherAuthority, Person, ResponsibilityOverview, Task, Team


@register(Team)
class TeamTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Task)
class TaskTranslation(TranslationOptions):
    fields = ("text",)


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "accessibility", "public_transport", "opening_hours")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("job_title", "department", "consultation_hours", "photo_alt")


@register(ResponsibilityOverview)
class ResponsibilityOverviewTranslation(TranslationOptions):
    fields = ("map_alt",)


@register(OtherAuthority)
class OtherAuthorityTranslation(TranslationOptions):
    fields = ("note",)
