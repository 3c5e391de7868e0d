// An event-stream server for tst_ssestream built on better-sse (npm), an SSE
// implementation no one here wrote. Listens on 127.0.0.1 on a free port and
// prints "PORT <n>" once ready. Routes:
//   /events     multi-line data, types, ids, a retry, comments, then a cut mid-event
//   /forever    one event every 20 ms until the client goes away
//   /huge       one event of 20 MiB of data lines (over Peephole's 16 MiB cap)
//   /nonewline  bytes without a line end, forever
//   /badutf8    an event whose data is not valid UTF-8
// With SSE_TLS_CERT and SSE_TLS_KEY set it also serves the same routes over
// TLS with HTTP/2 (HTTP/1.1 allowed) and prints "TLSPORT <n>" after "PORT <n>".
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import { createSession } from 'better-sse';

const handler = async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/events') {
        const session = await createSession(req, res, { retry: 1500, keepAlive: null, serializer: String });
        // better-sse writes one data field per .data() call (push() would put raw newlines in one field).
        await session.batch((buffer) => {
            buffer.event('greeting').id('1').data('line one').data('line two').data('line three').dispatch();
            buffer.comment('a comment the client ignores').dispatch();
        });
        session.push('{"n":2,"ok":true}', 'json', '2');
        session.push('plain', undefined, '3');
        session.push('last: Last-Event-ID was ' + (req.headers['last-event-id'] ?? 'none'), 'info', '4');
        setTimeout(() => {
            res.write('event: cut\ndata: this event never ends');
            setTimeout(() => (res.stream ? res.stream.close(http2.constants.NGHTTP2_CANCEL) : res.destroy()), 50);
        }, 50);
        return;
    }
    if (url.pathname === '/forever') {
        const session = await createSession(req, res, { keepAlive: null, serializer: String });
        let n = 0;
        const timer = setInterval(() => {
            if (!session.isConnected) return;
            n += 1;
            session.push('tick ' + n, 'tick', String(n));
        }, 20);
        res.on('close', () => clearInterval(timer));
        return;
    }
    if (url.pathname === '/huge' || url.pathname === '/nonewline') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        const piece = url.pathname === '/huge' ? 'data: ' + 'x'.repeat(64 * 1024) + '\n' : 'a'.repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
            while (sent < 64 * 1024 * 1024) { // 64 MiB at most, then stop
                sent += piece.length;
                if (!res.write(piece)) { res.once('drain', pump); return; }
            }
            res.end();
        };
        res.on('close', () => { sent = Infinity; });
        pump();
        return;
    }
    if (url.pathname === '/badutf8') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
        // "ok", a UTF-8 sequence cut short, a byte that is never UTF-8, "A".
        res.end(Buffer.concat([Buffer.from('data: ok'), Buffer.from([0xe2, 0x82, 0xff, 0x41, 0x0a, 0x0a])]));
        return;
    }
    res.writeHead(404);
    res.end();
};
const server = http.createServer(handler);
server.listen(0, '127.0.0.1', () => {
    console.log('PORT ' + server.address().port);
    if (!process.env.SSE_TLS_CERT) return;
    const secure = http2.createSecureServer({
        cert: fs.readFileSync(process.env.SSE_TLS_CERT),
        key: fs.readFileSync(process.env.SSE_TLS_KEY),
        allowHTTP1: true,
    }, handler);
    secure.listen(0, '127.0.0.1', () => console.log('TLSPORT ' + secure.address().port));
});
