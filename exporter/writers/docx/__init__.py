"""DOCX writer: the book plan as an editable Word file built on named styles.

Modules (one job each):
    styles.py    the style compiler: layout roles -> Word styles (built-in names where Word has
                 a feature for them: Heading 1-4, Title, TOC 1-2, Header, Footer, index 1-3)
    writer.py    one handler per plan block kind; a section per run of parts; `write_docx`
    blocks.py    the handlers of tables, key figures, the chart, the index and the TOC
    sections.py  page geometry, STYLEREF running headers, PAGE-field footers (odd/even sides
                 as the PDF has them), two-column index sections
    text.py      text -> runs: bold lead phrases, per-character fallback faces, glyph accounting
    paging.py    a page estimate modelled on LibreOffice's layout, for the page numbers
                 pre-filled in the TOC and index fields and the sides of each section
    measure.py   its line measure: font advance widths, line-break counts, style metrics
    chart.py     the overview bar chart as a PNG (Pillow)
    fontfaces.py family names, coverage, subsetting and ECMA-376 §17.8.1 obfuscation
    package.py   clean template, font parts, core properties, reproducible zip
    ooxml.py     every piece of raw WordprocessingML (nothing else builds XML)

Choices worth knowing:
- Embedded fonts (subsets, or whole faces with `embed_fonts="full"`) are referenced by the
  embedded file's own family name ("Noto Serif SC"), so Word and LibreOffice find them;
  `embed_fonts="none"` names the layout's `docx_family` (宋体, 仿宋_GB2312 …) instead. The
  font table gives each an altName (宋体, 仿宋 …), PANOSE class and GB2312 charset.
  Characters the main face lacks (CJK Extension B …) are set through a "Fallback <family>"
  character style whose face is embedded too.
- The GB/T 9704 grid is a lines-only grid plus a small negative character spacing on body-size
  styles: Word and LibreOffice then both give 28 characters a line (LibreOffice splits each
  16 pt character over two cells of a 15.8 pt character grid).
- The TOC is a real `TOC \\o "1-N" \\h \\z \\u` field (N = the plan's TOC depth) and index
  entries hold PAGEREF fields, pre-filled with estimated page numbers; Word refreshes them
  on opening (updateFields), LibreOffice shows them as written (on the seed book every TOC
  entry names the page LibreOffice puts it on).
- Speed and memory (a long book must not exist as one element tree): the body is built as
  XML text (ooxml.Para, runs as strings: exactly what the element tree would serialize to),
  spooled into a temporary file every few thousand paragraphs (ooxml.BodySpool) and
  streamed into the zip, which is written once, straight to the output file. Text made
  only of characters the main face has already set (most text) is recognised with one
  regex scan, other text with one set test. Font subsets, file digests, family names,
  cmap code points and advance widths are cached on disk in the user cache
  (exporter.cache), keyed by the font file, so a rebuild does no font work and does not
  import fontTools. N=1,000 benchmark book: about 1.3 s CPU (4.2 s when runs were element trees).
"""

from exporter.writers.docx.writer import write_docx

__all__ = ["write_docx"]
