#include "http/transfer.h"

#include "http/bodydevice.h"
#include "http/exchangelog.h"
#include "http/framing.h"
#include "http/hopreply.h"
#include "http/httpsession.h"
#include "http/networkerrors.h"
#include "http/qthopreply.h"
#include "http/redirects.h"
#include "http/requestbuilder.h"
#include "http/responsereader.h"
#include "http/tlsconfig.h"
#include "stream/sseparser.h"
#include "stream/streamstore.h"
#include "wire/http1reply.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QPointer>
#include <QSslCipher>
#include <climits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTransfer, "peephole.http.transfer", QtWarningMsg)

namespace Peephole {

namespace {
constexpr qint64 ReadChunk = 512 * 1024;
constexpr int MaxAuthRetries = 4;

QString protocolName(QSsl::SslProtocol p)
{
    switch (p) {
    case QSsl::TlsV1_2:
        return u"TLS 1.2"_s;
    case QSsl::TlsV1_3:
        return u"TLS 1.3"_s;
    case QSsl::DtlsV1_2:
        return u"DTLS 1.2"_s;
    default:
        return u"TLS"_s;
    }
}

QString visitKey(const QByteArray &method, const QUrl &url)
{
    return QString::fromLatin1(method) + u' ' + url.toString(QUrl::FullyEncoded);
}
} // namespace

Transfer::Transfer(HttpSession *session, QNetworkAccessManager *nam, const RequestSpec &spec, quint64 chainId,
                   const QString &outputFile)
    : QObject(session), m_session(session), m_nam(nam), m_spec(spec), m_chainId(chainId),
      m_outputFile(outputFile)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &Transfer::onTimeout);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &Transfer::onDeadline);
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this, &Transfer::onConnectTimeout);
}

Transfer::~Transfer()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_sse)
        m_session->streams()->close(m_exchange.id, tr("The session ended while the stream was open."));
}

void Transfer::start()
{
    m_hop.method = m_spec.method.isEmpty() ? QByteArray("GET") : m_spec.method;
    m_hop.url = withoutDotSegments(m_spec.url);
    m_hop.headers = m_spec.headers;
    m_hop.reason = HopReason::Initial;

    if (!m_hop.url.isValid() || m_hop.url.host().isEmpty() ||
        (m_hop.url.scheme() != u"http"_s && m_hop.url.scheme() != u"https"_s)) {
        failBeforeSend(ExchangeError::Kind::Other,
                       tr("\"%1\" is not an http:// or https:// URL with a host.").arg(m_hop.url.toString()));
        return;
    }
    QString error;
    m_hop.body = materializeBody(m_spec.body, &m_hop.contentType, &error);
    if (!error.isEmpty()) {
        failBeforeSend(ExchangeError::Kind::RequestBody, error);
        return;
    }
    if (m_spec.options.timeoutMs > 0)
        m_deadline.start(m_spec.options.timeoutMs);
    sendHop();
}

HopContext Transfer::hopContext() const
{
    HopContext ctx;
    ctx.chainId = m_chainId;
    ctx.spec = &m_spec;
    ctx.method = m_hop.method;
    ctx.url = m_hop.url;
    ctx.hasBody = m_hop.body != nullptr;
    ctx.bodyStore = m_hop.body; // read by the auth layer only when Digest auth-int needs it
    return ctx;
}

void Transfer::publish()
{
    m_session->log()->update(m_exchange);
}

