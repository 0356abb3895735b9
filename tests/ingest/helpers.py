"""Small inputs built by hand for the ingest tests."""

from __future__ import annotations

import io
import json
from pathlib import Path

from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from diplograph.cli import app

BODY = (
    "Israel and the United Arab Emirates agreed on Thursday to normalise relations, "
    "the White House said in a statement.\n\n"
    "The two countries will exchange ambassadors and open embassies in the coming weeks, "
    "officials in both capitals said.\n"
)


def page(title: str, paragraphs: list[str], *, head: str = "", lang: str = "en") -> str:
    """A small but realistic HTML page with navigation, a footer and an article body."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | '
        f"Test Herald</title>{head}</head><body><nav><a href='/'>Home</a> <a href='/w'>World</a>"
        f"</nav><article><h1>{title}</h1>{body}</article><footer>© Test Herald</footer>"
        "</body></html>"
    )


def warc_bytes(pages: list[tuple[str, str]], *, gzip: bool = True) -> bytes:
    """A WARC with a warcinfo record, then a request and a response record per (url, html)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, html in pages:
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")  # fmt: skip
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers))
    return buf.getvalue()


def write(path: Path, text: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to ``path`` and return it."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def ingest(*args: str):
    """``diplograph ingest ARGS --workers 1`` through the real CLI."""
    return CliRunner().invoke(app, ["ingest", *args, "--workers", "1"])


def export(db) -> dict[str, dict]:
    """``diplograph export articles`` of ``db``, by source."""
    result = CliRunner().invoke(app, ["export", "articles", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {row["source"]: row for row in rows}


def failure_lines(output: str) -> list[str]:
    """The ``failed:`` lines of an ingest's output."""
    return [line for line in output.splitlines() if line.startswith("failed:")]
