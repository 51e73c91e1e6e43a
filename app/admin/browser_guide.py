"""A Neo4j Browser guide (`:play <url>` or `:guide <url>`) made from the queries in cypher/browser/.

Each query file starts with a `// Title: what it shows` comment; the guide gets one slide per file, after a
slide that applies the style (cypher/browser/style.grass) and sets the parameters the queries use.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from pydantic import BaseModel

from app.graph.cypher import CYPHER_DIR

BROWSER_DIR = CYPHER_DIR / "browser"
DEFAULT_PARAMS = "{name: 'Checkout Redesign', meeting: 'seed-03', since: '2026-03-16'}"


class GuideQuery(BaseModel):
    title: str
    description: str
    cypher: str


def guide_queries() -> list[GuideQuery]:
    queries = []
    for path in sorted(BROWSER_DIR.glob("*.cypher")):
        lines = path.read_text(encoding="utf-8").strip().splitlines()
        heading = lines[0].removeprefix("//").strip()
        title, _, description = heading.partition(":")
        description = description.strip()
        queries.append(GuideQuery(
            title=title.strip(), description=description[:1].upper() + description[1:], cypher="\n".join(lines[1:])
        ))
    return queries


def style_grass() -> str:
    return (BROWSER_DIR / "style.grass").read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def guide_html(base_url: str) -> str:
    slides = [_slide(
        "Smart-Meet Graph",
        "<p>Projects, features, tasks and people from meeting transcripts, with every state version. "
        "First apply the colours and captions, then set the parameters the queries use "
        "(<code>$name</code> an item, <code>$meeting</code> an external id, <code>$since</code> a date).</p>",
        [f":style {base_url}/browser/style.grass", f":params {DEFAULT_PARAMS}"],
    )]
    slides += [_slide(q.title, f"<p>{escape(q.description)}</p>", [q.cypher]) for q in guide_queries()]
    return (
        '<article class="guide">\n  <carousel class="deck container-fluid">\n'
        + "".join(slides)
        + "  </carousel>\n</article>\n"
    )


def _slide(title: str, body: str, snippets: list[str]) -> str:
    code = "".join(f'        <pre class="pre-scrollable code runnable">{escape(s)}</pre>\n' for s in snippets)
    return (
        '    <slide class="row-fluid">\n      <div class="col-sm-12">\n'
        f"        <h3>{escape(title)}</h3>\n        {body}\n{code}"
        "      </div>\n    </slide>\n"
    )
