"""The application deadline as an iCalendar event for the reader's own calendar."""

import datetime

import icalendar
from django.utils import timezone

from core.text import normalise_line_breaks

PRODID = "-//Landkreis Leipzig//Koordinierungsstelle fuer Integration//DE"


def deadline_ics(*, uid, date, summary, description, url):
    """A one-day calendar event for the application deadline."""
    event = icalendar.Event()
    event.add("uid", normalise_line_breaks(uid))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", date)
    # DTEND of an all-day event is exclusive: the event covers the deadline day alone.
    event.add("dtend", date + datetime.timedelta(days=1))
    event.add("summary", normalise_line_breaks(summary))
    event.add("description", normalise_line_breaks(description))
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
