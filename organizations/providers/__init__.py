"""The provider's page: an organization confirms or corrects its own listing, with no account."""