void Transfer::sendHop()
{
    const quint64 previous = m_exchange.id;
    const int hopIndex = previous ? m_exchange.hop + 1 : 0;
    m_exchange = Exchange{};
    m_exchange.chainId = m_chainId;
    m_exchange.previousId = previous;
    m_exchange.hop = hopIndex;
    m_exchange.reason = m_hop.reason;
    m_exchange.group = m_session->m_group;
    if (AuthHook *hook = m_session->authHook();
        hook && (m_hop.reason == HopReason::Initial || m_hop.reason == HopReason::Redirect))
        m_hop.url = hook->urlFor(hopContext());
    m_exchange.method = m_hop.method;
    m_exchange.url = m_hop.url;
    m_exchange.notes = m_hop.notes;
    m_exchange.requestBody = m_hop.body;
    m_headersSeen = false;
    endEventStream();
    m_reader.reset();
    m_tlsErrors.clear();

    if (AuthHook *hook = m_session->authHook();
        hook && (m_hop.reason == HopReason::Initial || m_hop.reason == HopReason::Redirect)) {
        AuthRecord record = *m_exchange.auth;
        m_hop.authHeaders = hook->headersFor(hopContext(), record);
        if (!(record == *m_exchange.auth)) // only exchanges that auth touched carry a record
            m_exchange.auth = std::move(record);
    }
    const bool direct = carriedDirectly();
    const BuiltRequest built =
        buildRequest(m_hop, m_spec.options, m_spec.options.useCookieJar ? m_session->cookieJar() : nullptr,
                     direct ? Stack::Http1 : Stack::Qt);
    m_exchange.requestHeaders = built.sentHeaders;
    m_exchange.cookiesSent = built.cookiesSent;
    m_exchange.timings.startNs = monotonicNs();
    m_exchange.startedAt = wallClockAt(m_exchange.timings.startNs);
    if (const QByteArray auth = Headers::value(m_hop.authHeaders, "Authorization"); !auth.isEmpty())
        m_exchange.auth.edit().sentScheme = QString::fromLatin1(auth.left(auth.indexOf(' ')));
    m_session->log()->append(m_exchange);
    // The log assigned the id; keep our copy in step.
    m_exchange.id = m_session->log()->at(m_session->log()->count() - 1).id;

    QNetworkRequest request = built.request;
    if (m_hop.url.scheme() == u"https"_s) {
        QSslConfiguration tls;
        QString error;
        if (!buildTlsConfiguration(m_spec.options, &tls, &error)) {
            finishChain({ExchangeError::Kind::Tls, error});
            return;
        }
        request.setSslConfiguration(tls);
        m_exchange.tls.edit().verificationDisabled = !m_spec.options.verifyTls;
    }

    if (direct) {
        m_reply = new Http1Reply(m_session->connectionPool(), m_hop.method, m_hop.url, built.sentHeaders,
                                 m_hop.body, this);
    } else {
        QIODevice *upload = m_hop.body ? new BodyDevice(m_hop.body) : nullptr;
        if (upload)
            upload->open(QIODevice::ReadOnly);
        m_reply = new QtHopReply(m_nam, request, m_hop.method, upload, this);
    }

    connect(m_reply, &HopReply::socketStartedConnecting, this, &Transfer::onSocketStartedConnecting);
    connect(m_reply, &HopReply::encrypted, this, &Transfer::onEncrypted);
    connect(m_reply, &HopReply::requestSent, this, &Transfer::onRequestSent);
    connect(m_reply, &HopReply::sslErrors, this, &Transfer::onSslErrors);
    connect(m_reply, &HopReply::headReceived, this, &Transfer::onMetaData);
    connect(m_reply, &HopReply::readyRead, this, &Transfer::onReadyRead);
    connect(m_reply, &HopReply::finished, this, &Transfer::onFinished);
    connect(m_reply, &HopReply::uploadProgress, this, [this] {
        m_connectTimeout.stop();
        restartIdleTimer();
    });
    resumeDeadline();
    restartIdleTimer();
    if (m_spec.options.connectTimeoutMs > 0)
        m_connectTimeout.start(m_spec.options.connectTimeoutMs);
    m_sinceUpdate.start();
    m_reply->start();
    qCDebug(lcTransfer) << "chain" << m_chainId << "hop" << hopIndex << m_hop.method << m_hop.url;
}

bool Transfer::proxyConfigured() const
{
    const QUrl &proxy = m_spec.options.proxy;
    return proxy.isValid() && !proxy.host().isEmpty() && !proxy.scheme().startsWith(u"socks"_s);
}

bool Transfer::carriedDirectly() const
{
    // Plain http without a proxy or h2c: Peephole's own HTTP/1.1 client (core/wire).
    return m_session->directHttp() && m_hop.url.scheme() == u"http"_s && !m_spec.options.h2cPriorKnowledge &&
           m_nam->proxy().type() == QNetworkProxy::NoProxy;
}

void Transfer::onSocketStartedConnecting()
{
    m_exchange.timings.connectStartNs = monotonicNs();
}

