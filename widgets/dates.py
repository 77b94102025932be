"""Dates, times and numbers as the session's language writes them (Babel), in the kit's time zone.

Stored times are Unix seconds; people read them in the time zone of the municipality
(``KIT_TIMEZONE``, Europe/Amsterdam unless set), never as UTC or as a number.
"""

import datetime
import os
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time

from .i18n import decimal, normalize_language

DEFAULT_TIMEZONE = "Europe/Amsterdam"


@lru_cache(maxsize=4)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def timezone() -> ZoneInfo:
    return _zone(os.environ.get("KIT_TIMEZONE", "").strip() or DEFAULT_TIMEZONE)


def local_datetime(stamp) -> datetime.datetime:
    """Unix seconds as an aware datetime in the kit's time zone."""
    return datetime.datetime.fromtimestamp(float(stamp), timezone())


def date_in_words(stamp, lang: str) -> str:
    """'1 december 2026' / 'December 1, 2026'."""
    return format_date(local_datetime(stamp), "long", locale=normalize_language(lang))


def datetime_text(stamp, lang: str) -> str:
    """A short local date and time: '01-12-2026, 14:05' / '12/1/26, 2:05 PM'."""
    return format_datetime(local_datetime(stamp), "short", locale=normalize_language(lang))


def time_text(stamp, lang: str) -> str:
    """A local time to the second, which tells two people who joined in one minute apart: '14:05:32' / '2:05:32 PM'."""
    return format_time(local_datetime(stamp), "medium", locale=normalize_language(lang))


def decimal_text(value, lang: str, digits: int = 1) -> str:
    """A number with a decimal comma in Dutch and a point in English: '6,5' / '6.5' (``i18n.decimal``)."""
    return decimal(value, lang, digits)
