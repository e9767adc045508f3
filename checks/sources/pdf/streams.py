"""What a PDF's streams may unpack to, bounded before pdfminer holds the bytes.

pdfminer decodes a stream whole and without a limit (``zlib.decompress``, its LZW and run-length decoders, the PNG
and TIFF predictors in pure Python): a few KB of Flate data can unpack to gigabytes, LZW to more. Its decoders are
looked up as globals of ``pdfminer.pdftypes`` each time a stream is decoded, so they are replaced there by bounded
ones while a document is read (``bounded()``): each stream unpacks to at most ``MAX_STREAM`` bytes, all of them to
``MAX_INFLATED``, and a predictor runs on at most ``MAX_PREDICTED`` (its loop costs ~1 s a MB). Past a limit the
decoder raises ``StreamLimit``, which reaches the reader (pdfminer does not catch it), and ``Bounds.exceeded`` says
which limit it was even where pdfminer swallows errors (a damaged font is read without its data).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# A real report's PDF is 0.1–2 MB; its largest streams are embedded font subsets (well under 1 MB each) and its
# pages' content (10–50 KB each). A whole CJK font embedded unsubsetted is 10–20 MB.
MAX_STREAM = 32 * 1024 * 1024
MAX_INFLATED = 96 * 1024 * 1024
MAX_PREDICTED = 4 * 1024 * 1024


class StreamLimit(Exception):
    """A stream, or all of them together, would unpack past a limit: ``what`` names it."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"{what} > {limit}")
        self.what = what
        self.limit = limit


class Bounds:
    """The bytes unpacked so far in one document, and the first limit reached."""

    def __init__(self) -> None:
        self.inflated = 0
        self.exceeded: StreamLimit | None = None

    def take(self, size: int, stream: int) -> None:
        """``size`` more bytes unpacked, ``stream`` of them so far in the stream being unpacked."""
        self.inflated += size
        if stream > MAX_STREAM:
            self._fail(StreamLimit("stream", MAX_STREAM))
        if self.inflated > MAX_INFLATED:
            self._fail(StreamLimit("inflated", MAX_INFLATED))

    def _fail(self, limit: StreamLimit) -> None:
        if self.exceeded is None:
            self.exceeded = limit
        raise limit


_current: list[Bounds] = []  # the document being read (a stack: one at a time, but never left set)


def _bounds() -> Bounds:
    return _current[-1] if _current else Bounds()


class _Zlib:
    """``zlib`` as pdfminer's pdftypes uses it (``decompress``, ``error``), bounded."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        """The stream unpacked, at most ``MAX_STREAM`` bytes of it. Fed in pieces, so that a stream damaged part
        way keeps what came before the damage, as pdfminer's fallback (``decompress_corrupted``) would, without
        that fallback: it feeds one byte at a time and joins the output by copying it, quadratic in its length."""
        unpacker = zlib.decompressobj()
        out: list[bytes] = []
        size = 0
        bounds = _bounds()
        for start in range(0, len(data), _PIECE):
            try:
                piece = unpacker.decompress(data[start : start + _PIECE], MAX_STREAM + 1 - size)
            except zlib.error:
                if not out:
                    raise
                break
            size += len(piece)
            bounds.take(len(piece), size)
            out.append(piece)
            if size > MAX_STREAM or unpacker.eof:
                break
        return b"".join(out)


_PIECE = 64 * 1024


def _not_recovered(data: bytes) -> bytes:
    """pdfminer's byte-by-byte reading of a damaged Flate stream: what could be read was read above."""
    raise zlib.error("damaged Flate stream")


def _lzw(data: bytes) -> bytes:
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    out: list[bytes] = []
    size = 0
    bounds = _bounds()
    for chunk in LZWDecoder(BytesIO(data)).run():
        size += len(chunk)
        bounds.take(len(chunk), size)
        out.append(chunk)
    return b"".join(out)


def _run_length(data: bytes) -> bytes:
    """RunLengthDecode (PDF 32000-1 §7.4.5), stopping past ``MAX_STREAM``: pdfminer's own is 128 times its input."""
    out = bytearray()
    index = 0
    while index < len(data):
        length = data[index]
        if length == 128:
            break
        if length < 128:
            out += data[index + 1 : index + 2 + length]
            index += 2 + length
        else:
            out += data[index + 1 : index + 2] * (257 - length)
            index += 2
        if len(out) > MAX_STREAM:
            break
    _bounds().take(len(out), len(out))
    return bytes(out)


def _predicted(predict: Callable[..., bytes]) -> Callable[..., bytes]:
    def bounded_predict(*args: Any) -> bytes:
        data = args[-1]
        if len(data) > MAX_PREDICTED:
            _bounds()._fail(StreamLimit("predicted", MAX_PREDICTED))
        return predict(*args)

    return bounded_predict


@contextmanager
def bounded() -> Iterator[Bounds]:
    """pdfminer's stream decoders bounded while the block runs; the bounds of this document."""
    from pdfminer import pdftypes

    saved = {name: getattr(pdftypes, name) for name in _REPLACED}
    bounds = Bounds()
    _current.append(bounds)
    replacements = {
        "zlib": _Zlib,
        "decompress_corrupted": _not_recovered,
        "lzwdecode": _lzw,
        "rldecode": _run_length,
        "apply_png_predictor": _predicted(saved["apply_png_predictor"]),
        "apply_tiff_predictor": _predicted(saved["apply_tiff_predictor"]),
    }
    for name, value in replacements.items():
        setattr(pdftypes, name, value)
    try:
        yield bounds
    finally:
        _current.pop()
        for name, value in saved.items():
            setattr(pdftypes, name, value)


_REPLACED = ("zlib", "decompress_corrupted", "lzwdecode", "rldecode", "apply_png_predictor", "apply_tiff_predictor")
