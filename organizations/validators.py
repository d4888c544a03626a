"""Validation and formatting of the phone numbers people will dial."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_DIGITS = re.compile(r"\D")
# Short codes (911, 988, text lines such as 233733) are dialled as they are.
_SHORT_CODE = re.compile(r"^\d{3,6}$")


def phone_digits(number: str) -> str:
    """The dialable digits of a North American number or short code."""
    digits = _DIGITS.sub("", number or "")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits


def validate_phone_number(number: str) -> None:
    if not re.fullmatch(r"[\d\s().+\-]+", number or ""):
        raise ValidationError(
            _("Enter a phone number with digits, spaces, dashes or brackets only."),
            code="invalid_phone",
        )
    digits = phone_digits(number)
    if _SHORT_CODE.match(digits):
        return
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        raise ValidationError(
            _("Enter a 10-digit U.S. phone number, for example 916-555-0142."),
            code="invalid_phone",
        )


def format_phone(number: str) -> str:
    digits = phone_digits(number)
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def tel_uri(number: str) -> str:
    digits = phone_digits(number)
    return f"+1{digits}" if len(digits) == 10 else digits
