from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import override

from documents.filetypes import FILE_TYPES
from integration_site.formats import format_size
from integration_site.i18n import current_language

register = template.Library()


@register.simple_tag
def language_name(code):
    """A language's name in the reader's language, e.g. "Englisch" on a German page."""
    return dict(settings.LANGUAGES).get(code, code)


@register.simple_tag
def file_type(document_file):
    """The file type as an abbreviation that says what it stands for."""
    kind = FILE_TYPES[document_file.kind]
    return format_html('<abbr title="{}">{}</abbr>', kind.long_name, kind.label)


@register.simple_tag
def file_meta(document_file):
    """"(PDF, 1,7 MB)", plus the file's language when it is not the reader's."""
    parts = [file_type(document_file),
             format_html('<span dir="ltr">{}</span>', format_size(document_file.size))]
    if document_file.language != current_language():
        parts.append(_("auf %(language)s") % {"language": language_name(document_file.language)})
    return format_html('<span class="attachment__meta">({})</span>',
                       format_html(", ".join(["{}"] * len(parts)), *parts))


@register.simple_tag
def download_url_in(document, language):
    """The stable download address in another language, which serves that language's file."""
    with override(language):
        return reverse("documents:download", kwargs={"slug": document.slug})
