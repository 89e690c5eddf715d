"""The API's docs page in headless Chromium: Swagger UI loads under our CSP and calls the API."""

from __future__ import annotations

import pytest

from tests.browser import browser, requires_chromium  # noqa: F401  (fixture)

pytestmark = requires_chromium


def test_the_docs_page_shows_and_tries_the_operations(live_server, transactional_db, browser, tmp_path):
    from articles.models import Publication

    Publication.objects.create(name="青岛日报", slug="qingdao-ribao")
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.goto(live_server.url + "/api/v1/docs")
    page.locator(".opblock-summary-path", has_text="/api/v1/publications").first.wait_for()
    assert page.title() == "Newsroom 接口"
    assert page.locator(".opblock").count() == 8
    page.screenshot(path=str(tmp_path / "docs.png"), full_page=True)

    # Try it out: Swagger UI fetches the operation from the page (connect-src 'self').
    page.locator(".opblock-summary", has_text="/api/v1/publications").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".response-col_description .microlight", has_text="qingdao-ribao").first.wait_for()

    assert not errors, errors  # no CSP violations or script errors
