"""The bytes a first visit to each page costs: the page and everything of this site it loads.

Opens every page in a fresh Chromium context (empty cache) and adds up the encoded
(compressed) body bytes of every same-origin response: the HTML, stylesheets, scripts,
images and fonts, including those a stylesheet or a script asks for (Leaflet's marker
images, the county shapes the map script fetches), which scripts/bench.py's
first_visit_bytes() misses because it reads only the page's link, script and img tags.
Headers are left out: they depend on the server in front, not on the site.
Waits for the network to be idle, so a map's deferred requests are counted; whatever
loads only when asked (street-map tiles) is not.
Usage: .venv/bin/python scripts/first_visit.py http://127.0.0.1:8000 / /resources/ [-v]
"""

import argparse
import os
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def first_visit(browser, base: str, path: str) -> tuple[list[tuple[str, int]], list[str]]:
    """(same-origin URL, encoded body bytes) for each response, and the other origins' URLs."""
    context = browser.new_context(
        viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(base + path, wait_until="networkidle")
    origin = urlsplit(base).netloc
    own, foreign = [], []
    for request in finished:
        if urlsplit(request.url).netloc == origin:
            own.append((request.url, request.sizes()["responseBodySize"]))
        elif urlsplit(request.url).scheme not in ("data", "blob"):
            foreign.append(request.url)
    context.close()
    return own, foreign


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the site's address, e.g. http://127.0.0.1:8000")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every response")
    arguments = parser.parse_args()
    base = arguments.base.rstrip("/")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for path in arguments.paths:
            own, foreign = first_visit(browser, base, path)
            total = sum(size for _, size in own)
            print(f"{path}: {total / 1024:.1f} KB compressed in {len(own)} responses")
            if arguments.verbose:
                for url, size in own:
                    print(f"  {size / 1024:6.1f} KB  {url.removeprefix(base)}")
            for url in foreign:
                print(f"  OTHER ORIGIN: {url}")
        browser.close()


if __name__ == "__main__":
    main()
