"""Receipt uploads: at most 5 MB, and a PDF, JPEG or PNG by what the file holds, not only
by its name. A file that says it is a PDF but is not one is refused before anything is
saved. Receipts are stored under a name of our own and served only through a view that
checks who is asking (never from a public media address)."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile

from powerwith.core.errors import InvalidInput

MAX_BYTES = 5 * 1024 * 1024
# Each accepted type: the extensions its name may have, and how its content begins.
TYPES: dict[str, tuple[tuple[str, ...], bytes, str]] = {
    "pdf": ((".pdf",), b"%PDF-", "application/pdf"),
    "jpg": ((".jpg", ".jpeg"), b"\xff\xd8\xff", "image/jpeg"),
    "png": ((".png",), b"\x89PNG\r\n\x1a\n", "image/png"),
}
WRONG_TYPE = (
    "The receipt must be a PDF, JPEG or PNG file. Take a photo or scan of it and try again."
)


def type_of(head: bytes) -> str | None:
    for kind, (_, signature, _) in TYPES.items():
        if head.startswith(signature):
            return kind
    return None


def content_type(head: bytes) -> str:
    kind = type_of(head)
    return TYPES[kind][2] if kind else "application/octet-stream"


def checked_receipt(upload: UploadedFile[bytes]) -> UploadedFile[bytes]:
    """The upload, renamed, if it is a receipt we accept; otherwise a clear refusal."""
    size = upload.size or 0
    if size > MAX_BYTES:
        megabytes = size / (1024 * 1024)
        raise InvalidInput(
            f"The receipt is {megabytes:.1f} MB; it must be 5 MB or smaller.", field="receipt"
        )
    if size == 0:
        raise InvalidInput("The receipt file is empty. Choose the file again.", field="receipt")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = type_of(head)
    extension = PurePath(upload.name or "").suffix.lower()
    if kind is None or extension not in TYPES[kind][0]:
        raise InvalidInput(WRONG_TYPE, field="receipt")
    upload.name = f"receipt-{uuid.uuid4().hex}{TYPES[kind][0][0]}"
    return upload
