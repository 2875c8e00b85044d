"""Part 14, Additional Information: entries cut into the form's blocks (page, part and item number
with the text), on the form's own page and, when they are more, on copies of it placed after."""

import math
import textwrap
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary

# Copied pages keep what a page of the form is, not what ties it to the original.
_PAGE_KEYS = ("/Type", "/MediaBox", "/CropBox", "/Rotate", "/Contents", "/Resources", "/Tabs")
_NOT_COPIED = {"/Parent", "/P", "/AP", "/AS", "/V", "/StructParent"}


@dataclass(frozen=True)
class Chunk:
    page: int
    part: str
    item: str
    text: str


@dataclass
class Blocks:
    blocks: list  # [{page, part, item, text}: field names], the form's own first
    copies: dict  # {field on a copied page: the field it copies} (name, A-number)


def chunks(entries, size):
    """Entries as block-sized chunks, in form order; a long entry continues in the next block
    under the same page, part and item."""
    width, lines = size
    result = []
    for entry in sorted(entries, key=lambda e: (e.page, _item_key(e.part), _item_key(e.item))):
        wrapped = [
            piece
            for line in entry.lines
            for piece in textwrap.wrap(line, width, break_on_hyphens=False) or [""]
        ]
        for start in range(0, len(wrapped), lines):
            text = "\n".join(wrapped[start : start + lines])
            result.append(Chunk(entry.page, entry.part, entry.item, text))
    return result


def _item_key(text):
    """ "9" < "15.b" < "22.a": numbers first, then letters."""
    head, _, tail = str(text).partition(".")
    return (int(head) if head.isdigit() else 999, tail)


def add_pages(pdf, edition, chunk_list, widgets):
    """Copies of the Part 14 page, after it, until every chunk has a block."""
    blocks = [dict(block) for block in edition.additional["blocks"]]
    found = Blocks(blocks=list(blocks), copies={})
    extra = max(0, math.ceil(len(chunk_list) / len(blocks)) - 1)
    if not extra:
        return found
    page_number = edition.additional["page"]
    subform = widgets[blocks[0]["text"]][0].Parent
    prefix = _name(subform)
    fields = [
        (name, widget)
        for name, (widget, number) in widgets.items()
        if number == page_number and name.startswith(prefix + ".")
    ]
    for copy_number in range(1, extra + 1):
        new_prefix = f"{_name(subform.Parent)}.Part14Continued{copy_number}[0]"
        _copy_page(pdf, page_number - 1 + copy_number, subform, fields, copy_number)
        renamed = {name: new_prefix + name[len(prefix) :] for name, _ in fields}
        found.blocks += [{k: renamed[v] for k, v in block.items()} for block in blocks]
        block_names = {name for block in blocks for name in block.values()}
        found.copies.update({new: old for old, new in renamed.items() if old not in block_names})
    return found


def _name(node):
    parts = []
    while node is not None:
        parts.append(str(node.T))
        node = node.get("/Parent")
    return ".".join(reversed(parts))


def _copy_page(pdf, index, subform, fields, copy_number):
    template = pdf.pages[index - copy_number]
    page = Dictionary({key: template.obj[key] for key in _PAGE_KEYS if key in template.obj})
    pdf.pages.insert(index, pikepdf.Page(page))
    page = pdf.pages[index].obj
    root = pdf.make_indirect(
        Dictionary(T=pikepdf.String(f"Part14Continued{copy_number}[0]"), Kids=Array())
    )
    root.Parent = subform.Parent
    subform.Parent.Kids.append(root)
    nodes = {subform.objgen: root}
    annots = Array()
    for _, widget in fields:
        parent = _copied_parent(pdf, widget.Parent, nodes)
        copy = pdf.make_indirect(
            Dictionary({key: widget[key] for key in widget if key not in _NOT_COPIED})
        )
        copy.Parent, copy.P = parent, page
        parent.Kids.append(copy)
        annots.append(copy)
    page.Annots = annots


def _copied_parent(pdf, node, nodes):
    """The copy of a field's parent (a subform or area node), made once."""
    if node.objgen not in nodes:
        above = _copied_parent(pdf, node.Parent, nodes)
        copy = pdf.make_indirect(Dictionary(T=node.T, Kids=Array()))
        copy.Parent = above
        above.Kids.append(copy)
        nodes[node.objgen] = copy
    return nodes[node.objgen]


def block_values(chunk_list, found):
    """{field name: text} for the blocks the chunks take, in order."""
    values = {}
    for chunk, block in zip(chunk_list, found.blocks, strict=False):
        values[block["page"]] = str(chunk.page)
        values[block["part"]] = chunk.part
        values[block["item"]] = chunk.item
        values[block["text"]] = chunk.text
    return values
