#!/usr/bin/env python3
"""Writes session.bin: what a PostgreSQL 16 server sends a perfdash scrape, from AuthenticationOk through the
twelve queries' answers (BEGIN … COMMIT, pg_stat_force_next_flush), in protocol v3 backend messages. It seeds the
postgres-wire fuzz target (Fuzz/); sasl.bin seeds the SCRAM path (AuthenticationSASL, SASLContinue, an error)."""
import struct
import sys
from pathlib import Path


def message(kind, body):
    return kind + struct.pack("!i", len(body) + 4) + body


def cstr(text):
    return text.encode() + b"\0"


def row_description(names):
    body = struct.pack("!h", len(names))
    for name in names:
        body += cstr(name) + struct.pack("!ihihih", 0, 0, 25, -1, -1, 0)
    return message(b"T", body)


def data_row(values):
    body = struct.pack("!h", len(values))
    for value in values:
        if value is None:
            body += struct.pack("!i", -1)
        else:
            encoded = value.encode()
            body += struct.pack("!i", len(encoded)) + encoded
    return message(b"D", body)


def complete(tag):
    return message(b"C", cstr(tag))


def ready(state=b"T"):
    return message(b"Z", state)


def select(names, rows):
    out = row_description(names)
    for row in rows:
        out += data_row(row)
    return out + complete(f"SELECT {len(rows)}") + ready()


def error(code, text):
    return message(b"E", b"SERROR\0" + b"C" + cstr(code) + b"M" + cstr(text) + b"\0")


session = message(b"R", struct.pack("!i", 0))
session += message(b"S", cstr("server_version") + cstr("16.2 (Debian 16.2-1.pgdg120+2)"))
session += message(b"S", cstr("client_encoding") + cstr("UTF8"))
session += message(b"K", struct.pack("!ii", 4242, 99))
session += ready(b"I")
session += complete("BEGIN") + ready()
session += select(["xact_commit", "xact_rollback", "blks_read", "blks_hit", "deadlocks", "temp_files", "temp_bytes",
                   "current_setting", "current_setting"],
                  [["1200", "3", "450", "98000", "0", "2", "16384", "100", "3"]])
session += complete("SAVEPOINT") + ready()
session += select(["coalesce", "count", "count"], [["active", "2", "0"], ["idle", "7", "0"], ["", "1", "1"]])
session += complete("ROLLBACK") + ready()
session += error("42P01", 'relation "pg_stat_statements" does not exist') + ready(b"E")
session += complete("ROLLBACK") + ready()
session += select(["?column?", "seq_scan", "seq_tup_read", "coalesce", "n_live_tup"],
                  [["public.orders", "40", "400000", "12", "10000"], [None, "1", "1", "1", "1"]])
session += complete("ROLLBACK") + ready()
session += select(["fetched", "hit"], [["31", "30"]])
session += complete("COMMIT") + ready(b"I")
session += select(["pg_stat_force_next_flush"], [[""]])

sasl = message(b"R", struct.pack("!i", 10) + cstr("SCRAM-SHA-256") + b"\0")
sasl += message(b"R", struct.pack("!i", 11) + b"r=abc,s=QSXCR+Q6sek8bf92,i=4096")
sasl += message(b"R", struct.pack("!i", 12) + b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
sasl += message(b"R", struct.pack("!i", 5) + b"\x01\x02\x03\x04")
sasl += message(b"E", b"SFATAL\0C28P01\0Mpassword authentication failed for user \"monitor\"\0\0")

folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
(folder / "session.bin").write_bytes(session)
(folder / "sasl.bin").write_bytes(sasl)
