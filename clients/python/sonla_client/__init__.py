"""A client library for accessing Sơn La startup-ecosystem API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
