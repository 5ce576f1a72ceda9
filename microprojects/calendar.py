"""The application deadline as an iCalendar event for the reader's own calendar."""

import datetime

import icalendar
from django.utils import timezone

PRODID = "-//Landkreis Leipzig//Koordinierungsstelle fuer Integration//DE"


def _plain(value):
    """The value with every line break as a single LF."""
    # Readers end a content line at a lone CR too; as an LF it is escaped like any line break,
    # whichever icalendar release does the escaping.
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def deadline_ics(*, uid, date, summary, description, url):
    """A one-day calendar event for the application deadline."""
    event = icalendar.Event()
    event.add("uid", _plain(uid))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", date)
    # DTEND of an all-day event is exclusive: the event covers the deadline day alone.
    event.add("dtend", date + datetime.timedelta(days=1))
    event.add("summary", _plain(summary))
    event.add("description", _plain(description))
    # icalendar refuses a URI with a line break in it rather than escaping it.
    event.add("url", url)
    # A deadline is a reminder, not an appointment: the reader's day stays free.
    event.add("transp", "TRANSPARENT")

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical().decode()
