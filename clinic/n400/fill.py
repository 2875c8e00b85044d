"""Filling the official PDF with pikepdf: values in their fields, with appearance streams drawn
(so every viewer shows them without NeedAppearances), XFA removed, Part 14 pages as needed."""

import io
import math
import re
from decimal import Decimal

import pikepdf
from pikepdf import Name
from pikepdf.form import ExtendedAppearanceStreamGenerator, Form, SimpleFont

from clinic.n400 import part14, watermark
from clinic.n400.plan import Entry

MULTILINE = 1 << 12
COMB = 1 << 24
SMALLEST_FONT = Decimal(5)
_TF = re.compile(rb"(/[^\s]+)\s+([\d.]+)\s+Tf")


class FittingAppearances(ExtendedAppearanceStreamGenerator):
    """pikepdf's appearance streams, with the font made smaller (down to 5 pt) when a value is
    too wide for its box, as a viewer's "auto" size would: nothing is cut off."""

    def __init__(self, pdf, form):
        super().__init__(pdf, form)
        self.measures = {}  # font name -> _Widths

    def generate_text(self, field):
        if not field.flags & COMB:
            self._fit_font(field)
        super().generate_text(field)

    def _fit_font(self, field):
        match = _TF.search(bytes(field.default_appearance))
        if match is not None:
            name = match.group(1).decode()
            if name not in self.measures:
                self.measures[name] = _Widths(SimpleFont.load(Name(name), field.default_resources))
            _fit_font(field, match, self.measures[name])


def _fit_font(field, match, measure):
    size = Decimal(match.group(2).decode())
    x1, y1, x2, y2 = (Decimal(str(float(v))) for v in field.obj.Rect)
    width, height = x2 - x1 - 4, y2 - y1 - 2
    text = field.value_as_string
    fitted = size
    while fitted > SMALLEST_FONT and not _fits(measure, text, fitted, width, height, field):
        fitted -= Decimal("0.5")
    if fitted != size:
        da = bytes(field.default_appearance)
        start, end = match.span(2)
        field.obj.DA = pikepdf.String(da[:start] + str(fitted).encode() + da[end:])


class _Widths:
    """A font's text widths, each character measured once (pikepdf measures per call)."""

    def __init__(self, font):
        self.font, self.units = font, {}

    def __call__(self, text, size):
        try:
            encoded = self.font.encode(text)
        except (NotImplementedError, UnicodeEncodeError):
            encoded = text.encode("ascii", errors="replace")
        total = Decimal(0)
        for byte in encoded:
            if byte not in self.units:
                self.units[byte] = Decimal(self.font.unscaled_char_width(bytes([byte])))
            total += self.units[byte]
        return total * size / 1000


def _fits(measure, text, size, width, height, field):
    if not field.flags & MULTILINE:
        return measure(text, size) <= width
    lines, line = 1, Decimal(0)
    space = measure(" ", size)
    for word in text.split():
        word_width = measure(word, size)
        if word_width > width:
            return False
        if line and line + space + word_width > width:
            lines, line = lines + 1, word_width
        else:
            line += (space if line else 0) + word_width
    return lines * size * Decimal("1.25") <= height


def fill(edition, plan, *, draft=False):
    """The edition's PDF filled with `plan` (clinic.n400.plan.make_plan), as bytes; with the
    DRAFT watermark across every page when `draft`."""
    pdf = pikepdf.open(edition.pdf_path)
    _remove_xfa(pdf)
    widgets = _widgets(pdf)
    entries = plan.additional + _too_long(edition, plan, widgets)
    chunks = part14.chunks(entries, _block_size(pdf, edition, widgets))
    names = part14.add_pages(pdf, edition, chunks, widgets)
    form = Form(pdf, FittingAppearances)
    for name, value in {**plan.text, **part14.block_values(chunks, names)}.items():
        _set_text(form[name], value)
    for name, on_state in plan.checked.items():
        _tick(form[name], on_state)
    for name, original in names.copies.items():
        if original in plan.text:
            _set_text(form[name], plan.text[original])
    if draft:
        watermark.stamp(pdf)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _remove_xfa(pdf):
    """Without the XFA every viewer shows the AcroForm values; the usage-rights signature
    (/Perms) would only make Acrobat complain that the document was changed."""
    acroform = pdf.Root.AcroForm
    for key in ("/XFA", "/NeedAppearances"):
        if key in acroform:
            del acroform[key]
    if "/Perms" in pdf.Root:
        del pdf.Root["/Perms"]


def full_name(annot):
    parts = []
    node = annot
    while node is not None:
        if "/T" in node:
            parts.append(str(node.T))
        node = node.get("/Parent")
    return ".".join(reversed(parts))


def _widgets(pdf):
    """{full field name: (widget, page number)} for every widget of the form."""
    found = {}
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") == "/Widget":
                found[full_name(annot)] = (annot, number)
    return found


def _max_length(widget):
    node = widget
    while node is not None:
        if "/MaxLen" in node:
            return int(node.MaxLen)
        node = node.get("/Parent")
    return None


def _too_long(edition, plan, widgets):
    """Values longer than their field allows go on Part 14 instead, under the field's item."""
    where = {spec["name"]: spec for spec in edition.fields}
    moved = []
    for name, value in list(plan.text.items()):
        widget, page = widgets[name]
        limit = _max_length(widget)
        if limit is not None and len(value) > limit and name in where:
            spec = where[name]
            del plan.text[name]
            label = spec.get("label", spec["source"])
            moved.append(Entry(page, spec["part"], spec["item"], (f"{label}: {value}",)))
    return moved


def _block_size(pdf, edition, widgets):
    """(characters per line, lines) of a Part 14 block's text box, in its own font."""
    widget, _ = widgets[edition.additional["blocks"][0]["text"]]
    match = _TF.search(bytes(widget.DA))
    size = float(match.group(2))
    font = SimpleFont.load(Name(match.group(1).decode()), pdf.Root.AcroForm.DR)
    x1, y1, x2, y2 = (float(v) for v in widget.Rect)
    char = float(font.text_width("M", size))  # the form's Courier: every character as wide
    # pikepdf's layout counts a space before each line's first word: one character less.
    return max(20, int((x2 - x1) / char) - 2), max(1, math.floor((y2 - y1 - 6) / size))


def _set_text(field, value):
    if field.__class__.__name__ == "ChoiceField":
        option = _option(field, value)
        if option is not None:
            field.value = option
        return
    field.value = value


def _option(field, value):
    """The field's option for this value: the same text (the form pads " MA"), else the one
    option that contains it ("Boston" for " Massachusetts - USCIS Boston Field Office")."""
    wanted = value.strip().casefold()
    exports = [str(option.export_value) for option in field.options]
    same = [export for export in exports if export.strip().casefold() == wanted]
    containing = [export for export in exports if wanted and wanted in export.casefold()]
    if same or len(containing) == 1:
        return (same or containing)[0]
    return None


def _tick(field, on_state):
    if on_state not in [str(state) for state in field.states]:
        raise ValueError(f"{on_state} is not an on-state of {field._field.fully_qualified_name}")
    field.checked = True
