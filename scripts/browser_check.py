"""Drives headless Chromium over the DevTools protocol (stdlib only: the browser talks JSON
over two named pipes, --remote-debugging-pipe) to check the built site as a person would.

Usage: browser_check.py CHROMIUM SITE_DIR SCREENSHOT_DIR
"""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time

WIDTHS = [(1280, 900), (375, 740)]


class Browser:
    """One headless Chromium and one page, driven by CDP messages (JSON ending in NUL)."""

    def __init__(self, binary, workdir):
        to_browser = os.path.join(workdir, "to-browser")
        from_browser = os.path.join(workdir, "from-browser")
        os.mkfifo(to_browser)
        os.mkfifo(from_browser)
        args = [
            "--headless", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
            "--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
            "--user-data-dir=" + os.path.join(workdir, "profile"), "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(0, "--no-sandbox")
        # The shell gives the browser the pipes as file descriptors 3 (in) and 4 (out).
        self.process = subprocess.Popen(
            ["sh", "-c", 'exec "$0" "$@" 3<"$IN" 4>"$OUT"', binary] + args,
            env=dict(os.environ, IN=to_browser, OUT=from_browser),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.writer = open(to_browser, "wb")
        self.reader = open(from_browser, "rb")
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.reader.fileno(), 65536)
            if not chunk:
                raise RuntimeError("the browser closed its pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            request["sessionId"] = self.session
        self.writer.write(json.dumps(request).encode() + b"\0")
        self.writer.flush()
        while True:
            reply = self.message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    del self.events[index]
                    return event
            self.events.append(self.message())
        raise RuntimeError(f"no {method} within {timeout} s")

    def open_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True},
            session=False)
        self.session = attached["sessionId"]
        for domain in ["Page", "Runtime", "Log", "Network"]:
            self.send(domain + ".enable")

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def navigate(self, url, width, height):
        self.send("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 640})
        self.events = []
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def screenshot(self, path, y=0, height=None):
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics["cssContentSize"]
        width = metrics["cssLayoutViewport"]["clientWidth"]
        height = min(height or size["height"], size["height"] - y)
        shot = self.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": y, "width": width, "height": height, "scale": 1}})
        with open(path, "wb") as out:
            out.write(base64.b64decode(shot["data"]))

    def click(self, expression):
        """Clicks, with the mouse, the middle of the element `expression` finds."""
        self.evaluate(f"({expression}).scrollIntoView({{block: 'center'}})")
        box = self.evaluate(
            f"(function () {{ var r = ({expression}).getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; }())")
        for kind in ["mousePressed", "mouseReleased"]:
            self.send("Input.dispatchMouseEvent", {
                "type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})

    def problems(self, site_url):
        """Console errors, uncaught exceptions, and requests for anything outside the site."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console error: " + json.dumps(params.get("args")))
            elif method == "Runtime.exceptionThrown":
                found.append("exception: " + json.dumps(params.get("exceptionDetails")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append("log error: " + params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if not url.startswith(site_url) and not url.startswith("data:"):
                    found.append("request outside the site: " + url)
        return found


def check_page(browser, failures, site_url, page, name, shots):
    for width, height in WIDTHS:
        browser.navigate(site_url + page, width, height)
        time.sleep(0.2)
        layout = browser.evaluate(
            "[document.documentElement.scrollWidth, document.body.scrollWidth]")
        if max(layout[0], layout[1]) > width:
            failures.append(f"{page} at {width} px: the page is {max(layout[:2])} px wide "
                            f"(scrolls sideways)")
        shot = os.path.join(shots, f"{name}-{width}.png")
        browser.screenshot(shot, height=2400)
        for problem in browser.problems(site_url):
            failures.append(f"{page} at {width} px: {problem}")
        print(f"   {page} at {width} px: {layout[0]} px wide; screenshot {shot}")


def check_sorting(browser, failures, site_url, shots):
    browser.navigate(site_url + "services.html", 1280, 900)
    column = browser.evaluate(
        "Array.prototype.findIndex.call(document.querySelectorAll('#services thead th'),"
        " function (th) { return th.textContent.trim() === 'Annual volume'; })")
    if column is None or column < 0:
        failures.append("services.html: no 'Annual volume' column")
        return
    button = f"document.querySelectorAll('#services thead th')[{column}].querySelector('button')"
    if not browser.evaluate(f"!!({button})"):
        failures.append("services.html: the script did not make the column titles buttons")
        return
    read = (f"Array.prototype.map.call(document.querySelectorAll('#services tbody tr'),"
            f" function (row) {{ return parseFloat(row.cells[{column}].getAttribute('data-sort')); }})")
    state = f"document.querySelectorAll('#services thead th')[{column}].getAttribute('aria-sort')"
    for expected in ["descending", "ascending"]:
        browser.click(button)
        time.sleep(0.1)
        values = browser.evaluate(read)
        ordered = sorted(values, reverse=expected == "descending")
        sort_state = browser.evaluate(state)
        if values != ordered or sort_state != expected:
            failures.append(f"services.html: after a click the volumes are not {expected} "
                            f"(aria-sort={sort_state}): {values}")
        else:
            print(f"   services table sorted by annual volume, {expected}: "
                  f"{len(values)} rows, first {values[0]:,.0f}, last {values[-1]:,.0f}")
    # The keyboard: focus the column title's button and press Enter.
    browser.evaluate(f"({button}).focus()")
    for kind in ["keyDown", "keyUp"]:
        browser.send("Input.dispatchKeyEvent", {
            "type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13,
            "text": "\r" if kind == "keyDown" else ""})
    time.sleep(0.1)
    if browser.evaluate(state) != "descending":
        failures.append("services.html: Enter on the focused column title did not sort it")
    else:
        print("   Enter on the focused 'Annual volume' title sorts it descending again")
    status = browser.evaluate("document.getElementById('table-status').textContent")
    print(f"   live region says: {status}")
    browser.screenshot(os.path.join(shots, "services-sorted-by-volume-1280.png"), height=1600)
    # Filtering through the organisation control.
    organisation = browser.evaluate(
        "(function () { var s = document.getElementById('filter-organisation');"
        " s.selectedIndex = 1; s.dispatchEvent(new Event('change')); return s.value; }())")
    shown = browser.evaluate(
        "Array.prototype.filter.call(document.querySelectorAll('#services tbody tr'),"
        " function (row) { return !row.hidden; }).map(function (row) {"
        " return row.getAttribute('data-organisation'); })")
    if not shown or any(value != organisation for value in shown):
        failures.append(f"services.html: filtering by {organisation} shows {shown}")
    else:
        print(f"   filtered by organisation {organisation}: {len(shown)} rows")
    for problem in browser.problems(site_url):
        failures.append(f"services.html while sorting: {problem}")


def main():
    binary, site, shots = sys.argv[1:4]
    site_url = "file://" + os.path.abspath(site) + "/"
    services = open(os.path.join(site, "services.html"), encoding="utf-8").read()
    service = re.search(r'href="(services/[a-z0-9-]+\.html)"', services).group(1)
    report = sorted(os.listdir(os.path.join(site, "reports")))[-1]
    organisation = sorted(os.listdir(os.path.join(site, "organisations")))[0]
    plan = sorted(os.listdir(os.path.join(site, "plans")))[0]
    # Every kind of page: the four the site is for first, then the indexes and the rest.
    pages = [("index.html", "home"), ("services.html", "services"), (service, "service"),
             ("reports/" + report, "board-report"), ("reports.html", "reports"),
             ("organisations.html", "organisations"),
             ("organisations/" + organisation, "organisation"), ("plans.html", "plans"),
             ("plans/" + plan, "plan"), ("downloads.html", "downloads")]
    failures = []
    with tempfile.TemporaryDirectory() as workdir:
        browser = Browser(binary, workdir)
        try:
            browser.open_page()
            print("== pages at " + ", ".join(f"{w} px" for w, _ in WIDTHS))
            for page, name in pages:
                check_page(browser, failures, site_url, page, name, shots)
            browser.navigate(site_url + service, 1280, 900)
            top = browser.evaluate("document.getElementById('history').getBoundingClientRect().top"
                                   " + window.scrollY")
            browser.screenshot(os.path.join(shots, "service-history-1280.png"), y=top, height=1400)
            # How it prints: the print style sheet, A4-wide.
            browser.send("Emulation.setEmulatedMedia", {"media": "print"})
            browser.navigate(site_url + service, 794, 1123)
            browser.screenshot(os.path.join(shots, "service-print.png"), height=2400)
            browser.send("Emulation.setEmulatedMedia", {"media": ""})
            print("== sorting and filtering the services table")
            check_sorting(browser, failures, site_url, shots)
        finally:
            browser.close()
    if failures:
        print("browser check FAILED:")
        for failure in failures:
            print("  - " + failure)
        sys.exit(1)
    print(f"browser check passed; screenshots in {shots}/")


if __name__ == "__main__":
    main()
