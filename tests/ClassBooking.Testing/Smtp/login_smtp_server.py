"""An SMTP server for the SMTP transport tests that asks for a login: aiosmtpd storing messages in a Maildir like
aiosmtpd.handlers.Mailbox, offering AUTH PLAIN and LOGIN without TLS (aiosmtpd's command line cannot turn off its
TLS requirement for AUTH), accepting one user name and password only, and refusing mail without a login (530).

    /usr/bin/python3 login_smtp_server.py 127.0.0.1 PORT DIR USER PASSWORD
"""
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    host, port, mail_dir, user, password = sys.argv[1:6]

    def authenticate(server, session, envelope, mechanism, auth_data):
        accepted = (isinstance(auth_data, LoginPassword)
                    and auth_data.login.decode() == user and auth_data.password.decode() == password)
        # handled=False: aiosmtpd then answers 535 itself; with the default it answers nothing.
        return AuthResult(success=accepted, handled=False)

    controller = Controller(Mailbox(mail_dir), hostname=host, port=int(port),
                            authenticator=authenticate, auth_required=True, auth_require_tls=False)
    controller.start()
    threading.Event().wait()  # until the test kills the process


if __name__ == "__main__":
    main()
