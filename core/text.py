"""Plain-text helpers for formats that other programs read line by line."""


def normalise_line_breaks(value):
    """The value with every line break as a single LF.

    vCard and iCalendar readers end a content line at a lone CR too; as an LF it is
    escaped like any other line break, whichever library release does the escaping.
    """
    return str(value).replace("\r\n", "\n").replace("\r", "\n")