void Transfer::onEncrypted()
{
    m_exchange.timings.tlsDoneNs = monotonicNs();
}

void Transfer::onRequestSent()
{
    m_connectTimeout.stop();
    m_exchange.timings.requestSentNs = monotonicNs();
}

void Transfer::onSslErrors(const QList<QSslError> &errors)
{
    for (const QSslError &e : errors) {
        QString text = e.errorString();
        if (!e.certificate().isNull())
            text += u" (" + describeCertificate(e.certificate()) + u')';
        m_tlsErrors.append(text);
    }
    m_exchange.tls.edit().errors = m_tlsErrors;
    if (!m_spec.options.verifyTls)
        m_reply->ignoreSslErrors();
}

bool Transfer::consumesBody(int status) const
{
    if ((status == 401 || status == 407) && m_session->authHook())
        return true;
    const bool redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    return redirect && m_spec.options.followRedirects;
}

void Transfer::openResponseBody()
{
    if (m_outputFile.isEmpty() || consumesBody(m_exchange.statusCode)) {
        m_exchange.responseBody = std::make_shared<BodyStore>(m_session->m_spillThreshold);
        return;
    }
    QString error;
    m_exchange.responseBody = BodyStore::createFileBacked(m_outputFile, &error);
    if (!m_exchange.responseBody) {
        m_exchange.responseBody = std::make_shared<BodyStore>(m_session->m_spillThreshold);
        m_exchange.error = {ExchangeError::Kind::Output, error};
        m_reply->abort();
    }
}

void Transfer::onMetaData()
{
    if (m_headersSeen || !m_reply)
        return;
    m_connectTimeout.stop();
    m_headersSeen = true;
    m_exchange.timings.headersNs = monotonicNs();
    if (m_exchange.timings.requestSentNs < 0)
        m_exchange.timings.requestSentNs = m_exchange.timings.headersNs;
    m_reader.readHead(*m_reply, m_exchange);
    // Peephole's HTTP/1.1 client refuses such heads itself; Qt's stack is held to the same words.
    const Framing::Verdict framing = Framing::check(m_exchange.responseHeaders);
    QString malformed = framing.error;
    if (malformed.isEmpty() && m_exchange.responseHeaders.size() > Framing::MaxHeaderFields)
        malformed = Framing::tooManyFields();
    if (!malformed.isEmpty()) {
        m_exchange.error = {ExchangeError::Kind::MalformedResponse,
                            tr("Malformed response from %1:%2: %3.")
                                .arg(m_hop.url.host())
                                .arg(m_hop.url.port(m_hop.url.scheme() == u"https"_s ? 443 : 80))
                                .arg(malformed)};
        publish();
        m_reply->abort();
        return;
    }
    if (!framing.note.isEmpty())
        m_exchange.notes.edit().append(framing.note);
    if (!m_exchange.cookiesSet->isEmpty() && m_spec.options.useCookieJar)
        m_session->cookieJar()->setCookiesFromUrl(*m_exchange.cookiesSet, m_hop.url);
    openResponseBody();
    m_reader.setMaxDecodedSize(m_spec.options.maxDecodedSize);
    if (const QString note = m_reader.startBody(m_exchange); !note.isEmpty())
        m_exchange.notes.edit().append(note);
    if (m_exchange.mimeType() == "text/event-stream")
        startEventStream();
    publish();
}

void Transfer::startEventStream()
{
    m_sse = std::make_unique<SseParser>();
    m_session->streams()->open(m_exchange.id);
    m_reader.setTap([this](const char *data, qint64 size) { return feedEvents(data, size); });
}

bool Transfer::feedEvents(const char *data, qint64 size)
{
    QList<SseEvent> events;
    const bool ok = m_sse->feed(data, qsizetype(size), &events);
    StreamStore *store = m_session->streams();
    store->setReconnectState(m_exchange.id, m_sse->retryMs(), m_sse->lastEventId());
    const qint64 now = monotonicNs();
    for (SseEvent &event : events) {
        StreamMessage message;
        message.timeNs = now;
        message.type = std::move(event.type);
        message.id = std::move(event.lastEventId);
        message.data = event.data.toUtf8();
        store->append(m_exchange.id, std::move(message));
    }
    if (!ok)
        m_exchange.error = {ExchangeError::Kind::MalformedResponse, m_sse->errorString()};
    return ok;
}

