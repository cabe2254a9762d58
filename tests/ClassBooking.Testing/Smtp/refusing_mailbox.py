"""An aiosmtpd handler for the SMTP transport tests: stores messages like aiosmtpd.handlers.Mailbox, but answers
the given reply to the given recipient addresses, as a server does for an unknown user (550) or a full mailbox (452).

    /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c refusing_mailbox.RefusingMailbox DIR \
        "nobody@example.org=550 5.1.1 no such user"
"""
from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    def __init__(self, mail_dir, replies):
        super().__init__(mail_dir)
        self.replies = replies

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.replies.get(address.lower())
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) < 1:
            parser.error("The directory for the maildir is required")
        replies = {}
        for pair in args[1:]:
            address, separator, reply = pair.partition("=")
            if not separator:
                parser.error(f"Expected address=reply, got {pair!r}")
            replies[address.lower()] = reply
        return cls(args[0], replies)
