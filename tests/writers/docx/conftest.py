"""Build the sample book once per layout for the DOCX tests."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from exporter.assemble.plan import Book
from exporter.layout.load import load_layout
from exporter.layout.model import Layout
from exporter.writers import WriteResult
from exporter.writers.docx import write_docx

from .sample import sample_book

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
LAYOUTS = ("book", "gongwen", "brief")


@dataclass
class Built:
    path: Path
    book: Book
    cases: dict[str, list[str]]
    layout: Layout
    result: WriteResult
    embed: bool

    def xml(self, name: str) -> etree._Element:
        with zipfile.ZipFile(self.path) as z:
            return etree.fromstring(z.read(name))

    def names(self) -> list[str]:
        with zipfile.ZipFile(self.path) as z:
            return z.namelist()

    def read(self, name: str) -> bytes:
        with zipfile.ZipFile(self.path) as z:
            return z.read(name)


_CACHE: dict[tuple[str, bool], Built] = {}


def cached(factory: pytest.TempPathFactory, layout_name: str, embed: bool) -> Built:
    key = (layout_name, embed)
    if key not in _CACHE:
        _CACHE[key] = build(factory.mktemp("docx"), layout_name, embed)
    return _CACHE[key]


def build(tmp: Path, layout_name: str, embed: bool) -> Built:
    book, cases = sample_book()
    layout = load_layout(layout_name)
    out = tmp / f"{layout_name}-{'embed' if embed else 'names'}.docx"
    result = write_docx(book, layout, out, embed_fonts=embed)
    return Built(out, book, cases, layout, result, embed)


@pytest.fixture(scope="session", params=LAYOUTS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return cached(tmp_path_factory, request.param, True)


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return cached(tmp_path_factory, "book", True)


@pytest.fixture(scope="session")
def built_gongwen(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return cached(tmp_path_factory, "gongwen", True)


@pytest.fixture(scope="session")
def built_names(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """gongwen without embedded fonts: family names only."""
    return cached(tmp_path_factory, "gongwen", False)


def style_value(
    styles: dict[str, etree._Element], style_id: str, path: str, attr: str
) -> str | None:
    """An attribute a style sets at `path` (w:rPr/w:sz …) or inherits through basedOn."""
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        node = styles[style_id].find(path, NS)
        if node is not None and node.get(f"{{{W}}}{attr}"):
            return node.get(f"{{{W}}}{attr}")
        based = styles[style_id].find("w:basedOn", NS)
        style_id = based.get(f"{{{W}}}val") if based is not None else ""
    return None
