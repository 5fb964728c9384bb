"""The PDF writer: our own CLREQ line breaker and line drawing on reportlab.

Public entry point: `write_pdf(book, layout, out) -> WriteResult` (pages, missing glyphs).

Design, module by module:
- styles     layout roles -> PStyle (sizes, leading, indents in pt; grid layouts fix the
             character and line pitch from the type area: 22 x 28 for GB/T 9704)
- faces      font chains per role (main face + fallbacks), cached advances, the encoder
- cidfont    each face embedded once as a Type0/CIDFontType2 font, Identity-H, subset
- tounicode  ToUnicode maps that keep characters beyond the BMP (𠮷 U+20BB7)
- flate      stream compression at zlib level 3 (a third of level 6's time, +11 % size)
- links      link annotations formatted straight to bytes
- linebreak  CLREQ breaking on prefix sums: kinsoku, unbreakable runs, ¼ em Han-Latin
             space, justification, line-end compression only when pushing out would gape
- draw       one TJ array per line and face; justification, tracking and spacing are TJ
             adjustments so extracted glyph boxes stay exact
- flowables  text blocks (widow/orphan control), boxes, part markers
- leaders    TOC and index entries, key figures (sentence ...... figure)
- blocks     three-rule tables, lists, the vector bar chart
- context    per-build state: page labels, anchors, forward page references
- doc        page templates (mirrored margins), running header, page-number footer
- writer     one handler per plan block, keep-with-next, write_pdf

Page references need one layout pass: the TOC draws form XObjects filled in with page
labels once the book is laid out; index entries (after their targets) print labels directly.
"""

from reportlab import rl_config

from exporter.writers.pdf import flate, tounicode
from exporter.writers.pdf.writer import write_pdf

tounicode.install()
flate.install()  # streams at zlib level 3 (see flate)
# Binary Flate streams: ASCII85 adds a quarter to every stream and costs pure-Python time.
# Set once for the process (reportlab reads it while writing), never toggled per build,
# so concurrent builds in threads write the same bytes.
rl_config.useA85 = 0

__all__ = ["write_pdf"]
