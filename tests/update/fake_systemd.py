#!/usr/bin/python3
"""A stand-in for systemd in the updater tests: plays witryna-edge.service.

  fake_systemd.py daemon STATE_DIR ROOT WATCHDOG_USEC
      Runs ROOT/current/bin/witryna-edge as a Type=notify service with
      WatchdogSec, Restart=on-failure (RestartSec 0.1 s): NOTIFY_SOCKET and
      WATCHDOG_USEC in its environment, READY=1 makes it "active", a missed
      watchdog gets it SIGABRT and restarted, a failed exit restarted
      (NRestarts counts both). SIGUSR1 = `systemctl restart`. Writes what
      `systemctl show` prints to STATE_DIR/show (atomically, on every change),
      plus X-Release= (the release the main process runs), X-Starts= (every
      start) and X-Restart-Requests= (`systemctl restart` calls only).
  fake_systemd.py ctl STATE_DIR restart [--no-block] UNIT
  fake_systemd.py ctl STATE_DIR show UNIT [-p NAME]...
      The systemctl subset witryna-updater uses.
"""
import os
import signal
import socket
import subprocess
import sys
import time


def write_show(state_dir, fields):
    tmp = os.path.join(state_dir, "show.tmp")
    with open(tmp, "w") as f:
        for key, value in fields.items():
            f.write(f"{key}={value}\n")
    os.replace(tmp, os.path.join(state_dir, "show"))


def daemon(state_dir, root, watchdog_usec):
    watchdog_s = watchdog_usec / 1e6
    sock_path = os.path.join(state_dir, "notify.sock")
    if os.path.exists(sock_path):
        os.unlink(sock_path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(sock_path)
    sock.settimeout(0.02)
    requests = {"restart": False, "stop": False}
    signal.signal(signal.SIGUSR1, lambda *_: requests.__setitem__("restart", True))
    signal.signal(signal.SIGTERM, lambda *_: requests.__setitem__("stop", True))
    with open(os.path.join(state_dir, "pid.tmp"), "w") as f:
        f.write(str(os.getpid()))
    os.replace(os.path.join(state_dir, "pid.tmp"), os.path.join(state_dir, "pid"))

    child = None
    fields = {"ActiveState": "inactive", "SubState": "dead", "MainPID": 0, "NRestarts": 0,
              "WatchdogTimestampMonotonic": 0, "X-Release": "", "X-Starts": 0,
              "X-Restart-Requests": 0}
    started_at = 0.0
    last_ping = 0.0
    restart_at = time.monotonic()

    def start():
        nonlocal child, started_at, last_ping
        exe = os.path.join(root, "current", "bin", "witryna-edge")
        env = dict(os.environ, NOTIFY_SOCKET=sock_path, WATCHDOG_USEC=str(watchdog_usec))
        child = subprocess.Popen([exe], env=env, stdin=subprocess.DEVNULL)
        started_at = last_ping = time.monotonic()
        fields.update(ActiveState="activating", SubState="start", MainPID=child.pid)
        fields["X-Release"] = os.path.basename(os.path.realpath(os.path.join(root, "current")))
        fields["X-Starts"] += 1
        write_show(state_dir, fields)

    def stopped(failed):
        nonlocal child, restart_at
        child = None
        if failed:
            fields["NRestarts"] += 1
            fields.update(ActiveState="activating", SubState="auto-restart", MainPID=0)
            restart_at = time.monotonic() + 0.1
        else:
            fields.update(ActiveState="inactive", SubState="dead", MainPID=0)
            restart_at = None
        write_show(state_dir, fields)

    while not requests["stop"]:
        now = time.monotonic()
        if requests["restart"]:
            requests["restart"] = False
            fields["X-Restart-Requests"] += 1
            if child is not None:
                child.terminate()
                try:
                    child.wait(5)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
                child = None
            restart_at = now
        if child is None and restart_at is not None and now >= restart_at:
            start()
        try:
            data = sock.recv(4096).decode(errors="replace")
            changed = False
            for line in data.splitlines():
                if line == "READY=1" and fields["ActiveState"] != "active":
                    fields.update(ActiveState="active", SubState="running")
                    changed = True
                if line == "WATCHDOG=1":
                    last_ping = time.monotonic()
                    fields["WatchdogTimestampMonotonic"] = int(last_ping * 1e6)
                    changed = True
            if changed:
                write_show(state_dir, fields)
        except socket.timeout:
            pass
        if child is not None:
            code = child.poll()
            if code is not None:
                stopped(code != 0)
            elif time.monotonic() - last_ping > watchdog_s:
                child.send_signal(signal.SIGABRT)  # WatchdogSignal
                child.wait()
                stopped(True)
    if child is not None:
        child.terminate()
        child.wait()


def ctl(state_dir, args):
    args = [a for a in args if a != "--no-block"]
    if args and args[0] == "restart":
        with open(os.path.join(state_dir, "pid")) as f:
            os.kill(int(f.read()), signal.SIGUSR1)
        return 0
    if args and args[0] == "show":
        with open(os.path.join(state_dir, "show")) as f:
            sys.stdout.write(f.read())
        return 0
    print(f"fake systemctl: unsupported {args}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    if sys.argv[1] == "daemon":
        daemon(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(ctl(sys.argv[2], sys.argv[3:]))
