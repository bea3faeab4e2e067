"""Checks a site folder the way a browser follows it, independently of fora: every HTML
page is parsed with Python's html.parser, and every local href and src must name a file
inside the folder (and an element id there when it has a fragment other than a selection).

    python3 site_links.py DIR

Prints one line per page (`page links`) and, for each broken link, `BROKEN page -> link`;
exits with 1 when a link is broken.
"""

import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def parse(path):
    page = Page()
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    return page


def main(root):
    root = os.path.realpath(root)
    pages = {}
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                pages[path] = parse(path)
    broken = 0
    for path in sorted(pages):
        page = pages[path]
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # another site, webcal:, mailto:: not a local link
            target = path
            if parts.path:
                target = os.path.realpath(os.path.join(os.path.dirname(path), unquote(parts.path)))
            inside = target == root or target.startswith(root + os.sep)
            ok = inside and os.path.isfile(target)
            fragment = parts.fragment
            if ok and fragment and not fragment.startswith("selection="):
                ok = target in pages and fragment in pages[target].ids
            if not ok:
                broken += 1
                print(f"BROKEN {os.path.relpath(path, root)} -> {link}")
        print(f"{os.path.relpath(path, root)} {len(page.links)}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
