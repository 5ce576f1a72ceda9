from modeltranslation.translator import TranslationOptions, register

from .models import Notice, Page, Video


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(Video)
class VideoTranslation(TranslationOptions):
    fields = ("title",)


@register(Notice)
class NoticeTranslation(TranslationOptions):
    fields = ("title", "text", "link_text")
