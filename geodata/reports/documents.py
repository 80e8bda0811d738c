"""Report files as the extractor reads them: plain text, e-mail (``.eml``) and saved web pages (``.html``).

Each comes back as a :class:`~geodata.reports.review.Report`: the article's text, and what the file
says of itself — publication day, outlet, address, headline — from header lines (``Published: …``
at the top of a text file), e-mail headers (``Date``, ``From``, ``Subject``) or a page's metadata
(``article:published_time``, ``og:site_name``, the canonical link, ``og:title``/``<title>``).
A web page is read with BeautifulSoup (the stdlib parser): scripts, styles and navigation are
dropped, and inline markup never splits a sentence.

>>> report = read_report(b"Published: 2025-11-07\\nOutlet: Yonhap\\nNorth Korea fired ...", "a.txt")
>>> report.published, report.outlet, report.text
(datetime.date(2025, 11, 7), 'Yonhap', 'North Korea fired ...')
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import PurePath

from bs4 import BeautifulSoup

from geodata.errors import InvalidFile
from geodata.limits import MAX_CELL_CHARS, MAX_REPORT_FILE_BYTES, describe_bytes
from geodata.reports.review import Report

__all__ = ["REPORT_SUFFIXES", "read_report", "report_header"]

#: The report files a folder is read for (``launchmap extract DIR``) and the page accepts.
REPORT_SUFFIXES = (".txt", ".eml", ".html", ".htm")

_HEADER = re.compile(r"^(published|outlet|url|title)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Elements that hold no article text; block elements end a line so paragraphs stay sentences apart.
_DROPPED = ("script", "style", "noscript", "template", "svg", "iframe", "form", "nav", "footer", "aside")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section")
_BLOCK_END = "\ue000"  # a private-use character: never in a page's text
_PUBLISHED_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("name", "dc.date"),
)


def report_header(text: str) -> tuple[dict[str, str], str]:
    """Leading ``Published:``/``Outlet:``/``URL:``/``Title:`` lines as a dict, and the text without them."""
    header: dict[str, str] = {}
    lines = text.splitlines()
    while lines and (match := _HEADER.match(lines[0])):
        header[match.group(1).lower()] = match.group(2)
        lines.pop(0)
    return header, "\n".join(lines)


def read_report(data: bytes, name: str | None) -> Report:
    """The report in ``data`` (a file called ``name``; None for pasted or piped text).

    ``.eml`` is read as e-mail and ``.html``/``.htm`` (or any non-``.txt`` input that starts as an
    HTML document) as a web page; anything else as UTF-8 text with optional header lines. Raises
    :class:`InvalidFile` for a file too large to be one report, an e-mail without a text body, or a
    header date that is not ``YYYY-MM-DD``; the text itself is checked by the extractor.
    """
    label = name or "the report"
    if len(data) > MAX_REPORT_FILE_BYTES:
        raise InvalidFile(
            f"{label} is {describe_bytes(len(data))}; the limit for one report file is "
            f"{describe_bytes(MAX_REPORT_FILE_BYTES)} (save the article, not a whole site or archive)"
        )
    suffix = PurePath(name).suffix.lower() if name else ""
    if suffix == ".eml":
        header, text = _email(data, label)
    elif suffix in (".html", ".htm") or (suffix != ".txt" and _looks_like_html(data)):
        header, text = _page(data)
    elif b"\x00" in data[:8192]:
        return Report(data, None, name)  # binary: the extractor's check refuses it by what it found
    else:
        header, text = report_header(data.decode("utf-8", errors="replace"))
        if not header:
            return Report(data, None, name)  # undecodable bytes are refused as such, not replaced
    return Report(
        text,
        _day(header.get("published"), label),
        name,
        _cell(header.get("outlet")),
        _address(header.get("url")),
        _cell(header.get("title")),
    )


def _looks_like_html(data: bytes) -> bool:
    return data.lstrip()[:64].lower().startswith((b"<!doctype html", b"<html"))


def _day(value: str | None, label: str) -> dt.date | None:
    if value is None:
        return None
    match = _DAY.match(value.strip())
    try:
        if match:
            return dt.date.fromisoformat(match.group())
    except ValueError:
        pass
    raise InvalidFile(f"{label}: expected the publication date as YYYY-MM-DD, found {value[:40]!r}")


def _cell(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value[:MAX_CELL_CHARS] if value else None


def _address(value: str | None) -> str | None:
    """Only a web address becomes the report's link (a ``javascript:`` canonical link is dropped)."""
    value = _cell(value)
    return value if value and value.lower().startswith(("http://", "https://")) else None


def _email(data: bytes, label: str) -> tuple[dict[str, str], str]:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)  # policy.default builds EmailMessage
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise InvalidFile(f"{label}: expected an e-mail with a text or HTML body, found none")
    try:
        content = body.get_content()
    except (LookupError, ValueError) as error:  # an unknown charset, a broken transfer encoding
        raise InvalidFile(f"{label}: cannot read the e-mail's body ({error})") from None
    if not isinstance(content, str):
        raise InvalidFile(f"{label}: expected a text body, found {body.get_content_type()}")
    header: dict[str, str] = {}
    if body.get_content_type() == "text/html":
        header, content = _page(content)
    if message["subject"]:
        header.setdefault("title", str(message["subject"]))
    if message["from"]:
        outlet = email.utils.parseaddr(str(message["from"]))[0]
        if outlet:
            header.setdefault("outlet", outlet)
    if message["date"]:
        # an unreadable Date header leaves the day to the dateline or the user
        with contextlib.suppress(TypeError, ValueError):
            sent = email.utils.parsedate_to_datetime(str(message["date"]))
            header.setdefault("published", sent.date().isoformat())
    own, text = report_header(content)  # a forwarded report may carry our header lines too
    return header | own, text


def _page(markup: bytes | str) -> tuple[dict[str, str], str]:
    soup = BeautifulSoup(markup, "html.parser")
    header: dict[str, str] = {}
    for attribute, key in _PUBLISHED_META:
        tag = soup.find("meta", attrs={attribute: key, "content": True})
        if tag is not None:
            header["published"] = str(tag["content"])
            break
    else:
        time = soup.find("time", attrs={"datetime": True})
        if time is not None:
            header["published"] = str(time["datetime"])
    if "published" in header and not _DAY.match(header["published"].strip()):
        del header["published"]  # pages write dates many ways; the dateline or the user dates it
    if site := soup.find("meta", attrs={"property": "og:site_name", "content": True}):
        header["outlet"] = str(site["content"])
    canonical = soup.find("link", attrs={"rel": "canonical", "href": True}) or soup.find(
        "meta", attrs={"property": "og:url", "content": True}
    )
    if canonical is not None:
        header["url"] = str(canonical.get("href") or canonical.get("content"))
    title = soup.find("meta", attrs={"property": "og:title", "content": True})
    if title is not None:
        header["title"] = str(title["content"])
    elif soup.title and soup.title.string:
        header["title"] = str(soup.title.string)
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    root = soup.find("article") or soup.body or soup
    for tag in root.find_all(_BLOCKS):
        tag.append(_BLOCK_END)
    # Line breaks inside a paragraph's markup are only spaces; a block's end is a line of its own.
    paragraphs = (" ".join(part.split()) for part in root.get_text().split(_BLOCK_END))
    return header, "\n".join(paragraph for paragraph in paragraphs if paragraph)
