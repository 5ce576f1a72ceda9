"""Reads of the contacts app that other parts of the site use."""


def office_page_context():
    """What the Koordinierungsstelle page shows from this app (teams and people)."""
    return {}
