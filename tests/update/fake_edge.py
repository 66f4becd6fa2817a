#!/usr/bin/python3
"""Stand-in witryna-edge for the updater tests, shipped as bin/witryna-edge in
each test release. What it does comes from the release's `behaviour` file:
  good   READY=1, then WATCHDOG=1 every WATCHDOG_USEC/6
  crash  exits 1 at once (a broken new version)
  hang   READY=1, then never feeds the watchdog (a stuck event loop)
"""
import os
import socket
import sys
import time

here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
with open(os.path.join(here, "behaviour")) as f:
    behaviour = f.read().strip()
if behaviour == "crash":
    sys.exit(1)

sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
address = os.environ["NOTIFY_SOCKET"]
# Three times as often as the real edge (every half period): the tests use a
# 300 ms watchdog to stay fast, and on a loaded CI machine (the ASan build
# runs beside the debug tests) a Python process can stall for 150 ms; a missed
# ping would be a restart the test did not cause.
interval = int(os.environ.get("WATCHDOG_USEC", "1000000")) / 6e6


def notify(message):
    sock.sendto(message.encode(), address)


parent = os.getppid()
notify("READY=1\nSTATUS=ready")
# Ends with its service manager (the test kills that with SIGKILL).
while os.getppid() == parent:
    if behaviour == "good":
        notify("WATCHDOG=1")
    time.sleep(interval)
