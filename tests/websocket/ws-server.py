#!/usr/bin/python3
# A WebSocket server for tst_websocket built on the Python "websockets" package
# (Debian python3-websockets), which no one here wrote. Listens on free loopback
# ports and prints them: "PORT n" (ws://), "AUTHPORT n" (ws:// behind Basic,
# user "alice" password "s3cret", websockets' own basic_auth_protocol_factory),
# "TLSPORT n" (wss:// with WS_TLS_CERT / WS_TLS_KEY). Paths:
#   /echo        echoes every message as it came (text or binary)
#   /binary      sends bytes 0..255 as one binary message, then echoes
#   /fragmented  sends one text message in three frames, then closes with 1000
#   /ping        pings the client, waits for the pong, says "pong received", then echoes
#   /close       sends "closing", then closes with 4001 "policy says bye"
#   /drop        sends "bye", then drops the TCP connection without a closing handshake
#   /big         sends one text message of 2 MiB, then echoes
#   /headers     sends the request's headers as JSON (name -> list of values), then echoes
#   /many?n=N    sends N small text messages as fast as it can, then closes with 1000
#   /forbidden   refuses the handshake with 403 (websockets' process_request hook)
#   /setcookie   answers the 101 with "Set-Cookie: wsvisit=yes; Path=/", then echoes
import asyncio
import http
import logging
import json
import os
import ssl
import sys
import urllib.parse

import websockets
from websockets.datastructures import Headers
from websockets.legacy.auth import basic_auth_protocol_factory


async def echo(ws):
    async for message in ws:
        await ws.send(message)


async def handler(ws, path=None):
    url = urllib.parse.urlsplit(ws.path)
    route = url.path
    if route == "/binary":
        await ws.send(bytes(range(256)))
    elif route == "/fragmented":
        await ws.send(["part one, ", "part two, ", "part three"])
        await ws.close(1000, "done")
        return
    elif route == "/ping":
        waiter = await ws.ping(b"are you there")
        await asyncio.wait_for(waiter, 10)
        await ws.send("pong received")
    elif route == "/close":
        await ws.send("closing")
        await ws.close(4001, "policy says bye")
        return
    elif route == "/drop":
        await ws.send("bye")
        await asyncio.sleep(0.05)
        ws.transport.abort()
        return
    elif route == "/big":
        await ws.send("x" * (2 * 1024 * 1024))
    elif route == "/headers":
        headers = {}
        for name, value in ws.request_headers.raw_items():
            headers.setdefault(name.lower(), []).append(value)
        await ws.send(json.dumps({"headers": headers, "subprotocol": ws.subprotocol}))
    elif route == "/many":
        n = int(urllib.parse.parse_qs(url.query).get("n", ["1000"])[0])
        for i in range(n):
            await ws.send("message %d" % i)
        await ws.close(1000, "all sent")
        return
    try:
        await echo(ws)
    except websockets.ConnectionClosed:
        pass


async def refuse(path, request_headers):
    if path.startswith("/forbidden"):
        return (http.HTTPStatus.FORBIDDEN, Headers([("Content-Type", "text/plain")]), b"no WebSocket for you\n")
    return None


def extra_headers(path, request_headers):
    return [("Set-Cookie", "wsvisit=yes; Path=/")] if path.startswith("/setcookie") else []


async def main():
    # Peephole's handshake connections close right after the 101: not worth a traceback each.
    logging.getLogger("websockets").setLevel(logging.CRITICAL)
    common = dict(process_request=refuse, extra_headers=extra_headers, max_size=64 * 1024 * 1024, subprotocols=["chat.v2", "chat.v1"], ping_interval=None)
    plain = await websockets.serve(handler, "127.0.0.1", 0, **common)
    auth = await websockets.serve(
        handler, "127.0.0.1", 0,
        create_protocol=basic_auth_protocol_factory(realm="ws-test", credentials=("alice", "s3cret")),
        **common)
    print("PORT %d" % plain.sockets[0].getsockname()[1], flush=True)
    print("AUTHPORT %d" % auth.sockets[0].getsockname()[1], flush=True)
    cert, key = os.environ.get("WS_TLS_CERT"), os.environ.get("WS_TLS_KEY")
    if cert and key:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        tls = await websockets.serve(handler, "127.0.0.1", 0, ssl=ctx, **common)
        print("TLSPORT %d" % tls.sockets[0].getsockname()[1], flush=True)
    else:
        print("TLSPORT 0", flush=True)
    # Ends when the test closes our standard input (or kills us).
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)


asyncio.run(main())
