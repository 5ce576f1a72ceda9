"""A base for feeds of translated content: the reader's language, else German marked as such."""

from django.contrib.syndication.views import Feed

from core.feeds import LanguageAtom1Feed
from core.languages import SOURCE_LANGUAGE

from .fallback import field_in_language

FEED_LENGTH = 20


class TranslatedFeed(Feed):
    """Subclasses name the translated `title_field` and `summary_field` of their items."""

    feed_type = LanguageAtom1Feed
    title_field = "title"
    summary_field = ""

    def item_title(self, item):
        return field_in_language(item, self.title_field)[0]

    def item_description(self, item):
        # The summary is written by LanguageAtom1Feed, which can mark its language.
        return None

    def item_extra_kwargs(self, item):
        _title, title_fallback = field_in_language(item, self.title_field)
        extra = {"title_language": SOURCE_LANGUAGE if title_fallback else ""}
        if self.summary_field:
            summary, fallback = field_in_language(item, self.summary_field)
            extra["summary_html"] = str(summary)
            extra["summary_language"] = SOURCE_LANGUAGE if fallback else ""
        return extra
