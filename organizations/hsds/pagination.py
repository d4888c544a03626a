"""HSDS's page object: `total_items`, `total_pages`, `page_number`, `size`,
`first_page`, `last_page`, `empty` and the page's `contents`."""

from collections.abc import Callable, Sequence
from math import ceil

from django.db.models import QuerySet

from core.page_cache import count_until_change

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# Far beyond any real directory; a bound keeps the number a plain integer.
MAX_PAGE = 1_000_000


def paginate(rows: QuerySet | Sequence, page: int, per_page: int, serialize: Callable) -> dict:
    total = count_until_change(rows) if isinstance(rows, QuerySet) else len(rows)
    total_pages = ceil(total / per_page)
    offset = (page - 1) * per_page
    # A page past the end is answered without asking the database for it.
    page_rows = rows[offset : offset + per_page] if offset < total else []
    contents = [serialize(row) for row in page_rows]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
