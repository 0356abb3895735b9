#!/usr/bin/env python3
"""Build examples/corpus/archive/levantwire_crawl.warc.gz from examples/warc_src/*.html.

The archive is written deterministically: fixed WARC-Date values, fixed
WARC-Record-IDs and HTTP dates, sorted input files, and per-record gzip members
(zlib writes a zero mtime in each gzip header), so rerunning the script gives
identical bytes.

    .venv/bin/python examples/make_warc.py
"""
from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SRC = HERE / "warc_src"
OUT = HERE / "corpus" / "archive" / "levantwire_crawl.warc.gz"

# source file -> (target URI, fetch time (WARC-Date), HTTP Date header)
PAGES = {
    "levantwire_turkey_israel_ambassadors.html": (
        "https://levantwire.example/news/2022/08/17/israel-turkey-restore-full-diplomatic-ties",
        "2022-08-17T11:02:13Z",
        "Wed, 17 Aug 2022 11:02:13 GMT",
    ),
    "levantwire_bahrain_recall.html": (
        "https://levantwire.example/news/2023/11/02/bahrain-recalls-ambassador-from-israel",
        "2023-11-02T18:47:55Z",
        "Thu, 02 Nov 2023 18:47:55 GMT",
    ),
}
NAMESPACE = uuid.UUID("6f1c3a52-2b7e-4d55-9a53-3f3f8e0c1d10")  # fixed, for stable record ids


def rec_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, name)}>"


def build() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="1.0")

    info = (
        "software: diplograph examples/make_warc.py (warcio)\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: Demo crawl of two invented Levant Wire articles for diplograph\r\n"
        "isPartOf: diplograph-demo-corpus\r\n"
    ).encode("utf-8")
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Record-ID": rec_id("warcinfo"),
            "WARC-Date": "2022-08-17T11:02:00Z",
            "WARC-Filename": OUT.name,
        }))

    for i, name in enumerate(sorted(PAGES, key=lambda n: PAGES[n][1])):
        uri, warc_date, http_date = PAGES[name]
        body = (SRC / name).read_bytes()
        host = uri.split("/")[2]
        path = "/" + uri.split("/", 3)[3]
        resp_id = rec_id("response:" + name)

        if i == 0:  # one request record, as a crawler writes before its response
            req_headers = StatusAndHeaders(f"GET {path} HTTP/1.1", [
                ("Host", host),
                ("User-Agent", "diplograph-demo-crawler/1.0"),
                ("Accept", "text/html,application/xhtml+xml"),
                ("Accept-Language", "en"),
            ], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                uri, "request", http_headers=req_headers,
                warc_headers_dict={
                    "WARC-Record-ID": rec_id("request:" + name),
                    "WARC-Date": warc_date,
                    "WARC-Concurrent-To": resp_id,
                }))

        http_headers = StatusAndHeaders("200 OK", [
            ("Date", http_date),
            ("Server", "nginx"),
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "max-age=300"),
        ], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=http_headers,
            warc_headers_dict={
                "WARC-Record-ID": resp_id,
                "WARC-Date": warc_date,
                "WARC-IP-Address": "192.0.2.10",
            }))
    return buf.getvalue()


def main() -> None:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
