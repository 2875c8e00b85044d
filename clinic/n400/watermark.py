"""The draft's watermark: "DRAFT — not reviewed by an attorney" across every page, in the page
content itself (under the fields' values), so it prints and can't be switched off."""

import math

from pikepdf import Dictionary, Name

TEXT = "DRAFT \u2014 not reviewed by an attorney"
FONT_SIZE = 34
# Helvetica-Bold is one of the 14 standard fonts every viewer has: nothing to embed.
_FONT = {
    "Type": Name.Font,
    "Subtype": Name.Type1,
    "BaseFont": Name("/Helvetica-Bold"),
    "Encoding": Name.WinAnsiEncoding,
}
_AVERAGE_WIDTH = 0.56  # Helvetica-Bold's mean advance for this text, in ems


def stamp(pdf):
    font = pdf.make_indirect(Dictionary(**_FONT))
    state = pdf.make_indirect(Dictionary(Type=Name.ExtGState, ca=0.35, CA=0.35))
    for page in pdf.pages:
        font_name = page.add_resource(font, Name.Font, prefix="Draft")
        state_name = page.add_resource(state, Name.ExtGState, prefix="Draft")
        # The page's own content in q ... Q: whatever state it leaves can't move the stamp.
        page.contents_add(pdf.make_stream(b"q"), prepend=True)
        content = b"Q " + _content(page, font_name, state_name)
        page.contents_add(pdf.make_stream(content), prepend=False)


def _content(page, font_name, state_name):
    x1, y1, x2, y2 = (float(v) for v in page.mediabox)
    width, height = x2 - x1, y2 - y1
    angle = math.atan2(height, width)
    cos, sin = math.cos(angle), math.sin(angle)
    length = len(TEXT) * FONT_SIZE * _AVERAGE_WIDTH
    # Start so that the text's middle sits on the page's centre.
    x = x1 + width / 2 - cos * length / 2 + sin * FONT_SIZE / 3
    y = y1 + height / 2 - sin * length / 2 - cos * FONT_SIZE / 3
    text = TEXT.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return (
        b"q "
        + bytes(state_name)
        + b" gs 0.75 0 0 rg BT "
        + bytes(font_name)
        + f" {FONT_SIZE} Tf {cos:.4f} {sin:.4f} {-sin:.4f} {cos:.4f} {x:.2f} {y:.2f} Tm (".encode()
        + text
        + b") Tj ET Q"
    )
