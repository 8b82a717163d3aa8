"""Evidence files are judged by their content, not only by their name."""

import io
import zipfile

import openpyxl
import pytest

from monev.filetypes import check_upload, sniff


def ooxml(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<x/>")
    return buffer.getvalue()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


GOOD = [
    ("laporan.pdf", b"%PDF-1.7\n..."),
    ("foto.PNG", b"\x89PNG\r\n\x1a\n" + b"\0" * 20),
    ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20),
    ("foto.jpeg", b"\xff\xd8\xff\xe1" + b"\0" * 20),
    ("animasi.gif", b"GIF89a" + b"\0" * 20),
    ("gambar.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 "),
    ("surat.docx", ooxml("word/document.xml")),
    ("rekap.xlsx", xlsx()),
    ("paparan.pptx", ooxml("ppt/presentation.xml")),
    ("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 20),
    ("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 20),
]


@pytest.mark.parametrize(("name", "content"), GOOD, ids=[name for name, _ in GOOD])
def test_accepted_files(name, content):
    kind, reason = check_upload(name, content)
    assert kind is not None and reason is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Jenis berkas .exe tidak diterima"),
        ("tanpa-ekstensi", b"%PDF-1.4", "(tanpa ekstensi) tidak diterima"),
        ("menyamar.pdf", b"MZ\x90\x00 this is a program", "bukan PDF"),
        ("menyamar.jpg", b"%PDF-1.4", "bukan gambar JPEG"),
        ("menyamar.docx", ooxml("xl/workbook.xml"), "bukan dokumen Word"),
        ("arsip.xlsx", b"PK\x03\x04 not really a zip", "bukan lembar kerja Excel"),
        ("teks.pdf", b"hanya teks biasa", "bukan PDF"),
        ("skrip.svg", b"<svg onload=alert(1)>", "Jenis berkas .svg tidak diterima"),
    ],
)
def test_refused_files_get_a_reason(name, content, message):
    kind, reason = check_upload(name, content)
    assert kind is None
    assert message in reason


def test_a_zip_without_office_parts_is_not_office():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.txt", "x")
    assert sniff(buffer.getvalue()[:16], buffer.getvalue()) is None
