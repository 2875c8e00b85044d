"""URL and query-string integers bounded to what the database can hold."""

from werkzeug.routing import IntegerConverter

# Ids are sa.Integer columns: 64-bit on SQLite, but 32-bit `integer` on PostgreSQL, which
# refuses a larger bound parameter ("integer out of range"). No record has a larger id.
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:...>` for record ids: ASCII digits from 1 to MAX_ID, anything else is a 404.

    Werkzeug's own converter accepts any size (SQLite raises OverflowError from 2**63,
    PostgreSQL a DataError from 2**31) and any Unicode digit ("٣"); an id past the range
    cannot name a record, so the route does not match.
    """

    regex = r"[0-9]+"

    def __init__(self, map, fixed_digits=0, min=1, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def bounded_int(minimum=1, maximum=MAX_ID):
    """A `type=` for `request.args.get`: ASCII digits within the range, else the default.

    `request.args.get("page", 1, type=bounded_int())` gives 1 for "x", "0" or 2**64.
    """

    def parse(text):
        text = str(text).strip()  # a form's choices and stored data come as ints
        if not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
            raise ValueError(text)
        value = int(text)
        if not minimum <= value <= maximum:
            raise ValueError(text)
        return value

    return parse


PAGE_NUMBER = bounded_int(1, 1_000_000)  # pages past the last are simply empty
# A record id chosen in a form (a select's `coerce=`): out of range is no choice at all, never
# a number the database refuses (PostgreSQL's integer ends at 2**31 - 1).
RECORD_ID = bounded_int()


def register_converters(app):
    """Every `<int:...>` route of every blueprint gets the bounded id converter."""
    app.url_map.converters["int"] = IdConverter
