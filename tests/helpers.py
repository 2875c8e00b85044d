"""Small helpers shared by tests."""

import html


def page_text(response):
    """The response body with HTML entities decoded (so "can't" matches "can&#39;t")."""
    return html.unescape(response.get_data(as_text=True))
