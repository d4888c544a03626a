from django.conf import settings


def site(request):
    return {
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "HOTLINE_PHONE": "1-888-373-7888",
        "HOTLINE_TEL": "+18883737888",
        "HOTLINE_TEXT": "233733",
    }
