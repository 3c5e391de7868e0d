#include "cli/exchangeprinter.h"

#include "redact/redact.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}

void write(FILE *f, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), f);
}

QString ms(qint64 fromNs, qint64 toNs)
{
    if (fromNs < 0 || toNs < 0)
        return u"-"_s;
    return QString::number((toNs - fromNs) / 1e6, 'f', 1) + u" ms"_s;
}

QString reasonText(HopReason reason)
{
    switch (reason) {
    case HopReason::Initial:
        return {};
    case HopReason::Redirect:
        return tr("following a redirect");
    case HopReason::AuthRetry:
        return tr("answering the server's challenge");
    case HopReason::ProxyAuthRetry:
        return tr("answering the proxy's challenge");
    }
    return {};
}
} // namespace

ExchangePrinter::ExchangePrinter(FILE *heads, FILE *body, SendOptions::Mode mode, bool showSecrets)
    : m_heads(heads), m_body(body), m_mode(mode), m_showSecrets(showSecrets)
{
}

QByteArray ExchangePrinter::requestLine(const Exchange &e, bool showSecrets)
{
    const QByteArray target = showSecrets || !Redact::urlHasSecrets(e.url)
                                  ? e.requestTarget()
                                  : requestTargetOf(Redact::url(e.url, QString::fromLatin1(Redact::Mask)));
    return e.method + ' ' + target + ' ' + e.requestVersion();
}

QByteArray ExchangePrinter::statusLine(const Exchange &e)
{
    return e.httpVersion + ' ' + QByteArray::number(e.statusCode) + ' ' + e.reasonPhrase;
}

QByteArray ExchangePrinter::field(const HeaderField &h) const
{
    const QByteArray value = m_showSecrets ? h.value : Redact::maskHeaderValue(h.name, h.value);
    return Redact::escapeControls(QByteArray(h.name + ": " + value));
}

void ExchangePrinter::note(const QString &text)
{
    write(m_heads, "* " + Redact::escapeControls(text.toUtf8()) + '\n');
}

void ExchangePrinter::printVerbose(const Exchange &e)
{
    const Timings &t = e.timings;
    note(tr("Timing: connect %1, TLS %2, request sent %3, first byte %4, total %5")
             .arg(ms(t.connectStartNs, t.tlsDoneNs >= 0 ? t.tlsDoneNs : t.requestSentNs),
                  ms(t.connectStartNs, t.tlsDoneNs), ms(t.startNs, t.requestSentNs),
                  ms(t.requestSentNs, t.headersNs), ms(t.startNs, t.finishedNs)));
    if (e.tls->used) {
        note(tr("TLS: %1, %2").arg(e.tls->protocol, e.tls->cipher));
        if (!e.tls->chain.isEmpty())
            note(tr("Server certificate: %1").arg(e.tls->chain.first().subjectDisplayName()));
        for (const QString &err : e.tls->errors)
            note(tr("TLS problem: %1").arg(err));
    }
    for (const QNetworkCookie &c : *e.cookiesSet) {
        QNetworkCookie shown = c;
        if (!m_showSecrets)
            shown.setValue(Redact::Mask);
        note(tr("Cookie set: %1").arg(QString::fromUtf8(shown.toRawForm())));
    }
    const AuthRecord &a = *e.auth;
    for (const Challenge &c : a.challenges) {
        QStringList params;
        for (const AuthParam &p : c.params)
            params.append(QString::fromUtf8(p.name) + u'=' + QString::fromUtf8(p.value));
        if (!c.token68.isEmpty())
            params.append(QString::fromLatin1(c.token68));
        note(tr("Challenge: %1 %2").arg(QString::fromLatin1(c.scheme), params.join(u", ")));
    }
    for (const ChallengeProblem &p : a.problems)
        note(tr("Malformed challenge (field %1, offset %2): %3").arg(p.field).arg(p.offset).arg(p.message));
    if (!a.chosenScheme.isEmpty())
        note(tr("Answering with %1: %2").arg(a.chosenScheme, a.reason));
    else if (!a.reason.isEmpty())
        note(a.reason);
    if (!a.authenticationInfo.isEmpty())
        note(a.authenticationInfo);
    if (!a.sigv4.signature.isEmpty()) {
        const SigV4Trace &v = a.sigv4;
        note(tr("AWS Signature V4%1: scope %2, signed headers %3, payload %4")
                 .arg(v.presigned ? tr(" (presigned URL)") : QString(), QString::fromLatin1(v.credentialScope),
                      QString::fromLatin1(v.signedHeaders), QString::fromLatin1(v.payloadHash)));
        note(tr("Canonical request:"));
        for (const QByteArray &line : v.canonicalRequest.split('\n'))
            note(u"  "_s + QString::fromUtf8(line));
        note(tr("String to sign:"));
        for (const QByteArray &line : v.stringToSign.split('\n'))
            note(u"  "_s + QString::fromUtf8(line));
    }
}

