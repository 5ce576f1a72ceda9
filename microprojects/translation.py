from modeltranslation.translator import TranslationOptions, register

from .models import FundedProject, FundingProgramme, Step


@register(FundingProgramme)
class FundingProgrammeTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "status_title",
        "status_text",
        "eligible_applicants",
        "funded_areas",
        "example_projects",
        "own_contribution",
        "eligible_costs",
        "project_period",
        "processing_time",
        "legal_basis",
        "co_financing_note",
    )


@register(Step)
class StepTranslation(TranslationOptions):
    fields = ("title", "explanation")


@register(FundedProject)
class FundedProjectTranslation(TranslationOptions):
    fields = ("title", "description")
