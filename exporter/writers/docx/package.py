"""Package-level work: a clean template, embedded font parts, core properties and a
byte-reproducible zip."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PACKAGE_URI, PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import _ContentTypesItem

from exporter.assemble.plan import BookMeta
from exporter.writers.docx import ooxml
from exporter.writers.docx.fontfaces import (
    covers,
    face,
    font_key,
    obfuscate,
    panose,
    subset_font,
)
from exporter.writers.docx.ooxml import BodySpool

APP_XML = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_TABLE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
# Template parts a generated book has no use for (a blank page thumbnail, Word 2010
# duplicate styles, SharePoint metadata).
_DROP = ("thumbnail", "stylesWithEffects", "customXml")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def new_document() -> Document:
    doc = docx.Document()
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if any(key in rel.reltype for key in _DROP) or rel.reltype == RT.EXTENDED_PROPERTIES:
                rels.pop(rid)
    # The template's app.xml names another application and a Normal.dotm template.
    app = Part(PackURI("/docProps/app.xml"), APP_XML, ooxml.app_properties(), doc.part.package)
    doc.part.package.relate_to(app, RT.EXTENDED_PROPERTIES)
    return doc


@dataclass
class FontUse:
    path: Path
    chars: set[str]


def _font_table_part(doc: Document) -> XmlPart:
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == RT.FONT_TABLE:
            doc.part.rels.pop(rid)
    element = ooxml.fonts_root()
    part = XmlPart(PackURI("/word/fontTable.xml"), FONT_TABLE, element, doc.part.package)
    doc.part.relate_to(part, RT.FONT_TABLE)
    return part


@dataclass
class FontInfo:
    """What fontTable.xml says of a family besides its name: the stock font to fall back to
    and a file of the same class (its PANOSE digits and coverage), where one is known."""

    alt: str = ""
    sample: Path | None = None


def _entry_for(name: str, info: FontInfo) -> ooxml.FontEntry:
    han = info.sample is not None and covers(info.sample, "中")
    charset = "86" if han or not name.isascii() else "00"  # 86 = GB2312
    digits = panose(info.sample) if info.sample is not None else ""
    # PANOSE serif style 11-13 is sans serif; 3 as family kind is a script (楷体).
    family = "swiss" if digits[2:4] in ("0B", "0C", "0D") else "roman" if digits else "auto"
    family = "script" if digits[:2] == "03" else family
    return ooxml.FontEntry(name, charset=charset, alt_name=info.alt, panose=digits, family=family)


def write_font_table(
    doc: Document, families: dict[str, FontInfo], embedded: list[FontUse], full: bool = False
) -> None:
    """fontTable.xml naming every family the styles use; embedded faces are subset (or
    whole, `full`), obfuscated and attached as /word/fonts/fontN.odttf."""
    part = _font_table_part(doc)
    entries: dict[str, ooxml.FontEntry] = {}
    for name, info in families.items():
        entries[name] = _entry_for(name, info)
    for use in embedded:
        family = face(use.path).family
        entries.setdefault(family, _entry_for(family, FontInfo(sample=use.path)))
    for n, use in enumerate(sorted(embedded, key=lambda u: str(u.path)), start=1):
        f = face(use.path)
        data = use.path.read_bytes() if full else subset_font(use.path, use.chars)
        key = font_key(data)
        font_part = Part(
            PackURI(f"/word/fonts/font{n}.odttf"),
            OBFUSCATED_FONT,
            obfuscate(data, key),
            doc.part.package,
        )
        rid = part.relate_to(font_part, RT.FONT)
        entry = entries[f.family]
        kind = "embedBold" if f.bold else "embedRegular"
        if all(k != kind for k, _, _ in entry.embeds):
            entry.embeds.append((kind, rid, key))
    for entry in entries.values():
        entry.embeds.sort(key=lambda e: e[0] != "embedRegular")  # schema order
    ooxml.font_table(part.element, list(entries.values()))


def _date(text: str) -> dt.datetime:
    """The book's date (`2025年7月`, `2025-07-01` …), else the build's (build_date)."""
    m = re.search(r"(\d{4})\D{0,3}(\d{1,2})?\D{0,3}(\d{1,2})?", text or "")
    if not m:
        return build_date()
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return dt.datetime(year, month, day, tzinfo=dt.timezone.utc)
    except ValueError:
        return build_date()


def build_date() -> dt.datetime:
    """SOURCE_DATE_EPOCH (reproducible builds) when set, else today at 00:00 UTC: a real
    date, and two builds of one day give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(microsecond=0)
    today = dt.datetime.now(dt.timezone.utc).date()
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)


def set_core_properties(doc: Document, meta: BookMeta) -> None:
    cp = doc.core_properties
    cp.title = ooxml.clean_text(meta.title)
    cp.subject = ooxml.clean_text(meta.subject or meta.subtitle)
    cp.author = ooxml.clean_text(meta.editor)
    cp.last_modified_by = ooxml.clean_text(meta.editor)
    cp.keywords = ooxml.clean_text("; ".join(meta.keywords))
    cp.language = meta.language or "zh-CN"
    cp.comments = ooxml.clean_text(meta.subtitle)
    cp.category = ""
    cp.revision = 1
    when = _date(meta.date)
    cp.created = when
    cp.modified = when


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with fixed time and attributes (python-docx would stamp the clock)."""
    entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    entry.create_system = 0
    return entry


def save_reproducible(doc: Document, out: Path, body: BodySpool) -> None:
    """Write the package straight into `out`, in python-docx's part order, with the main
    document's body streamed from `body` (never held as one tree or one string)."""
    package = doc.part.package
    parts = list(package.iter_parts())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:

        def put(name: str, data: bytes) -> None:
            dst.writestr(_entry(name), data, compresslevel=6)

        put("[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob)
        put(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            part.before_marshal()
            name = part.partname.membername
            if part is doc.part:
                with dst.open(_entry(name), "w") as stream:
                    body.write_document(doc.element, stream)
            else:
                put(name, part.blob)
            if len(part.rels):
                put(part.partname.rels_uri.membername, part.rels.xml)
