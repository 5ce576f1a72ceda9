"""Fill in an admin form as a browser would: every field with the value the page shows."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.site_urls import XHTML, parse_html

ADD_URL = "/admin/documents/document/add/"


def form_values(response, form_id="document_form"):
    """The name → value pairs a browser would submit from the page's form, files left out."""
    document, _errors = parse_html(response.content)
    form = next(el for el in document.iter(f"{XHTML}form") if el.get("id") == form_id)
    values = {}
    for element in form.iter():
        name = element.get("name")
        tag = str(element.tag).replace(XHTML, "")
        if not name or tag not in ("input", "select", "textarea"):
            continue
        if tag == "input":
            kind = element.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                continue
            if kind in ("checkbox", "radio"):
                if element.get("checked") is not None:
                    values.setdefault(name, []).append(element.get("value", "on"))
                continue
            values.setdefault(name, []).append(element.get("value", ""))
        elif tag == "select":
            options = list(element.iter(f"{XHTML}option"))
            chosen = [o for o in options if o.get("selected") is not None] or options[:1]
            values[name] = [o.get("value", o.text or "") for o in chosen]
        else:
            values[name] = [element.text or ""]
    return {name: items if len(items) > 1 else items[0] for name, items in values.items()}


def change_url(document):
    return f"/admin/documents/document/{document.pk}/change/"


def submit_change(client, document, *, follow=False, **changes):
    """Open the document's change page, change some fields and save it."""
    data = form_values(client.get(change_url(document)))
    data.update(changes)
    return client.post(change_url(document), data, follow=follow)


def add_document(client, data, *, name="Bericht.pdf"):
    """Add a published document with `data` as its German file, as an editor does."""
    from .factories import CategoryFactory

    values = form_values(client.get(ADD_URL))
    values.update(
        {
            "title_de": "Neuer Bericht",
            "slug": "neuer-bericht",
            "category": CategoryFactory().pk,
            "is_published": "True",
            "order": 0,
            "upload": SimpleUploadedFile(name, data),
            "upload_language": "de",
        }
    )
    return client.post(ADD_URL, values)
