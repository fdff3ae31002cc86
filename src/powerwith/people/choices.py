"""What a person can say about themselves, in plain words. Codes are stable."""

from django.db import models

PREFER_NOT_TO_SAY = "prefer_not_to_say"


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"
    POST = "post", "Letter by post"
    SUPPORTER = "supporter", "Through my supporter"


class Benefit(models.TextChoices):
    """Which benefit's rules about earnings apply to the person, when they choose to say.
    "I'd rather not say" is no code at all: it is the absence of any record."""

    NOT_ON_BENEFITS = "not_on_benefits", "I'm not on benefits"
    ESA = "esa", "Employment and Support Allowance (ESA), doing permitted work"
    UNIVERSAL_CREDIT = "universal_credit", "Universal Credit"
    OTHER = "other", "Another benefit, or I'm not sure"


class ToldBy(models.TextChoices):
    """How a person told a member of staff what they decided, when staff record it for
    them (powerwith.workflows.on_behalf)."""

    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "On the phone"
    LETTER = "letter", "By letter"
    SUPPORTER = "supporter", "Through their supporter"


class ReminderTime(models.TextChoices):
    """When in the day the person likes reminders; none come at night whatever they choose."""

    MORNING = "morning", "In the morning (9am to 12 noon)"
    AFTERNOON = "afternoon", "In the afternoon (12 noon to 5pm)"
    EVENING = "evening", "In the early evening (5pm to 8pm)"


class SupporterMay(models.TextChoices):
    """What the person lets a supporter do; each is chosen on its own."""

    RECEIVE_MESSAGES = "receive_messages", "Get messages for me"
    HELP_ANSWER = "help_answer", "Help me answer"
    ANSWER_FOR = "answer_for", "Answer for me, when I have agreed"


class Format(models.TextChoices):
    """Accessible Information Standard: how the person needs information."""

    STANDARD = "standard", "Standard print"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy read"
    AUDIO = "audio", "Audio"
    BRAILLE = "braille", "Braille"
    BSL = "bsl", "British Sign Language (BSL)"
    MAKATON = "makaton", "Makaton"
    SUPPORTER = "supporter", "Through a supporter who interprets"


class Adjustment(models.TextChoices):
    PRACTICAL = "practical", "Practical"
    SENSORY = "sensory", "Sensory"
    EMOTIONAL = "emotional", "Emotional and psychological support"
    TIMING = "timing", "Timing and breaks"


class Day(models.TextChoices):
    MONDAY = "mon", "Monday"
    TUESDAY = "tue", "Tuesday"
    WEDNESDAY = "wed", "Wednesday"
    THURSDAY = "thu", "Thursday"
    FRIDAY = "fri", "Friday"
    SATURDAY = "sat", "Saturday"
    SUNDAY = "sun", "Sunday"


class Skill(models.TextChoices):
    PUBLIC_SPEAKING = "public_speaking", "Public speaking"
    TRAINING_DELIVERY = "training_delivery", "Delivering training"
    WRITING = "writing", "Writing"
    PANEL_WORK = "panel_work", "Sitting on panels (selection, review, certification)"
    PEER_SUPPORT = "peer_support", "Peer support"
    IT = "it", "Using computers and video calls"
    RESEARCH = "research", "Research and evaluation"
    CREATIVE = "creative", "Art, film or creative work"


class PaymentPreference(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", "Bank transfer"
    PAYROLL = "payroll", "Through payroll"
    VOUCHER = "voucher", "Vouchers"
    NOT_PAID = "not_paid", "I choose not to be paid"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Sharing(models.TextChoices):
    """What the person lets one organisation see of their profile."""

    SUMMARY = "summary", "A summary: my name, experience, availability and communication needs"
    DETAILS = "details", "My details and notes as well: contact details, adjustments, goals"


class What(models.TextChoices):
    """What of a person's details someone read: the access log's words (privacy keeps
    the log; people.reads notes each read)."""

    PROFILE = "profile", "Your profile"
    EXPERIENCE = "experience", "Your experience"
    WELLNESS_ACTION_PLAN = "wellness_action_plan", "Your Wellness Action Plan"
    WELLBEING_NOTES = "wellbeing_notes", "Your wellbeing check answers"
    ADJUSTMENTS = "adjustments", "Your reasonable adjustments"
    DATA_EXPORT = "data_export", "A download of all your information"
