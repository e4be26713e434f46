#!/usr/bin/env python3
"""Checks every relative link in the top-level Markdown files and docs/*.md.

A link must point to an existing file or folder, and a #fragment must name a heading of the target file (GitHub's
heading anchors). Links to the web (http, https, mailto) are not fetched. A link that leaves the repository is
reported as a warning. Exit code 1 when a link is broken.

Usage, from anywhere: python3 docs/check-links.py
"""
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(list(ROOT.glob("*.md")) + list((ROOT / "docs").glob("*.md")))

LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~)")
INLINE_CODE = re.compile(r"`+[^`]*`+")


def strip_code(text: str) -> str:
    """Drops fenced code blocks and inline code spans, where brackets are not links."""
    out, fenced = [], False
    for line in text.split("\n"):
        if FENCE.match(line.strip()):
            fenced = not fenced
            out.append("")
            continue
        out.append("" if fenced else INLINE_CODE.sub("", line))
    return "\n".join(out)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading keeps its text
    text = text.replace("`", "").strip().lower()
    kept = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in " -_" or cat[0] in "LN" or cat == "Mn":
            kept.append(ch)
    return "".join(kept).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found, seen = set(), {}
    for line in strip_code_blocks_only(path.read_text(encoding="utf-8")).split("\n"):
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not m:
            continue
        base = slug(m.group(1))
        n = seen.get(base, 0)
        found.add(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return found


def strip_code_blocks_only(text: str) -> str:
    out, fenced = [], False
    for line in text.split("\n"):
        if FENCE.match(line.strip()):
            fenced = not fenced
            out.append("")
            continue
        out.append("" if fenced else line)
    return "\n".join(out)


def main() -> int:
    broken = warnings = checked = 0
    for md in FILES:
        text = strip_code(md.read_text(encoding="utf-8"))
        for lineno, line in enumerate(text.split("\n"), 1):
            for target in LINK.findall(line):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                    continue  # http:, https:, mailto:
                checked += 1
                path_part, _, fragment = target.partition("#")
                dest = md if path_part == "" else (md.parent / path_part).resolve()
                where = f"{md.relative_to(ROOT)}:{lineno}: {target}"
                if not dest.exists():
                    print(f"BROKEN   {where} (no such file)")
                    broken += 1
                    continue
                if ROOT not in dest.parents and dest != ROOT:
                    print(f"WARNING  {where} (outside the repository)")
                    warnings += 1
                if fragment:
                    if dest.is_dir() or dest.suffix.lower() != ".md":
                        print(f"BROKEN   {where} (fragment on a non-Markdown target)")
                        broken += 1
                    elif fragment not in anchors(dest):
                        print(f"BROKEN   {where} (no heading #{fragment})")
                        broken += 1
    print(f"{checked} relative links in {len(FILES)} files: {broken} broken, {warnings} warnings")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
