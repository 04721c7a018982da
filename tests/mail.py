"""A real SMTP server for tests that send email: aiosmtpd on a free port of 127.0.0.1,
with Django's SMTP backend pointed at it. Messages arrive as they would at a mail
server, headers and all, parsed with the standard library.

    def test_something(smtp_server):
        ...
        [message] = smtp_server.messages
"""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """What the server received: every message, parsed, with its envelope recipients."""

    def __init__(self):
        self.messages = []
        # Set to a number of messages: the server takes that many, then answers
        # "451 Try again later" to the rest, as a mail server does when it is busy.
        self.accept_only = None

    async def handle_DATA(self, server, session, envelope):
        if self.accept_only is not None and len(self.messages) >= self.accept_only:
            return "451 Try again later"
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        message.recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    def to(self, address):
        return [message for message in self.messages if address in message.recipients]

    def clear(self):
        self.messages.clear()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def text_of(message, subtype="plain"):
    """The message's text/plain (or text/html) part."""
    return message.get_body(preferencelist=(subtype,)).get_content()


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = controller.hostname
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()