void Transfer::endEventStream()
{
    if (!m_sse)
        return;
    QString note;
    if (m_sse->hasFailed())
        note = m_sse->errorString();
    else if (m_exchange.error.isError())
        note = m_exchange.error.message;
    else if (m_sse->hasOpenEvent())
        note = tr("The stream ended inside an event; its %n byte(s) were not dispatched.", nullptr,
                  int(qMin<qsizetype>(m_sse->pendingBytes(), qsizetype(INT_MAX))));
    m_session->streams()->close(m_exchange.id, note);
    m_sse.reset();
}

void Transfer::onReadyRead()
{
    if (!m_reply || !m_headersSeen || !m_exchange.responseBody)
        return;
    if (!m_reader.readBody(*m_reply, m_exchange)) {
        m_reply->abort();
        return;
    }
    restartIdleTimer();
    if (m_sinceUpdate.elapsed() > 250) {
        m_sinceUpdate.restart();
        publish();
    }
}

void Transfer::restartIdleTimer()
{
    if (m_spec.options.idleTimeoutMs > 0)
        m_timeout.start(m_spec.options.idleTimeoutMs);
}

void Transfer::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_timedOutBy = ReplyFacts::Limit::Idle;
    m_reply->abort();
}

void Transfer::onConnectTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_timedOutBy = ReplyFacts::Limit::Connect;
    m_reply->abort();
}

void Transfer::onDeadline()
{
    m_timedOut = true;
    m_timedOutBy = ReplyFacts::Limit::Total;
    if (m_reply) {
        m_reply->abort(); // finished() follows and ends the chain with the timeout.
        return;
    }
    ReplyFacts facts;
    facts.url = m_hop.url;
    facts.timedOut = true;
    facts.limit = ReplyFacts::Limit::Total;
    facts.timeoutMs = m_spec.options.timeoutMs;
    facts.headersReceived = m_headersSeen;
    facts.requestSent = m_exchange.timings.requestSentNs >= 0;
    finishChain(classifyReplyError(QNetworkReply::TimeoutError, {}, facts));
}

void Transfer::pauseDeadline()
{
    if (!m_deadline.isActive())
        return;
    m_deadlineLeftMs = qMax(1, m_deadline.remainingTime());
    m_deadline.stop();
}

void Transfer::resumeDeadline()
{
    if (m_deadlineLeftMs < 0)
        return;
    m_deadline.start(m_deadlineLeftMs);
    m_deadlineLeftMs = -1;
}