void ExchangePrinter::printHeads(const Exchange &e)
{
    if (m_mode == SendOptions::Mode::BodyOnly)
        return;
    if (e.hop > 0) {
        write(m_heads, "\n");
        note(tr("Hop %1: %2").arg(e.hop + 1).arg(reasonText(e.reason)));
    }
    for (const QString &n : *e.notes)
        note(n);
    if (m_mode != SendOptions::Mode::Head) {
        write(m_heads, "> " + Redact::escapeControls(requestLine(e, m_showSecrets)) + "\r\n");
        for (const HeaderField &h : e.requestHeaders)
            write(m_heads, "> " + field(h) + "\r\n");
        write(m_heads, ">\r\n");
    }
    if (e.statusCode > 0) {
        write(m_heads, "< " + Redact::escapeControls(statusLine(e)) + "\r\n");
        for (const HeaderField &h : e.responseHeaders)
            write(m_heads, "< " + field(h) + "\r\n");
        write(m_heads, "<\r\n");
    }
    if (m_mode == SendOptions::Mode::Verbose)
        printVerbose(e);
    if (!e.auth->handshakeSent.isEmpty())
        note(tr("Sent: %1").arg(e.auth->handshakeSent));
    if (!e.auth->handshakeReceived.isEmpty())
        note(tr("Received: %1").arg(e.auth->handshakeReceived));
    if (!e.auth->explanation.isEmpty())
        note(e.auth->explanation);
    std::fflush(m_heads);
}

bool ExchangePrinter::printBody(const Exchange &e)
{
    if (m_mode == SendOptions::Mode::Head || !e.responseBody)
        return true;
    const BodyStore &body = *e.responseBody;
    constexpr qint64 chunk = 1 << 20;
    const bool terminal = isatty(fileno(m_body));
    if (terminal && body.head(8192).contains('\0')) {
        note(tr("Binary body of %1 bytes not printed to the terminal; use --output FILE.").arg(body.size()));
        return true;
    }
    if (!terminal) {
        for (qint64 off = 0; off < body.size() && !std::ferror(m_body); off += chunk)
            write(m_body, body.read(off, chunk));
        return std::fflush(m_body) == 0 && !std::ferror(m_body);
    }
    // On a terminal, escape what could drive it; keep a UTF-8 sequence cut by
    // a chunk boundary for the next chunk.
    QByteArray carry;
    for (qint64 off = 0; off < body.size() && !std::ferror(m_body); off += chunk) {
        QByteArray bytes = carry + body.read(off, chunk);
        carry.clear();
        if (off + chunk < body.size()) {
            qsizetype start = bytes.size();
            for (int back = 1; back <= 3 && back <= bytes.size(); ++back) {
                const uchar b = uchar(bytes.at(bytes.size() - back));
                if ((b & 0xc0) == 0xc0) {
                    const int len = (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : 4;
                    if (len > back)
                        start = bytes.size() - back;
                    break;
                }
                if ((b & 0xc0) != 0x80)
                    break;
            }
            carry = bytes.mid(start);
            bytes.truncate(start);
        }
        write(m_body, Redact::escapeControls(bytes, true));
    }
    write(m_body, Redact::escapeControls(carry, true));
    return std::fflush(m_body) == 0 && !std::ferror(m_body);
}

} // namespace Peephole::Cli
