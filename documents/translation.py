from modeltranslation.translator import TranslationOptions, register

from .models import Category, Document


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("title",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "description")