void Transfer::onFinished()
{
    m_timeout.stop();
    m_connectTimeout.stop();
    HopReply *reply = m_reply;
    if (!reply)
        return;
    onReadyRead();
    m_reply = nullptr;
    reply->deleteLater();
    reply->disconnect(this);

    Timings &t = m_exchange.timings;
    t.finishedNs = monotonicNs();
    if (m_exchange.responseBody && !m_exchange.responseBody->finish() && !m_exchange.error.isError())
        m_exchange.error = {ExchangeError::Kind::Output, m_exchange.responseBody->errorString()};
    if (m_hop.url.scheme() == u"https"_s) {
        const QSslConfiguration tls = reply->sslConfiguration();
        TlsInfo &info = m_exchange.tls.edit();
        info.used = true;
        info.protocol = protocolName(tls.sessionProtocol());
        info.cipher = tls.sessionCipher().name();
        info.chain = tls.peerCertificateChain();
        info.errors = m_tlsErrors;
    }
    m_exchange.wireBodySize = m_reader.wireBytes();

    if (m_exchange.error.isError()) {
        finishChain();
        return;
    }
    const QNetworkReply::NetworkError error = reply->error();
    // Qt reports a proxy's 407 as a transport error; it is an answer the auth layer handles.
    const bool proxyChallenge = error == QNetworkReply::ProxyAuthenticationRequiredError && m_headersSeen &&
                                m_exchange.statusCode == 407;
    if (error != QNetworkReply::NoError && !(m_headersSeen && isHttpStatusError(error)) && !proxyChallenge) {
        ReplyFacts facts;
        facts.url = m_hop.url;
        facts.headersReceived = m_headersSeen;
        facts.bodyReceived = m_reader.wireBytes();
        facts.contentLength = m_reader.contentLength();
        facts.timedOut = m_timedOut;
        facts.cancelled = m_cancelled;
        facts.limit = m_timedOutBy;
        facts.timeoutMs = m_timedOutBy == ReplyFacts::Limit::Total     ? m_spec.options.timeoutMs
                          : m_timedOutBy == ReplyFacts::Limit::Connect ? m_spec.options.connectTimeoutMs
                                                                       : m_spec.options.idleTimeoutMs;
        facts.requestSent = m_exchange.timings.requestSentNs >= 0;
        facts.tlsErrors = m_tlsErrors;
        finishChain(classifyReplyError(error, reply->errorString(), facts));
        return;
    }

    // Qt sometimes reports success when the peer closes before Content-Length bytes arrived.
    if (m_reader.cutShort(m_hop.method, m_exchange.statusCode)) {
        ReplyFacts facts;
        facts.url = m_hop.url;
        facts.headersReceived = true;
        facts.bodyReceived = m_reader.wireBytes();
        facts.contentLength = m_reader.contentLength();
        finishChain(classifyReplyError(QNetworkReply::RemoteHostClosedError, reply->errorString(), facts));
        return;
    }
    AuthHook *hook = m_session->authHook();
    if (hook)
        hook->responseReceived(hopContext(), m_exchange);
    const int status = m_exchange.statusCode;
    if (m_exchange.isRedirect() && m_spec.options.followRedirects)
        followRedirect();
    else if ((status == 401 || status == 407) && hook)
        askAuth();
    else
        finishChain();
}

void Transfer::followRedirect()
{
    const QByteArray location = Headers::value(m_exchange.responseHeaders, "Location");
    if (location.isEmpty()) {
        finishChain();
        return;
    }
    const QUrl target = QUrl::fromEncoded(location);
    const QUrl next = m_hop.url.resolved(target);
    if (!target.isValid() || !next.isValid() || next.host().isEmpty()) {
        finishChain({ExchangeError::Kind::Other,
                     tr("Invalid redirect target: the server's Location \"%1\" is not a valid URL (%2). The "
                        "redirect was not followed.")
                         .arg(QString::fromLatin1(location.left(200)),
                              target.isValid() ? tr("no host") : target.errorString())});
        return;
    }
    if (next.scheme() != u"http"_s && next.scheme() != u"https"_s) {
        finishChain({ExchangeError::Kind::Other,
                     tr("Redirect to \"%1\": only http and https are followed.").arg(next.toString())});
        return;
    }
    if (m_redirects >= m_spec.options.maxRedirects) {
        finishChain(
            {ExchangeError::Kind::TooManyRedirects,
             tr("Stopped after %1 redirects, the limit for this request. The next hop would have been "
                "%2. Raise the limit if this is expected.")
                 .arg(m_redirects)
                 .arg(next.toString())});
        return;
    }
    const QByteArray method = Redirects::nextMethod(m_exchange.statusCode, m_hop.method);
    m_visited.insert(visitKey(m_hop.method, m_hop.url));
    if (m_visited.contains(visitKey(method, next))) {
        finishChain({ExchangeError::Kind::RedirectLoop,
                     tr("Redirect loop: %1 was already requested in this chain.").arg(next.toString())});
        return;
    }
    ++m_redirects;
    Hop hop;
    hop.method = method;
    hop.url = next;
    hop.headers = m_hop.headers;
    hop.reason = HopReason::Redirect;
    if (Redirects::keepsBody(m_exchange.statusCode, m_hop.method, method)) {
        hop.body = m_hop.body;
        hop.contentType = m_hop.contentType;
    } else {
        Redirects::dropBodyHeaders(hop.headers);
    }
    hop.notes = Redirects::dropCredentialHeaders(hop.headers, m_hop.url, next, m_spec.auth.locationTrusted);
    m_exchange.finished = true;
    publish();
    m_hop = hop;
    sendHop();
}

