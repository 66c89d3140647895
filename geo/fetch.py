"""Fetching an article from a URL: off unless the user asks, http(s) only, with a timeout and
a size limit, and a clear message when it fails. The only module that goes online."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlparse

from geo.errors import InputError
from geo.inputs import MAX_BYTES, decode_bytes, html_to_text

__all__ = ["fetch_article"]

_USER_AGENT = "newsmap/0.1 (+article fetch on user request)"


def fetch_article(url: str, *, timeout_s: float = 10.0, max_bytes: int = MAX_BYTES) -> str:
    """The readable text of the page at ``url``.

    Raises :class:`~geo.errors.InputError` for another scheme, a network error, a timeout, a
    page that is not text or HTML, or one larger than ``max_bytes``.
    """
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError("give an http:// or https:// address")
    request = urllib.request.Request(url.strip(), headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "text/plain", "application/xhtml+xml"):
                raise InputError(f"{url} is {kind}, not a web page or text")
            data = response.read(max_bytes + 1)
            charset = response.headers.get_content_charset() or "utf-8"
    except InputError:
        raise
    except urllib.error.HTTPError as err:
        raise InputError(f"{url} answered {err.code} {err.reason}") from err
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise InputError(f"could not fetch {url}: {reason}") from err
    if len(data) > max_bytes:
        raise InputError(f"{url} is larger than {max_bytes:,} bytes")
    if charset.lower().replace("-", "") not in ("utf8", "usascii"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError) as err:
            raise InputError(f"{url} is in an encoding that cannot be read ({charset})") from err
    text = decode_bytes(data, url)
    return html_to_text(text) if kind != "text/plain" else text
