"""Report files as people save them: text with header lines, e-mail, web pages — and the CLI reading a folder of each."""

from __future__ import annotations

import datetime as dt
import json
from email.message import EmailMessage

import pytest

from geodata.errors import InvalidFile
from geodata.limits import MAX_REPORT_FILE_BYTES
from geodata.reports.documents import read_report
from tests.cli.test_main import isolated_store, run  # noqa: F401 - autouse fixture
from tests.reports.test_review import THREE_OUTLETS
from tests.reports.wire_corpus import WIRE
from tests.reports.wire_corpus import read_report as read_corpus_report

JAPAN_TIMES, KOREA_HERALD, GULF_TIMES = THREE_OUTLETS


def email_bytes(body: str, *, html: bool = False, date: str = "Thu, 30 May 2024 09:12:00 +0900") -> bytes:
    message = EmailMessage()
    message["From"] = "Korea Herald Desk <desk@example.org>"
    message["Subject"] = "N. Korea fires barrage of ballistic missiles"
    message["Date"] = date
    if html:  # an e-mail whose only body is HTML
        message.set_content(f"<html><body><p>{body}</p></body></html>", subtype="html")
    else:
        message.set_content(body)
    return bytes(message)


def page_bytes(body: str, *, canonical: str = "https://example.org/nk-missiles") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return f"""<!DOCTYPE html><html><head>
<title>Site title | Gulf Times</title>
<meta property="og:title" content="North Korea fires ballistic missiles">
<meta property="og:site_name" content="Gulf Times">
<meta property="article:published_time" content="2024-05-30T08:41:00+03:00">
<link rel="canonical" href="{canonical}">
<script>window.__pwned = "North Korea fired 99 ICBMs on Monday";</script>
<style>p {{ color: red }}</style></head>
<body><nav>Home | World | North Korea launches archive</nav>
<article><h1>North Korea fires ballistic missiles</h1>{paragraphs}</article>
<footer>Copyright, subscribe</footer></body></html>""".encode()


def test_read_report__text_header_lines_name_and_date_the_report():
    report = read_report(
        b"Published: 2024-05-30\nOutlet: Yonhap\nURL: https://example.org/a\nTitle: T\nNorth Korea fired",
        "a.txt",
    )
    assert (report.published, report.outlet, report.url, report.title) == (
        dt.date(2024, 5, 30),
        "Yonhap",
        "https://example.org/a",
        "T",
    )
    assert report.text == "North Korea fired" and report.name == "a.txt"


def test_read_report__text_without_header_stays_bytes_for_the_text_check():
    report = read_report(b"North Korea fired \xff a missile", "a.txt")
    assert report.text == b"North Korea fired \xff a missile" and report.published is None


def test_read_report__email_is_dated_and_named_by_its_headers():
    _, body = read_corpus_report(WIRE / f"{KOREA_HERALD}.txt")
    report = read_report(email_bytes(body), "herald.eml")
    assert report.published == dt.date(2024, 5, 30)
    assert (
        report.outlet == "Korea Herald Desk"
        and report.title == "N. Korea fires barrage of ballistic missiles"
    )
    assert isinstance(report.text, str) and body.strip()[:60] in report.text


def test_read_report__html_email_body_becomes_text():
    report = read_report(email_bytes("North Korea fired <b>two</b> ballistic missiles", html=True), "m.eml")
    assert "North Korea fired two ballistic missiles" in report.text and "<b>" not in report.text


def test_read_report__web_page_gives_article_text_and_metadata_not_scripts_or_navigation():
    _, body = read_corpus_report(WIRE / f"{GULF_TIMES}.txt")
    report = read_report(page_bytes(body), "gulf.html")
    assert (report.published, report.outlet, report.url, report.title) == (
        dt.date(2024, 5, 30), "Gulf Times", "https://example.org/nk-missiles", "North Korea fires ballistic missiles")  # fmt: skip
    assert "99 ICBMs" not in report.text and "archive" not in report.text and "Copyright" not in report.text
    first_paragraph = body.strip().split("\n\n")[0]
    assert " ".join(first_paragraph.split()) in report.text  # one line, as written


def test_read_report__inline_markup_never_splits_a_sentence():
    page = b"<html><body><p>North Korea fired <a href='x'>a ballistic missile</a> on <em>Friday</em>.</p></body></html>"
    assert read_report(page, None).text == "North Korea fired a ballistic missile on Friday."


def test_read_report__a_page_link_that_is_not_a_web_address_is_dropped():
    report = read_report(page_bytes("North Korea fired a missile.", canonical="javascript:alert(1)"), "p.htm")
    assert report.url is None


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            b"Published: 30 May\nNorth Korea fired",
            "a.txt",
            "expected the publication date as YYYY-MM-DD, found '30 May'",
        ),
        (b"Published: 2024-02-30\nNorth Korea fired", "a.txt", "expected the publication date as YYYY-MM-DD"),
        (
            b"From: a@b\nSubject: x\nContent-Type: image/png\n\n\x89PNG",
            "a.eml",
            "expected an e-mail with a text or HTML body",
        ),
        (b"x" * (MAX_REPORT_FILE_BYTES + 1), "big.html", "the limit for one report file is 5.0 MB"),
    ],
)
def test_read_report__unreadable_files_say_what_was_expected(data, name, message):
    with pytest.raises(InvalidFile, match=message.replace("(", r"\(").replace(")", r"\)")) as error:
        read_report(data, name)
    assert name in str(error.value)


def test_extract__a_folder_of_text_email_and_page_copies_is_one_launch_with_three_sources(capsys, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    reports = {case: read_corpus_report(WIRE / f"{case}.txt") for case in THREE_OUTLETS}
    header, body = reports[JAPAN_TIMES]
    (folder / "japantimes.txt").write_text(
        f"Published: {header['published']}\nOutlet: {header['outlet']}\n{body}"
    )
    (folder / "herald.eml").write_bytes(email_bytes(reports[KOREA_HERALD][1]))
    (folder / "gulf.html").write_bytes(page_bytes(reports[GULF_TIMES][1]))
    (folder / "notes.md").write_text("not a report")  # other files in the folder are not read
    code, out, err = run(capsys, "extract", str(folder))
    assert code == 0, err
    events = json.loads(out)["events"]
    assert len(events) == 1
    outlets = {source.get("outlet") for source in events[0]["sources"]}
    assert {"The Japan Times", "Korea Herald Desk", "Gulf Times"} <= outlets
    assert any(source.get("url") == "https://example.org/nk-missiles" for source in events[0]["sources"])


def test_extract__a_folder_without_report_files_names_the_kinds_read(capsys, tmp_path):
    (tmp_path / "notes.md").write_text("x")
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == 1 and "expected report files (.txt, .eml, .html, .htm) in the folder, found none" in err
    assert "Traceback" not in err
