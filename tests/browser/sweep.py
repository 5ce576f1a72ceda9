"""What the browser tests check on every page they open: axe-core and sideways scrolling."""

# WCAG 2.2 AA, the level BITV 2.0 asks for, with the earlier levels it includes.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def problems_on(page, paths):
    """{path: [axe rule ids, "overflow Npx"]} for each path that has any; {} when all pass."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = {}
    for path in paths:
        page.goto(path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        if results.violations_count:
            problems[path] = [v["id"] for v in results.response["violations"]]
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.setdefault(path, []).append(f"overflow {overflow}px")
    return problems
