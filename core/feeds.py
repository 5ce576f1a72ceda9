"""Atom feeds whose entries may be in another language than the feed itself."""

from django.utils.feedgenerator import Atom1Feed


class LanguageAtom1Feed(Atom1Feed):
    """Atom 1.0 that marks an entry's title and summary with `xml:lang` where they differ.

    A feed in Arabic may carry a notice that exists only in German; feed readers then
    know to read that entry as German. Items pass `title_language`, `summary_html` and
    `summary_language` through the feed's `item_extra_kwargs`.
    """

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("title_language"):
            attributes["xml:lang"] = item["title_language"]
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("summary_html"):
            attributes = {"type": "html"}
            if item.get("summary_language"):
                attributes["xml:lang"] = item["summary_language"]
            handler.addQuickElement("summary", item["summary_html"], attributes)
