"""Which database schema a bundle was made with: the migrations' head of the code that made it.

A server takes a bundle whose revision its own migrations know (the same code, or older: its
rows then fit, the newer columns taking their defaults); a bundle from a newer version is
refused until the server is updated."""

import os

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from flask import current_app


def _scripts():
    return ScriptDirectory(os.path.join(current_app.root_path, "migrations"))


def head_revision():
    return _scripts().get_current_head()


def is_known(revision):
    """True when `revision` is this code's head or one of its ancestors."""
    scripts = _scripts()
    try:
        if scripts.get_revision(revision) is None:
            return False
    except CommandError:
        return False
    return any(script.revision == revision for script in scripts.walk_revisions())
