"""Phone numbers, checked and stored in one form: E.164 (+447700900123), UK by default.

A text message can only reach a mobile number, and a number typed three ways must be one
number, so every form and the API store what :func:`to_e164` answers.
"""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "GB"
UK_CODE = 44


class NotAPhoneNumber(ValueError):
    pass


def to_e164(text: str, *, region: str = DEFAULT_REGION) -> str:
    """The number in E.164, or :class:`NotAPhoneNumber` saying what is wrong with it."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise NotAPhoneNumber(
            "Enter a phone number, like 07700 900 982 or +44 7700 900 982."
        ) from None
    # Any UK number of the right length as well as a valid one: Ofcom keeps 07700 900000–
    # 900999 for drama and examples, which the demo and the tests use, and "valid"
    # refuses them.
    if not (phonenumbers.is_valid_number(number) or _uk_length(number)):
        raise NotAPhoneNumber(
            "Enter a phone number that exists, like 07700 900 982 or +44 7700 900 982."
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _uk_length(number: phonenumbers.PhoneNumber) -> bool:
    return number.country_code == UK_CODE and len(str(number.national_number)) == 10


def is_mobile(e164: str) -> bool:
    """Whether a text message can be sent to the number."""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return False
    if number.country_code == UK_CODE:
        # UK mobiles are 07…, except 070 (personal numbers) and 076 (pagers).
        national = str(number.national_number)
        return national.startswith("7") and not national.startswith(("70", "76"))
    kind = phonenumbers.number_type(number)
    return kind in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


def for_reading(e164: str) -> str:
    """The number as people in the UK write it (07700 900982), others in international form."""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == UK_CODE:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
