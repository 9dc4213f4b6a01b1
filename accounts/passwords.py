"""Password rules with Dutch messages: a minimum length, and zxcvbn's estimate of how easily a password is guessed.

Django 5.2's Dutch catalogue misses the current wording of the length message, and the zxcvbn validator's own Dutch
catalogue addresses people with "je"; the site says "u" everywhere, so the messages are ours.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django_zxcvbn_password_validator import ZxcvbnPasswordValidator

# zxcvbn reads at most this many characters; the rest of a longer password only makes it stronger.
ZXCVBN_MAX_LENGTH = 72

# zxcvbn's feedback (its `feedback.py`, without the closing full stop) in Dutch. Feedback missing here is left out
# rather than shown in English: the main message already says what to do.
FEEDBACK_NL = {
    "Use a few words, avoid common phrases": "Gebruik een paar woorden, geen bekende uitdrukking.",
    "No need for symbols, digits, or uppercase letters": "Symbolen, cijfers of hoofdletters zijn niet nodig.",
    "Add another word or two. Uncommon words are better": "Voeg een of twee woorden toe. Ongewone woorden zijn beter.",
    "Straight rows of keys are easy to guess": "Rijen toetsen naast elkaar zijn makkelijk te raden.",
    "Short keyboard patterns are easy to guess": "Korte patronen op het toetsenbord zijn makkelijk te raden.",
    "Use a longer keyboard pattern with more turns": "Gebruik een langer toetsenbordpatroon met meer bochten.",
    'Repeats like "aaa" are easy to guess': "Herhalingen zoals 'aaa' zijn makkelijk te raden.",
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc"': (
        "Herhalingen zoals 'abcabcabc' zijn nauwelijks moeilijker te raden dan 'abc'."
    ),
    "Avoid repeated words and characters": "Herhaal geen woorden of tekens.",
    'Sequences like "abc" or "6543" are easy to guess': "Reeksen zoals 'abc' of '6543' zijn makkelijk te raden.",
    "Avoid sequences": "Vermijd reeksen.",
    "Recent years are easy to guess": "Recente jaartallen zijn makkelijk te raden.",
    "Avoid recent years": "Vermijd recente jaartallen.",
    "Avoid years that are associated with you": "Vermijd jaartallen die iets met u te maken hebben.",
    "Dates are often easy to guess": "Datums zijn vaak makkelijk te raden.",
    "Avoid dates and years that are associated with you": "Vermijd datums en jaartallen die iets met u te maken hebben.",
    "This is a top-10 common password": "Dit is een van de tien meest gebruikte wachtwoorden.",
    "This is a top-100 common password": "Dit is een van de honderd meest gebruikte wachtwoorden.",
    "This is a very common password": "Dit wachtwoord wordt heel vaak gebruikt.",
    "This is similar to a commonly used password": "Dit lijkt op een veelgebruikt wachtwoord.",
    "A word by itself is easy to guess": "Een los woord is makkelijk te raden.",
    "Names and surnames by themselves are easy to guess": "Een naam of achternaam alleen is makkelijk te raden.",
    "Common names and surnames are easy to guess": "Veelvoorkomende namen en achternamen zijn makkelijk te raden.",
    "Capitalization doesn't help very much": "Een hoofdletter maakt het niet veel moeilijker.",
    "All-uppercase is almost as easy to guess as all-lowercase": "Alles in hoofdletters is bijna even makkelijk te raden.",
    "Reversed words aren't much harder to guess": "Een woord achterstevoren is niet veel moeilijker te raden.",
    "Predictable substitutions like '@' instead of 'a' don't help very much": (
        "Voorspelbare vervangingen zoals '@' voor 'a' helpen niet veel."
    ),
}


TIP = "Een zin van vier of meer gewone woorden is sterk en goed te onthouden."


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule, with the message in Dutch."""

    def get_error_message(self) -> str:
        return f"Dit wachtwoord is te kort. Gebruik minstens {self.min_length} tekens."

    def get_help_text(self) -> str:
        return f"Uw wachtwoord heeft minstens {self.min_length} tekens."


class GuessabilityValidator(ZxcvbnPasswordValidator):
    """Refuses passwords that zxcvbn scores below PASSWORD_MINIMAL_STRENGTH, with Dutch advice.

    zxcvbn knows English words and common passwords; PASSWORD_EXTRA_DICTIONARY adds the Dutch words people use
    (wachtwoord, welkom, city names), and the user's own name and address count as easy to guess too.
    """

    def validate(self, password: str, user=None) -> None:
        result = self.zxcvbn_implementation(password[:ZXCVBN_MAX_LENGTH], user_inputs=self._get_user_inputs(user))
        if result["score"] >= self.password_minimal_strength:
            return
        feedback = [result["feedback"]["warning"], *result["feedback"]["suggestions"]]
        advice = [FEEDBACK_NL[text.rstrip(".")] for text in feedback if text and text.rstrip(".") in FEEDBACK_NL]
        messages = ["Dit wachtwoord is te makkelijk te raden.", *(advice or [TIP])]
        raise ValidationError([ValidationError(message, code="password_too_guessable") for message in messages])

    def get_help_text(self) -> str:
        return "Kies een wachtwoord dat moeilijk te raden is, bijvoorbeeld een zin van vier of meer gewone woorden."
