"""Reads or renders an untrusted PDF in a child process, under limits of time and memory.

Run as a script by documents/pdf.py, never imported by the site: a PDF that makes the
parser or PDFium loop or allocate gigabytes costs this short-lived process, not a worker.
It imports nothing of Django. Arguments: one JSON object; the PDF on stdin; the answer,
one JSON object, on stdout.
"""

import base64
import io
import json
import resource
import signal
import sys

# Actions that run by themselves or start something outside the reader.
RUNNING_ACTIONS = {"/JavaScript": "javascript", "/Launch": "launch", "/ImportData": "launch"}


class Deadline(BaseException):
    """Raised by the alarm; a BaseException so that the parser's `except Exception` lets it by."""


def _alarm(signum, frame):
    raise Deadline


def active_content(reader):
    """What in the PDF could run when it is opened: JavaScript, launch and automatic actions."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    found, seen, stack = set(), set(), [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            try:
                obj = obj.get_object()
            except Exception:  # noqa: BLE001, S112 - a broken reference holds nothing to run
                continue
        if isinstance(obj, ArrayObject):
            stack.extend(obj)
        elif isinstance(obj, DictionaryObject):
            for key, value in obj.items():
                if key in ("/JS", "/JavaScript"):
                    found.add("javascript")
                elif key == "/AA":
                    found.add("automatic_action")
                elif key == "/S" and value in RUNNING_ACTIONS:
                    found.add(RUNNING_ACTIONS[value])
                elif key == "/Subtype" and value == "/RichMedia":
                    found.add("rich_media")
                elif key == "/OpenAction":
                    action = value.get_object() if isinstance(value, IndirectObject) else value
                    # A destination (open at page 1) is harmless; an action is not.
                    if isinstance(action, DictionaryObject) and action.get("/S") != "/GoTo":
                        found.add("open_action")
                if key not in ("/Parent", "/P"):
                    stack.append(value)
    return sorted(found)


def inspect(data, *, max_pages, max_text_pages, max_text_chars, text_seconds):
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        return {"error": "encrypted"}
    # The declared count first: counting a huge page tree is itself the slow part.
    declared = reader.trailer["/Root"]["/Pages"].get_object().get("/Count", 0)
    if isinstance(declared, int) and declared > max_pages:
        return {"error": "too_many_pages", "page_count": int(declared)}
    page_count = len(reader.pages)
    if page_count > max_pages:
        return {"error": "too_many_pages", "page_count": page_count}
    if not page_count:
        return {"error": "damaged"}
    found = active_content(reader)
    if found:
        return {"error": "active_content", "found": found}
    texts, length, complete = [], 0, True
    # Text serves the search only: what is read within the deadline is kept, the rest is not.
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, text_seconds)
    try:
        for page in reader.pages[:max_text_pages]:
            try:
                text = (page.extract_text() or "").strip()
            except Exception:  # noqa: BLE001 - e.g. pypdf's own limits; the file itself is fine
                complete = False
                continue
            if text:
                texts.append(text)
                length += len(text)
            if length > max_text_chars:
                break
    except Deadline:
        complete = False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    text = "\n".join(texts)[:max_text_chars]
    return {"page_count": page_count, "text": text, "text_complete": complete}


def render(data, *, width, min_points, max_points, max_pixels):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    page = pdf[0]
    page_width, page_height = page.get_size()
    if not (min_points <= page_width <= max_points and min_points <= page_height <= max_points):
        return {"error": "page_size", "size": [page_width, page_height]}
    scale = width / page_width
    # Decided before PDFium allocates anything: a narrow, tall page would need a huge bitmap.
    pixels = width * int(page_height * scale + 1)
    if pixels > max_pixels:
        return {"error": "too_many_pixels", "pixels": pixels}
    image = page.render(scale=scale).to_pil().convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return {"png": base64.b64encode(buffer.getvalue()).decode("ascii")}


def main():
    options = json.loads(sys.argv[1])
    memory = options.pop("memory_bytes")
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    seconds = options.pop("seconds")
    resource.setrlimit(resource.RLIMIT_CPU, (seconds + 1, seconds + 1))
    task = {"inspect": inspect, "render": render}[options.pop("task")]
    data = sys.stdin.buffer.read()
    try:
        answer = task(data, **options)
    except MemoryError:
        answer = {"error": "memory"}
    except Exception as error:  # noqa: BLE001 - a damaged file may fail anywhere in the parser
        answer = {"error": "damaged", "detail": f"{type(error).__name__}: {error}"[:300]}
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
