"""``detente watch`` against a loopback news server that misbehaves: every page ends stored once, rejected
or in the dead-letter list, for the right reason; feeds change over time and answer 304 when unchanged.

The coder is a stand-in (no spaCy model): these tests are about fetching, the queue and its state."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from detente.feeds import FetchLimits, Watcher, WatchOptions, WatchState, load_sources
from detente.settings import Settings
from detente.store import open_store

from .news_server import NewsServer, Route, article_html, news_server, rss
from .stub_coder import StubCoder

STORY = [
    "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first direct talks in months.",
    "Turkey's President told both delegations that a ceasefire was within reach, officials said.",
]
OTHER = [
    "Japan protested to China on Monday over a coast guard vessel that entered disputed waters nearby.",
    "The foreign ministry in Tokyo said it had lodged a formal complaint with the Chinese embassy.",
]
FRENCH = [
    "Le ministre des Affaires étrangères a rencontré son homologue allemand à Paris mardi pour "
    "discuter de la guerre en Ukraine et des sanctions contre la Russie.",
    "Les deux pays ont convenu de renforcer leur coopération dans les mois qui viennent, a-t-il ajouté.",
]

PLAIN = "Japan protests to China\n\n" + "\n\n".join(OTHER)


def _options(**changes: object) -> WatchOptions:
    limits = FetchLimits(timeout=0.5, per_host_interval=0, max_bytes=2_000_000)
    values = {"backoff": 0, "max_attempts": 3, "limits": limits, **changes}
    return WatchOptions(**values)  # type: ignore[arg-type]


def _sources(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(store, sources_file: Path, coder: StubCoder, **options: object):  # noqa: ANN001, ANN202
    watcher = Watcher(
        store, load_sources(sources_file), settings=Settings(), options=_options(**options), coder=coder
    )
    try:
        return watcher.run(stop=threading.Event(), once=True)
    finally:
        watcher.close()


def _fetches(store) -> dict[str, tuple[str, str | None]]:  # noqa: ANN001
    rows = store.rows("SELECT url, status, error_code FROM fetches")
    return {row["url"].split("/", 3)[-1]: (row["status"], row["error_code"]) for row in rows}


def _misbehaving_site(server: NewsServer) -> str:
    server.add("/robots.txt", Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    pages = {
        "/story/1": Route(article_html("Talks resume in Istanbul", STORY), etag='"s1"'),
        "/copy/1": Route(article_html("Talks resume in Istanbul", STORY)),  # the same story, another URL
        "/plain": Route(PLAIN.encode(), content_type="text/plain"),
        "/fr": Route(article_html("Diplomatie", FRENCH)),
        "/pdf": Route(b"%PDF-1.7 ...", content_type="application/pdf"),
        "/image": Route(b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        "/big": Route(stream_bytes=50_000_000),
        "/loop": Route(status=302, headers={"Location": "/loop"}),
        "/flaky": Route(
            article_html("Flaky", [s.replace("Istanbul", "Ankara") for s in STORY]), statuses=[503, 503]
        ),
        "/down": Route(status=500),
        "/slow": Route(article_html("Slow", OTHER), delay=2.0),
        "/gone": Route(status=404),
        "/private/x": Route(article_html("Private", OTHER)),
        "/gzip": Route(article_html("Zipped", [s.replace("Japan", "Korea") for s in OTHER]), gzip=True),
    }
    for path, route in pages.items():
        server.add(path, route)
    items = [(path, path.strip("/")) for path in pages] + [("/story/1?utm_source=feed&fbclid=x", "tracked")]
    return server.add(
        "/feed.xml", Route(rss(server.url, items), content_type="application/rss+xml", etag='"f1"')
    )


def test_every_page_ends_stored_once_rejected_or_dead_for_its_reason(tmp_path):
    with news_server() as server, open_store(tmp_path / "events.db") as store:
        feed = _misbehaving_site(server)
        sources = _sources(
            tmp_path, f'[[source]]\nfeed = "{feed}"\ninterval = "15m"\noutlet = "Example News"\n'
        )
        coder = StubCoder()
        stats = _run(store, sources, coder)
        fetches = _fetches(store)
        twins = {fetches.pop("story/1"), fetches.pop("copy/1")}  # the same story under two URLs: stored once
        assert twins == {("done", None), ("duplicate", None)}
        assert fetches == {
            "plain": ("done", None),
            "fr": ("rejected", "not_english"),
            "pdf": ("dead", "unsupported"),
            "image": ("dead", "unsupported"),
            "big": ("dead", "too_large"),
            "loop": ("dead", "redirect_loop"),
            "flaky": ("done", None),  # stored on the third try
            "down": ("dead", "http_500"),
            "slow": ("dead", "timeout"),
            "gone": ("dead", "http_404"),
            "private/x": ("dead", "robots"),
            "gzip": ("done", None),
        }
        assert len(coder.coded) == len(set(coder.coded)) == 4  # story, plain, flaky, gzip: each coded once
        assert store.count_articles() == 4
        article = store.get_article(coder.coded[0])
        assert article["url"] in (f"{server.url}/story/1", f"{server.url}/copy/1")
        assert article["source"] == "Example News" and article["title"] == "Talks resume in Istanbul"
        assert (stats.stored, stats.duplicates, stats.rejected) == (4, 1, 1)
        assert server.hits("/down") == 3 and server.hits("/flaky") == 3
        rejections = store.rows("SELECT code, origin FROM rejections")
        assert [(row["code"], row["origin"].rsplit("/", 1)[-1]) for row in rejections] == [
            ("not_english", "fr")
        ]
        dead = WatchState(store).dead_letters()
        assert {row["error_code"] for row in dead} >= {"http_404", "redirect_loop", "too_large", "robots"}
        assert all(row["last_error"] for row in dead)

        # a second round: the feed answers 304, nothing is fetched or coded again
        requests_before = len(server.requests)
        again = _run(store, sources, coder)
        assert (again.queued, again.stored) == (0, 0)
        assert [path for path in server.requests[requests_before:] if path != "/robots.txt"] == ["/feed.xml"]
        assert len(coder.coded) == 4


def test_a_feed_that_changes_gets_only_its_new_pages_fetched(tmp_path):
    with news_server() as server, open_store(tmp_path / "events.db") as store:
        server.add("/robots.txt", Route(status=404))
        server.add("/a", Route(article_html("Talks", STORY)))
        server.add("/b", Route(article_html("Protest", OTHER)))
        feed = server.add("/rss", Route(rss(server.url, [("/a", "A")]), content_type="application/xml"))
        sources = _sources(tmp_path, f'[[source]]\nfeed = "{feed}"\ninterval = 60\n')
        coder = StubCoder()
        _run(store, sources, coder)
        server.add("/rss", Route(rss(server.url, [("/b", "B"), ("/a", "A")]), content_type="application/xml"))
        _run(store, sources, coder)
        assert server.hits("/a") == 1 and server.hits("/b") == 1
        assert store.count_articles() == 2


def test_a_broken_feed_is_an_error_on_its_source_not_a_crash(tmp_path):
    with news_server() as server, open_store(tmp_path / "events.db") as store:
        server.add("/robots.txt", Route(status=404))
        bad = server.add("/bad.xml", Route(b"<rss><channel><item><title>unclosed", content_type="text/xml"))
        down = server.add("/down.xml", Route(status=503))
        sources = _sources(tmp_path, f'[[source]]\nfeed = "{bad}"\n\n[[source]]\nfeed = "{down}"\n')
        stats = _run(store, sources, StubCoder())
        assert stats.poll_errors == 2
        report = {row["id"]: row for row in WatchState(store).sources_report(at=_now())}
        assert report[bad]["errors"] == 1 and "feed" in report[bad]["last_error"]
        assert report[down]["errors"] == 1 and "503" in report[down]["last_error"]
        assert report[bad]["last_success"] is None


def test_a_news_sitemap_and_a_folder_are_sources_too(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "one.txt").write_text("Talks resume\n\n" + "\n\n".join(STORY), encoding="utf-8")
    with news_server() as server, open_store(tmp_path / "events.db") as store:
        server.add("/robots.txt", Route(status=404))
        server.add("/news/1", Route(article_html("Protest", OTHER)))
        sitemap = (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url>"
            f"<loc>{server.url}/news/1</loc><news:news><news:publication_date>2024-03-02T10:00:00Z"
            "</news:publication_date><news:title>Japan protests</news:title></news:news></url></urlset>"
        )
        location = server.add("/sitemap.xml", Route(sitemap.encode(), content_type="application/xml"))
        sources = _sources(
            tmp_path, f'[[source]]\nsitemap = "{location}"\n\n[[source]]\nfolder = "{folder}"\ninterval = 5\n'
        )
        coder = StubCoder()
        _run(store, sources, coder)
        assert store.count_articles() == 2
        stored = {row["url"]: row for row in store.list_articles()}
        assert stored[f"{server.url}/news/1"]["published"] == "2024-03-02"
        (folder / "two.txt").write_text("Protest\n\n" + "\n\n".join(OTHER[::-1]), encoding="utf-8")
        _run(store, sources, coder)
        assert store.count_articles() == 3 and len(coder.coded) == 3


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[[source]]\ninterval = 5\n", "exactly one of feed"),
        ('[[source]]\nfeed = "ftp://x"\n', "http"),
        ('[[source]]\nfeed = "http://x"\ninterval = "often"\n', "interval"),
        ('[[source]]\nfeed = "http://x"\ncolour = "red"\n', "unknown setting"),
        ('[[source]]\nfeed = "http://x"\n[[source]]\nfeed = "http://x"\n', "two sources"),
        ("source = 3", "no sources"),
        ("[[source]\n", "not valid TOML"),
    ],
)
def test_a_bad_sources_file_is_a_clear_config_error(tmp_path, text, fragment):
    from detente.errors import ConfigError

    with pytest.raises(ConfigError, match=fragment):
        load_sources(_sources(tmp_path, text))


def test_canonical_urls_drop_tracking_and_fragments():
    from detente.feeds import canonical_url

    assert (
        canonical_url("HTTPS://News.Example.org:443/a/b?utm_source=x&b=2&a=1&fbclid=y#comments")
        == "https://news.example.org/a/b?a=1&b=2"
    )
    assert canonical_url("http://example.org") == "http://example.org/"
    assert canonical_url("http://example.org:8080/x?id=7") == "http://example.org:8080/x?id=7"


def _now():  # noqa: ANN202
    from detente.feeds.state import now

    return now()


def test_a_yaml_sources_file(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(
        "source:\n  - feed: https://news.example.org/rss\n    interval: 2h\n    country: GBR\n"
        "  - folder: incoming/\n    name: drop\n",
        encoding="utf-8",
    )
    feed, folder = load_sources(path)
    assert (feed.kind, feed.interval, feed.country) == ("feed", 7200, "GBR")
    assert (folder.id, folder.kind, folder.interval) == ("drop", "folder", 900)


def test_one_host_is_asked_at_most_once_per_interval(tmp_path):
    import time

    with news_server() as server, open_store(tmp_path / "events.db") as store:
        server.add("/robots.txt", Route(status=404))
        stories = [STORY, OTHER, [s.replace("Japan", "Korea") for s in OTHER]]
        for number, paragraphs in enumerate(stories):
            server.add(f"/s/{number}", Route(article_html(f"Story {number}", paragraphs)))
        feed = server.add("/rss", Route(rss(server.url, [(f"/s/{n}", "s") for n in range(3)])))
        sources = _sources(tmp_path, f'[[source]]\nfeed = "{feed}"\n')
        limits = FetchLimits(timeout=2, per_host_interval=0.4)
        began = time.monotonic()
        stats = _run(store, sources, StubCoder(), limits=limits)
        elapsed = time.monotonic() - began
    assert stats.stored == 3
    assert elapsed >= 3 * 0.4 * 0.9  # the feed, then three pages: three gaps of 0.4 s at least
