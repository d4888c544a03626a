from django.utils.translation import get_language


def in_language(english: str, spanish: str) -> str:
    """Pick the Spanish text on Spanish pages when a curator wrote one."""
    language = (get_language() or "en").split("-")[0]
    if language == "es" and spanish:
        return spanish
    return english
