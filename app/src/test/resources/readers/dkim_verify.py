"""Checks a message's DKIM signature with Debian's python3-dkim, independently of the Java signer.

Usage: python3 dkim_verify.py BASE64_PUBLIC_KEY < message.eml
The public key stands in for the DNS TXT record, so no resolver is needed. Prints "pass" or "fail".
"""
import sys

import dkim

key = sys.argv[1].encode("ascii")
message = sys.stdin.buffer.read()
ok = dkim.verify(message, dnsfunc=lambda name, timeout=5: b"v=DKIM1; k=rsa; p=" + key)
print("pass" if ok else "fail")
sys.exit(0 if ok else 1)
