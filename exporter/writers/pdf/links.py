"""Internal link annotations written straight to bytes.

A book of thousands of cases carries thousands of links (TOC and index entries to their
pages); reportlab formats each as a generic dictionary of generic objects, which was a large
share of saving the PDF. The bytes are the same as reportlab's own LinkAnnotation with a
zero-width border.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc

Rect = tuple[float, float, float, float]


class _Link(pdfdoc.LinkAnnotation):
    def format(self, document: Any) -> bytes:
        dest = self.Destination
        formatted: bytes | None = getattr(dest, "_formatted", None)
        if formatted is None:  # one destination serves many links: format it once
            formatted = dest._formatted = pdfdoc.format(dest, document)
        return (
            b"<<\n/Border [ 0 0 0 ] /Contents () /Dest "
            + formatted
            + b" /Rect [ "
            + fp_str(*self.Rect).encode("ascii")
            + b" ] /Subtype /Link /Type /Annot\n>>"
        )


def link_rect(canv: Any, anchor: str, rect: Rect) -> None:
    """A borderless link from `rect` (current user space) to the bookmark `anchor`."""
    dest = canv._bookmarkReference(anchor)
    canv._addAnnotation(_Link(canv._absRect(rect, 1), "", dest))
