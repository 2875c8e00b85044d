"""The N-400 editions the app can fill: each official PDF in forms/ with its field map in maps/."""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
FORMS_DIR = HERE / "forms"
MAPS_DIR = HERE / "maps"
PDF_NAME = re.compile(r"^n-400-edition-(\d{4}-\d{2}-\d{2})\.pdf$")
KINDS = frozenset(
    {"text", "date", "a_number", "digits", "number", "country", "choice", "digit", "checkbox"}
)


class EditionError(Exception):
    """A shipped edition can't be filled: its map is missing or malformed."""


@dataclass(frozen=True)
class Edition:
    key: str  # "2025-01-20"
    title: str
    pdf_path: Path
    date_format: str
    pages: int
    fields: tuple  # dicts: name, source, kind, part, item, label, when/on, ...
    lists: tuple  # dicts: source, label, page, part, item, overflow, order, columns, rows
    notes: tuple  # dicts: source, page, part, item, label
    additional: dict  # Part 14: page, blocks [{page, part, item, text}]
    untouched: tuple  # name fragments of fields never filled (barcodes, signatures)

    def names(self):
        """Every PDF field the map may fill, fields and list rows."""
        names = {entry["name"] for entry in self.fields}
        for table in self.lists:
            for row in table.get("rows", []):
                for target in row.values():
                    names.update(target.values() if isinstance(target, dict) else [target])
        for block in self.additional["blocks"]:
            names.update(block.values())
        return names


def shipped(forms_dir=FORMS_DIR):
    """{edition key: PDF path} for every official PDF in forms/."""
    found = {}
    for path in sorted(Path(forms_dir).glob("*.pdf")):
        match = PDF_NAME.match(path.name)
        if match is None:
            raise EditionError(f"{path.name}: name it n-400-edition-YYYY-MM-DD.pdf")
        found[match.group(1)] = path
    return found


def load(key, forms_dir=FORMS_DIR, maps_dir=MAPS_DIR):
    """The edition `key` with its map; EditionError when the PDF or its map is missing."""
    pdfs = shipped(forms_dir)
    if key not in pdfs:
        raise EditionError(f"No N-400 edition {key} in {forms_dir}.")
    map_path = Path(maps_dir) / f"{key}.toml"
    if not map_path.exists():
        raise EditionError(
            f"N-400 edition {key} is shipped without a field map: write {map_path.name} in "
            f"{maps_dir} (see docs/n400.md) before the app can fill it."
        )
    try:
        data = tomllib.loads(map_path.read_text(encoding="utf-8"))
        edition = Edition(
            key=key,
            title=data["title"],
            pdf_path=pdfs[key],
            date_format=data["date_format"],
            pages=data["pages"],
            fields=tuple(data["field"]),
            lists=tuple(data.get("list", ())),
            notes=tuple(data.get("note", ())),
            additional=data["additional"],
            untouched=tuple(data.get("untouched", ())),
        )
    except (tomllib.TOMLDecodeError, KeyError) as error:
        raise EditionError(f"{map_path.name} is malformed: {error}") from error
    _check_kinds(edition, map_path.name)
    return edition


def _check_kinds(edition, file_name):
    for entry in edition.fields:
        if entry.get("kind") not in KINDS or not entry.get("source"):
            raise EditionError(f"{file_name}: {entry.get('name')} needs a source and a kind.")
        if entry["kind"] == "checkbox" and not ("on" in entry and ("when" in entry)):
            raise EditionError(f"{file_name}: checkbox {entry['name']} needs `when` and `on`.")


def latest_key(forms_dir=FORMS_DIR):
    keys = sorted(shipped(forms_dir))
    if not keys:
        raise EditionError(f"No N-400 PDF in {forms_dir}.")
    return keys[-1]


@cache
def current():
    """The newest shipped edition: the one the app fills (a missing map fails loudly)."""
    return load(latest_key())
