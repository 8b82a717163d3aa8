"""What an uploaded evidence file really is, read from its first bytes, not from its name.

Pure functions over bytes: no models, no libmagic. Office Open XML files (docx, xlsx, pptx)
are ZIP archives recognised by their main part; the older Office formats share one
container signature (OLE2) and are told apart by extension only.
"""

import io
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    label: str
    extensions: tuple[str, ...]
    content_type: str


PDF = FileKind("PDF", (".pdf",), "application/pdf")
PNG = FileKind("gambar PNG", (".png",), "image/png")
JPEG = FileKind("gambar JPEG", (".jpg", ".jpeg"), "image/jpeg")
GIF = FileKind("gambar GIF", (".gif",), "image/gif")
WEBP = FileKind("gambar WebP", (".webp",), "image/webp")
DOCX = FileKind(
    "dokumen Word", (".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX = FileKind(
    "lembar kerja Excel", (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
PPTX = FileKind(
    "presentasi PowerPoint",
    (".pptx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
OLE_OFFICE = FileKind("dokumen Office lama", (".doc", ".xls", ".ppt"), "application/octet-stream")
OLE_TYPES = {
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
}

ALLOWED_EXTENSIONS = sorted(
    ext for kind in (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, OLE_OFFICE) for ext in kind.extensions
)

_OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}


def sniff(head: bytes, whole: bytes | None = None) -> FileKind | None:
    """The kind of file these bytes start with; ``whole`` is needed to look inside ZIP files."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE_OFFICE
    if head.startswith(b"PK\x03\x04") and whole is not None:
        try:
            names = set(zipfile.ZipFile(io.BytesIO(whole)).namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names:
            for part, kind in _OOXML_PARTS.items():
                if part in names:
                    return kind
    return None


def extension_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def check_upload(name: str, content: bytes) -> tuple[FileKind | None, str | None]:
    """(kind, None) for an acceptable file, or (None, an Indonesian reason) for one to refuse."""
    extension = extension_of(name)
    if extension not in ALLOWED_EXTENSIONS:
        allowed = ", ".join(ALLOWED_EXTENSIONS)
        return None, f"Jenis berkas {extension or '(tanpa ekstensi)'} tidak diterima. Gunakan: {allowed}."
    kind = sniff(content[:16], content)
    if kind is None or extension not in kind.extensions:
        return (
            None,
            f"Isi berkas tidak sesuai dengan ekstensi {extension}: berkas ini bukan {kind_for(extension)}.",
        )
    return kind, None


def kind_for(extension: str) -> str:
    for kind in (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, OLE_OFFICE):
        if extension in kind.extensions:
            return kind.label
    return "berkas yang diterima"


def content_type_for(kind: FileKind, name: str) -> str:
    if kind is OLE_OFFICE:
        return OLE_TYPES.get(extension_of(name), kind.content_type)
    return kind.content_type
