"""SQL expressions that SQLite and PostgreSQL spell differently."""

from sqlalchemy import Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class days_between(FunctionElement):
    """Whole days from the second date to the first (later - earlier)."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _days_between_postgresql(element, compiler, **kw):
    later, earlier = list(element.clauses)
    return f"({compiler.process(later, **kw)} - {compiler.process(earlier, **kw)})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    later, earlier = list(element.clauses)
    return (
        f"CAST(julianday({compiler.process(later, **kw)}) - "
        f"julianday({compiler.process(earlier, **kw)}) AS INTEGER)"
    )


class year_month(FunctionElement):
    """'2026-03' for a date in March 2026."""

    type = String()
    inherit_cache = True
    name = "year_month"


@compiles(year_month)
def _year_month_postgresql(element, compiler, **kw):
    return f"to_char({compiler.process(next(iter(element.clauses)), **kw)}, 'YYYY-MM')"


@compiles(year_month, "sqlite")
def _year_month_sqlite(element, compiler, **kw):
    return f"strftime('%Y-%m', {compiler.process(next(iter(element.clauses)), **kw)})"


class read_in_order(FunctionElement):
    """A column SQLite must not search by index: `+column`. A coalition-wide report reads
    every case; driven from the clinic days' date index instead, SQLite visits the cases in
    the days' order, jumping around the file (about twice as slow). Other databases: as is."""

    inherit_cache = True
    name = "read_in_order"

    @property
    def type(self):
        return next(iter(self.clauses)).type


@compiles(read_in_order)
def _read_in_order_default(element, compiler, **kw):
    return compiler.process(next(iter(element.clauses)), **kw)


@compiles(read_in_order, "sqlite")
def _read_in_order_sqlite(element, compiler, **kw):
    return f"+{compiler.process(next(iter(element.clauses)), **kw)}"
