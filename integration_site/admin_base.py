"""Admin building blocks shared by the content apps."""

from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)


class TranslationMedia:
    # Our own language tabs: modeltranslation's tabs would load jQuery UI from a CDN.
    js = ("admin/js/translation_tabs.js",)
    css = {"all": ("admin/css/translation_tabs.css",)}


class TranslatedAdmin(TranslationAdmin):
    """Model admin whose translated fields are grouped in one tab per language."""

    class Media(TranslationMedia):
        pass


class TranslatedStackedInline(TranslationStackedInline):
    class Media(TranslationMedia):
        pass


class TranslatedTabularInline(TranslationTabularInline):
    class Media(TranslationMedia):
        pass
