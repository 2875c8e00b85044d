"""Object-level access rules shared by every feature; features add their own in policy.py."""

from flask import abort


def or_404(obj, allowed):
    """Return `obj` when it exists and `allowed(obj)` holds; otherwise 404.

    Another organization's object answers 404, not 403, so its existence isn't revealed.
    """
    if obj is None or not allowed(obj):
        abort(404)
    return obj
