"""Paging every list that grows: numbered pages with counts, or keyset pages without a count."""

from dataclasses import dataclass

from flask import current_app, request
from sqlalchemy import func, select

from clinic.converters import PAGE_NUMBER, RECORD_ID
from clinic.extensions import db

PAGE_SIZE = 50


def page_size():
    """Rows per page: PAGE_SIZE unless the configuration says otherwise."""
    return current_app.config.get("PAGE_SIZE", PAGE_SIZE)


def page_of(query, per_page=None):
    """The page named by ?page= of an ordered select (Flask-SQLAlchemy's Pagination: items,
    page, pages, total, first, last, has_prev, has_next, prev_num, next_num). A page past the
    end is empty, never an error; its count says how many there are."""
    return db.paginate(
        query,
        page=page_number(),
        per_page=per_page or page_size(),
        error_out=False,
    )


def rows_page_of(query, per_page=None):
    """The ?page= page of an ordered select of several columns (rows, not one entity), as a
    ListPage; a page past the end is empty, with the count."""
    per_page = per_page or page_size()
    page = page_number()
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = db.session.execute(query.offset((page - 1) * per_page).limit(per_page)).all()
    return ListPage(rows, page, per_page, total)


def page_number():
    return request.args.get("page", 1, type=PAGE_NUMBER)


@dataclass(frozen=True)
class ListPage:
    """A page of a list ordered outside SQL (the voter list: each state's rules order it),
    with the same attributes as a Pagination for the `pager` macro."""

    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))

    @property
    def first(self):
        return (self.page - 1) * self.per_page + 1 if self.items else 0

    @property
    def last(self):
        return self.first + len(self.items) - 1 if self.items else 0

    @property
    def has_prev(self):
        return self.page > 1

    @property
    def prev_num(self):
        return min(self.page - 1, self.pages) if self.has_prev else None

    @property
    def has_next(self):
        return self.page < self.pages

    @property
    def next_num(self):
        return self.page + 1 if self.has_next else None


@dataclass(frozen=True)
class KeysetPage:
    """A page of rows by descending id, for lists too long to count (the audit log)."""

    items: list
    older_than: int | None  # the ?before= of the next (older) page, if there is one
    newer: bool  # whether there are newer rows than this page

    @property
    def has_next(self):
        return self.older_than is not None


def keyset_page_of(query, id_column, per_page=PAGE_SIZE):
    """The page of `query` (not yet ordered) before ?before=<id>, newest first: reads one row
    more than it shows to know whether an older page exists, and never counts the table."""
    before = request.args.get("before", None, type=RECORD_ID)
    paged = query.order_by(id_column.desc()).limit(per_page + 1)
    if before is not None:
        paged = paged.where(id_column < before)
    rows = db.session.scalars(paged).all()
    items = rows[:per_page]
    older_than = getattr(items[-1], id_column.key) if len(rows) > per_page else None
    newer = before is not None and (
        db.session.scalar(query.with_only_columns(id_column).where(id_column >= before).limit(1))
        is not None
    )
    return KeysetPage(items, older_than, newer)
