"""axe-core for the accessibility tests: installed from the npm registry into the git-ignored .venv, never copied
into the repository, and run in a page with the WCAG 2.0/2.1 A and AA rules."""

from pathlib import Path

from .npm import npm

REPO = Path(__file__).resolve().parent.parent
VERSION = "4.14.1"
PREFIX = REPO / ".venv" / "axe"
SCRIPT = PREFIX / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def install() -> Path:
    """The path of ``axe.min.js``, installed with npm (``--no-save``: no package.json, no lock file) if missing."""
    if not SCRIPT.exists():
        npm(
            ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(PREFIX), f"axe-core@{VERSION}"],
            f"axe-core@{VERSION}",
        )
    return SCRIPT


def violations(page, script: Path) -> list:
    """axe's WCAG 2.1 A/AA violations on the page as it is now (axe is injected into the page first)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        # evaluated by the browser's debugging protocol, not added as an inline script: a page whose
        # Content-Security-Policy forbids inline script (every kit page) stays as strict under test
        page.evaluate(script.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(RUN, TAGS)


def report(found: list) -> str:
    """Each violation's id, help and the nodes it was found on, one per line."""
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)
