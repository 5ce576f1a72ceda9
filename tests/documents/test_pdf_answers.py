"""The same PDF under the same bounds is checked by a child process once per process."""

import pytest

from documents import pdf

from . import files


@pytest.fixture
def children(monkeypatch):
    """The task of each child process started."""
    started = []
    real = pdf._run_child

    def counting(arguments, data, seconds):
        started.append(arguments["task"])
        return real(arguments, data, seconds)

    monkeypatch.setattr(pdf, "_run_child", counting)
    monkeypatch.setattr(pdf, "_answers", type(pdf._answers)())
    return started


def test_the_same_file_is_answered_from_memory(children):
    data = files.pdf()
    first = pdf.pdf_inspect(data)
    preview = pdf.pdf_first_page_png(data)
    assert first["page_count"] == 1 and preview.startswith(b"\x89PNG")
    assert pdf.pdf_inspect(data) == first
    assert pdf.pdf_first_page_png(data) == preview
    assert children == ["inspect", "render"]
    # Another file, or the same one under other bounds, is checked again.
    pdf.pdf_inspect(files.pdf())
    assert children == ["inspect", "render", "inspect"]


def test_other_bounds_start_a_child_again(children, settings):
    data = files.pdf()
    pdf.pdf_inspect(data)
    settings.DOCUMENT_MAX_PDF_PAGES = 3
    pdf.pdf_inspect(data)
    assert children == ["inspect", "inspect"]


def test_a_timeout_is_not_remembered(children, settings):
    data = files.pdf()
    settings.PDF_CHECK_SECONDS = 0.001
    with pytest.raises(pdf.SandboxFailed):
        pdf.pdf_inspect(data)
    assert not pdf._answers


def test_text_cut_off_by_its_deadline_is_not_remembered(children, monkeypatch):
    monkeypatch.setattr(
        pdf, "_run_child", lambda *a: b'{"page_count": 1, "text": "", "text_complete": false}'
    )
    assert pdf.pdf_inspect(files.pdf())["text_complete"] is False
    assert not pdf._answers


def test_the_memory_is_bounded(children, monkeypatch):
    monkeypatch.setattr(pdf, "MEMORY_BYTES", 1)
    pdf.pdf_inspect(files.pdf())
    assert not pdf._answers
