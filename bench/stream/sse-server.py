#!/usr/bin/python3
# bench_stream's SSE source: answers every GET with text/event-stream and
# ?n=N small events ("id: i", "data: {...}") as fast as the socket takes them,
# then closes. Prints "PORT n"; ends when standard input closes.
import asyncio
import sys
import urllib.parse


async def serve(reader, writer):
    head = await reader.readuntil(b"\r\n\r\n")
    target = head.split(b" ")[1].decode()
    n = int(urllib.parse.parse_qs(urllib.parse.urlsplit(target).query).get("n", ["100000"])[0])
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                 b"Connection: close\r\n\r\n")
    batch = []
    for i in range(n):
        batch.append(b'id: %d\ndata: {"n":%d,"text":"event number %d"}\n\n' % (i, i, i))
        if len(batch) == 500:
            writer.write(b"".join(batch))
            batch.clear()
            await writer.drain()
    writer.write(b"".join(batch))
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


asyncio.run(main())
