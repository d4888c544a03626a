"""Cache keys that say nothing, and a Redis cache whose outages cost speed, not pages."""

import hashlib
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


def hashed_key(key: str, key_prefix: str, version: int) -> str:
    """Django's KEY_FUNCTION: a fixed-length digest instead of the raw key.

    Page-cache keys hold the visitor's full search address; hashed, they are
    never over the backend's length limit (whose warning prints the key) and
    a look at the cache tells nobody what was searched.
    """
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{key_prefix}:{version}:{digest}"


class ReusedClientRedisCacheClient(RedisCacheClient):
    """A redis-py client kept for reads and one for writes, instead of a new one per call.

    Django builds a `redis.Redis` (about 170 response callbacks) around the
    pool on each operation; that was a third of the time of a page served
    from the cache. A client is only a handle on its pool, which is what
    hands out connections, and is safe to share between threads.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[bool, object] = {}

    def get_client(self, key=None, *, write=False):
        client = self._clients.get(write)
        if client is None:
            client = self._clients[write] = super().get_client(key, write=write)
        return client


class ResilientRedisCache(RedisCache):
    """Redis down means a cache miss (every page still served), never a 500.

    Reads answer the default, writes are dropped; each failure is logged
    without its key. /readyz still reports the cache as unavailable, since its
    round trip then reads nothing back.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _degrade(self, operation, default, *args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except Exception as error:  # any client error: connection, timeout, protocol
            logger.warning("cache unavailable (%s): %s", operation.__name__, type(error).__name__)
            return default

    def get(self, key, default=None, version=None):
        return self._degrade(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._degrade(super().get_many, {}, keys, version)

    def set(self, key, value, timeout=None, version=None):
        self._degrade(super().set, None, key, value, timeout, version)

    def add(self, key, value, timeout=None, version=None):
        return self._degrade(super().add, False, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._degrade(super().set_many, list(data), data, timeout, version)

    def delete(self, key, version=None):
        return self._degrade(super().delete, False, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key must still raise ValueError (callers rely on it); only
        # a failing server degrades, to an answer that changes every time so
        # that nothing stale can be keyed by it.
        try:
            return super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as error:
            logger.warning("cache unavailable (incr): %s", type(error).__name__)
            return 0

    def touch(self, key, timeout=None, version=None):
        return self._degrade(super().touch, False, key, timeout, version)

    def clear(self):
        return self._degrade(super().clear, False)
