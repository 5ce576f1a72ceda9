from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.formats import format_size
from core.languages import current_language, language_name

from .. import selectors
from ..filetypes import FILE_TYPES

register = template.Library()


register.simple_tag(language_name)


@register.simple_tag
def file_type(document_file):
    """The file type as an abbreviation that says what it stands for."""
    kind = FILE_TYPES[document_file.kind]
    return format_html('<abbr title="{}">{}</abbr>', kind.long_name, kind.label)


@register.simple_tag
def file_meta(document_file):
    """ "(PDF, 1,7 MB)", plus the file's language when it is not the reader's."""
    parts = [
        file_type(document_file),
        format_html('<span dir="ltr">{}</span>', format_size(document_file.size)),
    ]
    if document_file.language != current_language():
        parts.append(_("auf %(language)s") % {"language": language_name(document_file.language)})
    if document_file.is_placeholder:
        parts.append(
            format_html(
                '<strong class="example-mark-inline">{}</strong> {}',
                _("Beispiel:"),
                _("Platzhalterdatei, nicht das Original"),
            )
        )
    return format_html(
        '<span class="attachment__meta">({})</span>',
        format_html(", ".join(["{}"] * len(parts)), *parts),
    )


@register.simple_tag
def download_url_in(document, language):
    """The stable download address in another language, which serves that language's file."""
    with override(language):
        return reverse("documents:download", kwargs={"slug": document.slug})


@register.inclusion_tag("documents/_office_reports.html", takes_context=True)
def office_reports(context):
    """The office page's reports (the page itself belongs to another app)."""
    # The page's context (request, language) reaches the included person and file cards.
    reports = selectors.office_reports(language=current_language())
    return {**context.flatten(), "office_reports": reports}
