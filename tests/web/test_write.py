"""POST /api/articles: refused without a token configured, 401 without the right one."""

from __future__ import annotations

from fastapi.testclient import TestClient

from diplograph.web.app import create_app

ARTICLE = {
    "url": "https://news.example/qatar-egypt",
    "title": "Qatar and Egypt meet",
    "outlet": "news.example",
    "published": "2024-02-01",
    "text": "Qatar and Egypt held talks in Cairo on Monday about the border crossing.",
}


def test_writes_are_refused_without_a_configured_token(db):
    client = TestClient(create_app(db), client=("127.0.0.1", 1))
    response = client.post("/api/articles", json=ARTICLE)
    assert response.status_code == 403
    assert client.get("/api/articles").json()["total"] == 0


def test_writes_need_the_bearer_token(db):
    client = TestClient(create_app(db, token="tok"), client=("127.0.0.1", 1))
    assert client.post("/api/articles", json=ARTICLE).status_code == 401
    wrong = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert client.get("/api/articles").json()["total"] == 0


def test_ingest_json_with_the_token_stores_and_indexes_the_article(db):
    client = TestClient(create_app(db, token="tok"), client=("127.0.0.1", 1))
    auth = {"Authorization": "Bearer tok"}
    response = client.post("/api/articles", json=ARTICLE, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] is True
    art = client.get(f"/api/articles/{body['id']}").json()
    assert art["title"] == ARTICLE["title"] and art["outlet"] == "news.example"
    assert art["published"] == "2024-02-01"
    assert client.get("/api/search", params={"q": "border crossing"}).json()["total"] == 1
    again = client.post("/api/articles", json=ARTICLE, headers=auth).json()
    assert again["stored"] is False and again["duplicate_of"] == body["id"]


def test_ingest_validates_the_body(db):
    client = TestClient(create_app(db, token="tok"), client=("127.0.0.1", 1))
    auth = {"Authorization": "Bearer tok"}
    assert client.post("/api/articles", json={"title": "no text"}, headers=auth).status_code == 422
    bad_url = dict(ARTICLE, url="javascript:alert(1)")
    assert client.post("/api/articles", json=bad_url, headers=auth).status_code == 422
    assert client.post("/api/articles", content=b"x", headers=auth | {
        "Content-Type": "application/pdf"}).status_code == 415  # fmt: skip


def test_ingest_answers_deeply_nested_json_with_422(db):
    client = TestClient(create_app(db, token="tok"), client=("127.0.0.1", 1))
    body = b"[" * 100_000 + b"]" * 100_000
    response = client.post("/api/articles", content=body, headers={
        "Authorization": "Bearer tok", "Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 422
