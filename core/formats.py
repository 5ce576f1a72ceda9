"""How numbers are written for readers, the same on every page."""

from django.utils.formats import number_format


def format_size(size):
    """A file size as the old page wrote it ("608 kB", "1,7 MB"), decimals per locale."""
    if size < 1000:
        return f"{size} B"
    kilobytes = round(size / 1000)
    if kilobytes < 1000:
        return f"{kilobytes} kB"
    return f"{number_format(size / 1_000_000, decimal_pos=1)} MB"
