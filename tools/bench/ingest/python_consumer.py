#!/usr/bin/python3
"""The straightforward stock consumer a store team would write: Debian's
python3-paho-mqtt and sqlite3, the contract's version-guarded upserts,
committing every 1,000 items or 100 ms, whichever comes first.

It stores the same tables as the edge (stock, stream_state) with the same
connection settings (WAL, synchronous=NORMAL, 16 MiB cache), writes the
stream's last seq in the transaction of the items it covers, and exits once
the message with seq --messages is committed.

  python_consumer.py --port 1883 --topic witryna/v1/acme/store/S/stock \
                     --db stock.db --messages 1000000
"""
import argparse
import json
import sqlite3
import sys
import time

import paho.mqtt.client as mqtt

SCHEMA = """
CREATE TABLE IF NOT EXISTS stream_state(
  stream TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stock(
  sku TEXT PRIMARY KEY,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  on_hand INTEGER NOT NULL DEFAULT 0,
  reserved INTEGER NOT NULL DEFAULT 0,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
"""

UPSERT = """
INSERT INTO stock(sku, ver, deleted, on_hand, reserved, written_seq)
VALUES(?, ?, ?, ?, ?, ?)
ON CONFLICT(sku) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted,
  on_hand = excluded.on_hand, reserved = excluded.reserved, written_seq = excluded.written_seq
WHERE excluded.ver > stock.ver
"""

SET_SEQ = """
INSERT INTO stream_state(stream, last_seq) VALUES('stock', ?)
ON CONFLICT(stream) DO UPDATE SET last_seq = excluded.last_seq
"""

BATCH_ITEMS = 1000
BATCH_SECONDS = 0.1


class Consumer:
    def __init__(self, db_path, messages):
        self.db = sqlite3.connect(db_path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA cache_size=-16384")
        self.db.executescript(SCHEMA)
        row = self.db.execute("SELECT last_seq FROM stream_state WHERE stream = 'stock'").fetchone()
        self.last_seq = row[0] if row else 0
        self.messages = messages
        self.pending = 0          # items written since the last commit
        self.pending_since = None
        self.gaps = 0
        self.duplicates = 0
        self.done = False
        self.db.execute("BEGIN")

    def on_message(self, client, userdata, msg):
        envelope = json.loads(msg.payload)
        seq = envelope["seq"]
        if seq <= self.last_seq:
            self.duplicates += 1
            return
        if seq > self.last_seq + 1:
            self.gaps += 1
        rows = [(item["sku"], item["ver"], 1 if item.get("deleted") else 0,
                 item.get("on_hand", 0), item.get("reserved", 0), seq)
                for item in envelope["items"]]
        self.db.executemany(UPSERT, rows)
        self.last_seq = seq
        if self.pending == 0:
            self.pending_since = time.monotonic()
        self.pending += len(rows)
        if self.pending >= BATCH_ITEMS or seq >= self.messages:
            self.commit()
        else:
            self.commit_if_due()

    def commit_if_due(self):
        if self.pending and time.monotonic() - self.pending_since >= BATCH_SECONDS:
            self.commit()

    def commit(self):
        self.db.execute(SET_SEQ, (self.last_seq,))
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        self.pending = 0
        if self.last_seq >= self.messages:
            self.done = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1883)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--messages", type=int, required=True)
    parser.add_argument("--client-id", default="bench-python")
    args = parser.parse_args()

    consumer = Consumer(args.db, args.messages)
    client = mqtt.Client(client_id=args.client_id, clean_session=False)
    client.on_connect = lambda c, u, flags, rc: c.subscribe(args.topic, qos=1)
    client.on_message = consumer.on_message
    client.connect(args.host, args.port, keepalive=60)
    reconnects = 0
    while not consumer.done:
        if client.loop(timeout=BATCH_SECONDS / 2) != mqtt.MQTT_ERR_SUCCESS:
            # As loop_forever() would: the persistent session keeps what
            # arrives meanwhile.
            reconnects += 1
            try:
                client.reconnect()
            except OSError:
                time.sleep(0.1)
        consumer.commit_if_due()
    client.disconnect()
    print(f"python consumer: last seq {consumer.last_seq}, gaps {consumer.gaps}, "
          f"duplicates {consumer.duplicates}, reconnects {reconnects}", file=sys.stderr)


if __name__ == "__main__":
    main()
