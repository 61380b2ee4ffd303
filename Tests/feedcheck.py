#!/usr/bin/env python3
"""Checks every rss.xml under a built site folder with feedparser.

Usage: python3 Tests/feedcheck.py OUTPUT_DIR

A feed fails when feedparser sets `bozo` (not well-formed, or a broken encoding) or when an
entry lacks a title, a link or a published date feedparser can read. Prints one line per
problem and a summary; exits 1 when anything failed, 2 on bad usage or no feeds found.
Needs `pip install feedparser`; not run by `swift test`.
"""

import os
import sys

import feedparser


def check_feed(path):
    """Returns (entry count, [problems]) for one feed file."""
    parsed = feedparser.parse(path)
    problems = []
    if parsed.bozo:
        problems.append("bozo: %s" % parsed.bozo_exception)
    if not parsed.feed.get("title"):
        problems.append("channel has no title")
    for number, entry in enumerate(parsed.entries, start=1):
        for field in ("title", "link", "published"):
            if not entry.get(field):
                problems.append("entry %d lacks %s" % (number, field))
        if entry.get("published") and not entry.get("published_parsed"):
            problems.append("entry %d: unreadable date %r" % (number, entry.published))
    return len(parsed.entries), problems


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    feeds = entries = failed = 0
    for folder, _, names in sorted(os.walk(argv[1])):
        for name in sorted(names):
            if name != "rss.xml":
                continue
            path = os.path.join(folder, name)
            count, problems = check_feed(path)
            feeds += 1
            entries += count
            if problems:
                failed += 1
                for problem in problems:
                    print("%s: %s" % (os.path.relpath(path, argv[1]), problem))
    print("%d feeds, %d entries, %d feeds with problems" % (feeds, entries, failed))
    if feeds == 0:
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
