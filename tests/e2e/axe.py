"""axe-core, from the npm package `make` installs, run on a page at both sizes."""

from tests.e2e.settings import AXE, LAPTOP, PHONE

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING = {"serious", "critical"}


def axe(page):
    """axe's violations on the page as it is now (evaluated through the browser's debugging
    protocol, which the page's CSP does not govern)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations.map(v => ({id: v.id, impact: v.impact, "
        "help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))",
        WCAG,
    )


def check(page, name, results):
    """Both sizes; the results are kept by page name."""
    for size_name, size in (("laptop", LAPTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        results[f"{name} @ {size_name}"] = axe(page)
    page.set_viewport_size(LAPTOP)
