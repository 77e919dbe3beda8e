"""The Markdown pages point only at what exists: every relative link (and its #anchor) and every repository
path they name in backticks. A reader who follows one never lands on nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p for p in [*ROOT.glob("*.md"), *ROOT.glob("docs/**/*.md"), *ROOT.glob("deploy/**/*.md")])
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
PATH = re.compile(r"`((?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]+\.[A-Za-z0-9]+)(?::[^`]*)?`")
# A repository path in plain prose ("see docs/operations.md"): a top-level folder, then a file name.
PROSE_PATH = re.compile(r"(?<![\w/.<-])((?:docs|bot|adapters|deploy|tests|scheduler|migrations|bench|seed|shared)"
                        r"/[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.[A-Za-z]{1,5})\b")
# Files a reader creates themselves, named as such in the text.
MADE_BY_THE_READER = {"deploy/.env"}


def anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as dashes."""
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", page.read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


def test_there_are_pages_to_check() -> None:
    assert {"README.md", "DESIGN.md", "PRIVACY.md"} <= {p.name for p in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_every_relative_link_and_named_path_exists(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken: list[str] = []
    for target in LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: — not ours to check offline
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(f"link {target}")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"anchor {target}")
    for path in {*PATH.findall(text), *PROSE_PATH.findall(text)}:
        if path not in MADE_BY_THE_READER and not (ROOT / path).exists():
            broken.append(f"path `{path}`")
    assert broken == [], f"{page.name} points at what is not there: {broken}"
