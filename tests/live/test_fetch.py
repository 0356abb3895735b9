"""``ingest`` of http(s) feeds and pages, against the test's own loopback server."""

from __future__ import annotations

from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.pipeline import ingest
from diplograph.store import iter_articles
from diplograph.store.fetched import fetch_state

from .site import failing_first, redirect, rss, slow, static

DAYS = ("Tue, 05 Mar 2024 09:00:00 GMT", "Sun, 10 Mar 2024 09:00:00 GMT",
        "Thu, 14 Mar 2024 09:00:00 GMT", "Mon, 18 Mar 2024 09:00:00 GMT")  # fmt: skip


def _feed(site, paths, *, etag="v1"):
    items = [(f"item {i}", site.url(p), DAYS[i]) for i, p in enumerate(paths)]
    site.routes["/feed.xml"] = static(rss("Gulf Desk - Diplomacy", items),
                                      ctype="application/rss+xml", etag=etag)  # fmt: skip


def _stored(db):
    return {a["url"]: a for a in iter_articles(db)}


def test_feed_items_come_from_their_pages_and_a_repoll_fetches_only_what_is_new(
    site, db, settings
):
    site.routes["/old/egypt-jordan"] = redirect("/news/egypt-jordan.html")
    site.routes["/news/flaky.html"] = failing_first(1, site.routes["/news/qatar-talks.html"])
    _feed(site, ["/news/oman-iran.html", "/old/egypt-jordan", "/news/flaky.html"])

    report = ingest([site.url("/feed.xml")], db, settings)

    assert report.failures == [] and report.stored == 3
    stored = _stored(db)
    assert site.url("/news/egypt-jordan.html") in stored  # where the redirect led
    assert stored[site.url("/news/oman-iran.html")]["title"] == "item 0"  # the feed's title
    assert stored[site.url("/news/oman-iran.html")]["outlet"] == "Gulf Desk"
    assert "Strait of Hormuz" in stored[site.url("/news/oman-iran.html")]["text"]  # the page's
    assert len(site.hits("/news/flaky.html")) == 2  # a 503, then retried after a back-off
    assert len(site.hits("/robots.txt")) == 1
    assert {r.headers["user-agent"] for r in site.log} == {settings.user_agent}
    assert fetch_state(db, site.url("/feed.xml"))["etag"] == "v1"

    site.log.clear()
    again = ingest([site.url("/feed.xml")], db, settings)
    assert again.stored == 0 and again.unchanged == 1 and again.failures == []
    assert [(r.path, r.headers.get("if-none-match")) for r in site.log
            if r.path != "/robots.txt"] == [("/feed.xml", "v1")]  # fmt: skip

    site.log.clear()
    _feed(site, ["/news/oman-iran.html", "/old/egypt-jordan", "/news/flaky.html",
                 "/news/turkey-greece.html"], etag="v2")  # fmt: skip
    third = ingest([site.url("/feed.xml")], db, settings)
    assert third.stored == 1 and third.unchanged == 3
    assert sorted(r.path for r in site.log if r.path.startswith("/news/")) == [
        "/news/turkey-greece.html"]  # only the new item's page is fetched


def test_slow_broken_and_forbidden_pages_fail_by_name_and_are_tried_again(site, db, settings):
    site.routes["/news/slow.html"] = slow(3.0, site.routes["/news/qatar-talks.html"])
    site.routes["/news/broken.html"] = static("oops", status=500)
    site.routes["/private/memo.html"] = site.routes["/news/turkey-greece.html"]
    _feed(site, ["/news/oman-iran.html", "/news/slow.html", "/news/broken.html",
                 "/private/memo.html"])  # fmt: skip
    settings = settings.with_(fetch_timeout=0.3, fetch_retries=1)

    report = ingest([site.url("/feed.xml")], db, settings)

    assert report.stored == 1
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in report.failures}
    assert set(reasons) == {"slow.html", "broken.html", "memo.html"}
    assert "timed out" in reasons["slow.html"] and "after 2 tries" in reasons["slow.html"]
    assert "HTTP 500" in reasons["broken.html"]
    assert "robots.txt does not allow" in reasons["memo.html"]
    assert site.hits("/private/memo.html") == []  # never asked for
    assert fetch_state(db, site.url("/feed.xml")) is None  # so the next poll asks in full

    site.log.clear()
    site.routes["/news/broken.html"] = site.routes["/news/egypt-jordan.html"]  # fixed
    again = ingest([site.url("/feed.xml")], db, settings)
    assert "if-none-match" not in site.hits("/feed.xml")[0].headers
    assert site.hits("/news/oman-iran.html") == []  # stored the first time: not fetched
    assert again.stored == 1 and len(again.failures) == 2


def test_a_page_polled_again_is_not_downloaded_when_unchanged(site, db, settings):
    del site.routes["/robots.txt"]  # a 404: no rules, everything allowed (RFC 9309)
    modified = "Mon, 18 Mar 2024 10:00:00 GMT"
    site.routes["/news/turkey-greece.html"] = static(
        site.routes["/news/turkey-greece.html"](None)[2], modified=modified)  # type: ignore[arg-type]
    url = site.url("/news/turkey-greece.html")
    assert ingest([url], db, settings).stored == 1
    again = ingest([url], db, settings)
    assert again.unchanged == 1 and again.read == 0
    assert site.hits("/news/turkey-greece.html")[-1].headers["if-modified-since"] == modified


def test_redirect_loops_and_unreadable_robots_are_clear_failures(site, db, settings):
    site.routes["/loop"] = redirect("/loop")
    site.routes["/robots.txt"] = static("down", status=503, ctype="text/plain")
    report = ingest([site.url("/loop")], db, settings)
    assert len(report.failures) == 1
    assert "robots.txt could not be read" in report.failures[0].reason
    assert site.hits("/loop") == []  # nothing on a site whose robots.txt cannot be read

    site.routes["/robots.txt"] = static("User-agent: *\nAllow: /\n", ctype="text/plain")
    report = ingest([site.url("/loop")], db, settings)  # a new run reads robots.txt again
    assert "more than 5 redirects" in report.failures[0].reason


def test_cli_ingest_of_urls_names_each_failure_and_exits_1(site, tmp_path):
    site.routes["/news/gone.html"] = static("gone", status=404)
    _feed(site, ["/news/oman-iran.html", "/news/gone.html"])
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(app, ["ingest", site.url("/feed.xml"), "--db", db,
                                      "--delay", "0", "--workers", "1"])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert f"{site.url('/news/gone.html')}: HTTP 404" in result.output
    assert "stored 1," in result.output
