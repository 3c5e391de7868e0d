#!/usr/bin/env python3
"""Writes a HAR 1.2 file of about SIZE_MB megabytes, as a browser saves a busy
session: many entries, JSON and binary (base64) response bodies, cookies,
request bodies, timings. Usage: makehar.py OUT SIZE_MB"""
import base64
import json
import os
import random
import sys

out, size_mb = sys.argv[1], int(sys.argv[2])
target = size_mb * 1024 * 1024
rng = random.Random(11)
binary = base64.b64encode(os.urandom(96 * 1024)).decode()  # a 96 KiB image, in base64
text = json.dumps([{"id": i, "name": "item %d" % i, "tags": ["a", "b", "c"], "ok": True} for i in range(600)])

with open(out, "w") as f:
    f.write('{"log": {"version": "1.2", "creator": {"name": "bench/har", "version": "1"}, '
            '"pages": [], "entries": [\n')
    written, i = 0, 0
    while written < target:
        kind = i % 3
        entry = {
            "startedDateTime": "2026-01-01T10:%02d:%02d.%03dZ" % (i // 3600 % 60, i // 60 % 60, i % 1000),
            "time": 42.5,
            "request": {
                "method": "POST" if kind == 2 else "GET",
                "url": "https://api.example.com/v1/items/%d?page=%d" % (i, i % 7),
                "httpVersion": "HTTP/2",
                "headers": [{"name": ":authority", "value": "api.example.com"},
                            {"name": "accept", "value": "application/json"},
                            {"name": "user-agent", "value": "Mozilla/5.0 (X11; Linux x86_64)"}],
                "queryString": [{"name": "page", "value": str(i % 7)}],
                "cookies": [{"name": "theme", "value": "dark"}],
                "headersSize": -1, "bodySize": 0,
            },
            "response": {
                "status": 200, "statusText": "OK", "httpVersion": "HTTP/2",
                "headers": [{"name": "content-type", "value": "image/png" if kind == 0 else "application/json"}],
                "cookies": [],
                "content": ({"size": 98304, "mimeType": "image/png", "text": binary, "encoding": "base64"}
                            if kind == 0 else {"size": len(text), "mimeType": "application/json", "text": text}),
                "redirectURL": "", "headersSize": -1, "bodySize": -1,
            },
            "cache": {},
            "timings": {"blocked": rng.random(), "dns": -1, "connect": -1, "ssl": -1, "send": 0.1,
                        "wait": 20 + rng.random() * 10, "receive": 3.5},
        }
        if kind == 2:
            entry["request"]["postData"] = {"mimeType": "application/json", "text": json.dumps({"q": "x" * 200})}
        line = ("," if i else "") + json.dumps(entry) + "\n"
        f.write(line)
        written += len(line)
        i += 1
    f.write("]}}\n")
print(i, "entries")
