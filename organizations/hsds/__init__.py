"""A read-only Open Referral HSDS 3.0 API over the published directory (see README.md)."""
