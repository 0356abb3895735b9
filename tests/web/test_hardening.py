"""The API under hostile use: bad dates, a locked store, huge bodies, HEAD, the /api index."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from fastapi.testclient import TestClient

from diplograph.store import open_database
from diplograph.web.app import create_app

AUTH = {"Authorization": "Bearer tok"}
ARTICLE = {"url": "https://news.example/oman-peru", "title": "Oman and Peru meet",
           "text": "Oman and Peru held talks in Lima on Monday about fishing rights, officials "
                   "said."}  # fmt: skip


def client_for(db) -> TestClient:
    return TestClient(create_app(db, token="tok"), client=("127.0.0.1", 1))


@pytest.mark.parametrize("published", ["2021-02-30", "2021-13-45", "2021-00"])
def test_an_impossible_published_date_is_a_422_naming_the_field(db, published):
    client = client_for(db)
    response = client.post("/api/articles", json=dict(ARTICLE, published=published), headers=AUTH)
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["published"] and published in error["msg"]
    assert client.get("/api/articles").json()["total"] == 0


def test_nul_characters_are_stripped_from_a_posted_article(db):
    client = client_for(db)
    body = dict(ARTICLE, title="Oman\x00 and Peru", outlet="Ne\x00ws",
                text=ARTICLE["text"].replace("Lima", "Li\x00ma"))  # fmt: skip
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    article = client.get(f"/api/articles/{response.json()['id']}").json()
    assert (article["title"], article["outlet"]) == ("Oman and Peru", "News")
    assert "\x00" not in article["text"] and "Lima" in article["text"]


def test_a_one_word_article_is_refused_with_the_reason(db):
    response = client_for(db).post("/api/articles", json={"text": "Greetings!"}, headers=AUTH)
    assert response.status_code == 422
    assert "too little text" in response.json()["detail"]


def test_a_locked_store_answers_503_with_retry_after(tmp_path):
    path = tmp_path / "locked.db"
    db = open_database(str(path), busy_timeout=0.2)
    client = client_for(db)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        response = client.post("/api/articles", json=ARTICLE, headers=AUTH)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert response.status_code == 503, response.text
    assert int(response.headers["Retry-After"]) > 0
    assert "try again" in response.json()["detail"]
    assert client.post("/api/articles", json=ARTICLE, headers=AUTH).status_code == 201
    db.close()


def _post_raw(app, headers: list[tuple[bytes, bytes]], chunks: int, size: int):
    """POST /api/articles over ASGI, the body in ``chunks`` chunks; (status, chunks read)."""
    state = {"read": 0, "status": None}

    async def receive():
        if state["read"] >= chunks:
            return {"type": "http.disconnect"}
        state["read"] += 1
        return {"type": "http.request", "body": b" " * size, "more_body": state["read"] < chunks}

    async def send(message):
        if message["type"] == "http.response.start":
            state["status"] = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/articles", "raw_path": b"/api/articles",
             "query_string": b"", "root_path": "", "client": ("127.0.0.1", 1),
             "server": ("testserver", 80),
             "headers": [(b"host", b"testserver"), (b"authorization", b"Bearer tok"),
                         (b"content-type", b"application/json"), *headers]}  # fmt: skip
    asyncio.run(app(scope, receive, send))
    return state["status"], state["read"]


def test_a_huge_body_is_refused_without_reading_it_whole(db):
    app = create_app(db, token="tok")
    mib = 1 << 20
    status, read = _post_raw(app, [(b"content-length", str(200 * mib).encode())], 200, mib)
    assert (status, read) == (413, 0)  # the declared length is enough to refuse it
    status, read = _post_raw(app, [], 200, mib)  # no Content-Length: stop at the limit
    assert status == 413 and read <= 6


def test_get_api_is_an_index_of_the_endpoints(db):
    response = client_for(db).get("/api")
    assert response.status_code == 200
    body = response.json()
    assert body["openapi"] == "/openapi.json"
    listed = {(e["method"], e["path"]) for e in body["endpoints"]}
    assert {("GET", "/api/events"), ("POST", "/api/articles"), ("GET", "/api")} <= listed


@pytest.mark.parametrize("path", ["/", "/api", "/api/articles", "/api/events.csv", "/events",
                                  "/static/style.css", "/openapi.json", "/no-such-page"])
def test_head_answers_like_get_without_a_body(db, path):
    client = client_for(db)
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    assert head.headers.get("content-type") == got.headers.get("content-type")
    if "content-length" in got.headers:
        assert head.headers["content-length"] == got.headers["content-length"]


def test_the_index_lists_only_what_exists(db):
    client = client_for(db)
    for endpoint in client.get("/api").json()["endpoints"]:
        if endpoint["method"] == "GET" and "{" not in endpoint["path"]:
            params = {"q": "x"} if endpoint["path"].endswith("/search") else {}
            assert client.get(endpoint["path"], params=params).status_code == 200, endpoint
    assert json.loads(client.get("/openapi.json").text)["paths"]


def test_a_post_places_articles_an_interrupted_ingest_left_without_a_story(db):
    from diplograph.model import RawInput
    from diplograph.pipeline import process
    from diplograph.store import save_article

    text = "Ghana and Nepal signed a trade agreement in Accra on Friday, officials said."
    left = process(RawInput(source="left.txt", content=text.encode(), media_type="text/plain"))
    save_article(db, left)  # what an ingest killed before its clustering step leaves
    client = client_for(db)
    assert client.get(f"/api/articles/{left.id}").json()["story_id"] is None
    assert client.post("/api/articles", json=ARTICLE, headers=AUTH).status_code == 201
    assert client.get(f"/api/articles/{left.id}").json()["story_id"]