void Transfer::askAuth()
{
    AuthHook *hook = m_session->authHook();
    if (m_authRetries >= MaxAuthRetries) {
        finishChain();
        return;
    }
    m_exchange.finished = true;
    // The user may take a while to type credentials: that is not the server's time.
    pauseDeadline();
    const HopContext ctx = hopContext();
    QPointer<Transfer> guard(this);
    const quint64 exchangeId = m_exchange.id;
    hook->challenged(ctx, m_exchange, [guard, exchangeId](const AuthRetry &retry, const AuthRecord &record) {
        if (!guard || guard->m_ended || guard->m_exchange.id != exchangeId)
            return;
        Transfer *self = guard.data();
        self->m_exchange.auth = record;
        if (!retry.retry || self->m_cancelled) {
            ExchangeError error;
            if (self->m_cancelled)
                error = {ExchangeError::Kind::Cancelled, tr("Cancelled.")};
            else if (self->m_exchange.statusCode == 407 && !self->proxyConfigured())
                // Proxy credentials go only to a configured proxy; the negotiator sent nothing.
                error = {ExchangeError::Kind::Proxy,
                         !record.explanation.isEmpty()
                             ? record.explanation
                             : tr("407 from a server that is not your proxy: no proxy is configured.")};
            self->finishChain(error);
            return;
        }
        self->publish();
        ++self->m_authRetries;
        for (const HeaderField &h : retry.headers) {
            Headers::remove(self->m_hop.authHeaders, h.name);
            self->m_hop.authHeaders.append(h);
        }
        self->m_hop.reason =
            self->m_exchange.statusCode == 407 ? HopReason::ProxyAuthRetry : HopReason::AuthRetry;
        self->m_hop.notes.clear();
        self->sendHop();
    });
    if (guard && !m_ended && m_exchange.id == exchangeId)
        publish(); // The hook filled exchange.auth synchronously; show it while the answer is pending.
}

void Transfer::failBeforeSend(ExchangeError::Kind kind, const QString &message)
{
    m_exchange = Exchange{};
    m_exchange.chainId = m_chainId;
    m_exchange.group = m_session->m_group;
    m_exchange.method = m_hop.method;
    m_exchange.url = m_hop.url;
    m_exchange.requestHeaders = m_hop.headers;
    m_exchange.timings.startNs = monotonicNs();
    m_exchange.startedAt = wallClockAt(m_exchange.timings.startNs);
    m_exchange.id = m_session->log()->append(m_exchange);
    finishChain({kind, message});
}

void Transfer::cancel()
{
    if (m_ended)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort(); // finished() follows and ends the chain as cancelled.
    else
        finishChain({ExchangeError::Kind::Cancelled, tr("Cancelled.")});
}

void Transfer::finishChain(const ExchangeError &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_timeout.stop();
    m_deadline.stop();
    m_connectTimeout.stop();
    if (error.isError() && !m_exchange.error.isError())
        m_exchange.error = error;
    if (m_exchange.timings.finishedNs < 0)
        m_exchange.timings.finishedNs = monotonicNs();
    endEventStream();
    if (m_exchange.responseBody && !m_exchange.responseBody->finish() && !m_exchange.error.isError())
        m_exchange.error = {ExchangeError::Kind::Output, m_exchange.responseBody->errorString()};
    // The final body belongs in the output file even when it was first read into memory
    // (a 401 that was not answered, a redirect that was not followed).
    if (!m_outputFile.isEmpty() && m_exchange.responseBody &&
        m_exchange.responseBody->filePath() != m_outputFile && !m_exchange.error.isError()) {
        QString error2;
        auto out = BodyStore::createFileBacked(m_outputFile, &error2);
        const qint64 size = m_exchange.responseBody->size();
        bool written = out != nullptr;
        for (qint64 off = 0; written && off < size; off += ReadChunk)
            written = out->append(m_exchange.responseBody->read(off, ReadChunk));
        written = written && out->finish();
        if (!written)
            m_exchange.error = {ExchangeError::Kind::Output, out ? out->errorString() : error2};
    }
    m_exchange.finished = true;
    publish();
    if (AuthHook *hook = m_session->authHook())
        hook->chainFinished(m_chainId);
    m_session->transferDone(this);
}

} // namespace Peephole
