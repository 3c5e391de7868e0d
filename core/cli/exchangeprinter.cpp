#include "cli/exchangeprinter.h"

#include "redact/redaction.h"

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

ExchangePrinter::ExchangePrinter(FILE *heads, FILE *body, SendOptions::Mode mode)
    : m_heads(heads), m_body(body), m_mode(mode)
{
}

QByteArray ExchangePrinter::requestLine(const Exchange &e)
{
    return e.method + ' ' + e.requestTarget() + ' ' + e.requestVersion();
}

QByteArray ExchangePrinter::statusLine(const Exchange &e)
{
    return e.httpVersion + ' ' + QByteArray::number(e.statusCode) + ' ' + e.reasonPhrase;
}

QByteArray ExchangePrinter::shown(const HeaderField &h) const
{
    return m_showSecrets ? h.value : Redaction::maskHeaderValue(h.name, h.value);
}

void ExchangePrinter::note(const QString &text)
{
    write(m_heads, "* " + Redaction::escapeForTerminal(text.toUtf8()) + '\n');
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
    for (const QNetworkCookie &c : *e.cookiesSet)
        note(tr("Cookie set: %1").arg(QString::fromUtf8(c.toRawForm())));
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
        const QByteArray line = requestLine(e);
        write(m_heads,
              "> " +
                  Redaction::escapeForTerminal(m_showSecrets ? line : Redaction::redactTarget(line, "****")) +
                  "\r\n");
        for (const HeaderField &h : e.requestHeaders)
            write(m_heads,
                  "> " + Redaction::escapeForTerminal(QByteArray(h.name + ": " + shown(h))) + "\r\n");
        write(m_heads, ">\r\n");
    }
    if (e.statusCode > 0) {
        write(m_heads, "< " + Redaction::escapeForTerminal(statusLine(e)) + "\r\n");
        for (const HeaderField &h : e.responseHeaders)
            write(m_heads,
                  "< " + Redaction::escapeForTerminal(QByteArray(h.name + ": " + shown(h))) + "\r\n");
        write(m_heads, "<\r\n");
    }
    if (m_mode == SendOptions::Mode::Verbose)
        printVerbose(e);
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
    if (isatty(fileno(m_body)) && body.head(8192).contains('\0')) {
        note(tr("Binary body of %1 bytes not printed to the terminal; use --output FILE.").arg(body.size()));
        return true;
    }
    const bool terminal = isatty(fileno(m_body));
    for (qint64 off = 0; off < body.size() && !std::ferror(m_body); off += chunk) {
        // On a terminal, escape sequences from the server are shown, never obeyed.
        const QByteArray piece = body.read(off, chunk);
        write(m_body, terminal ? Redaction::escapeForTerminal(piece, true) : piece);
    }
    return std::fflush(m_body) == 0 && !std::ferror(m_body);
}

} // namespace Peephole::Cli
