#include "cli/streamprinter.h"

#include "http/exchange.h"
#include "stream/streamstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
/// Escapes C0 controls except tab, DEL and C1 controls as \xNN / \u{NNNN}.
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t') || u == 0x7f || (u >= 0x80 && u < 0xa0))
            out += u"\\x%1"_s.arg(int(u), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

int g_pipe[2] = {-1, -1};
QSocketNotifier *g_notifier = nullptr;

extern "C" void handleSigint(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &byte, 1);
}
} // namespace

bool StreamPrinter::print(const StreamMessage &m)
{
    const QString data = QString::fromUtf8(m.data);
    QByteArray text;
    if (m_json) {
        QJsonObject o;
        o.insert(u"time"_s, wallClockAt(m.timeNs).toString(Qt::ISODateWithMs));
        o.insert(u"event"_s, m.type);
        o.insert(u"id"_s, m.id);
        o.insert(u"data"_s, data); // JSON escapes every control character
        text = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    } else {
        QString s = u"event: "_s + printable(m.type) + u'\n';
        if (!m.id.isEmpty())
            s += u"id: "_s + printable(m.id) + u'\n';
        const QStringList lines = data.split(u'\n');
        for (const QString &line : lines)
            s += u"data: "_s + printable(line) + u'\n';
        text = (s + u'\n').toUtf8();
    }
    return std::fwrite(text.constData(), 1, size_t(text.size()), m_out) == size_t(text.size()) &&
           std::fflush(m_out) == 0;
}

bool onInterrupt(void (*stop)(void *), void *context)
{
    if (g_notifier)
        return true;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pipe) != 0)
        return false;
    g_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read);
    QObject::connect(g_notifier, &QSocketNotifier::activated, g_notifier, [stop, context] {
        char byte;
        [[maybe_unused]] const ssize_t n = ::read(g_pipe[0], &byte, 1);
        std::signal(SIGINT, SIG_DFL); // a second Ctrl-C ends the process at once
        stop(context);
    });
    struct sigaction action = {};
    action.sa_handler = handleSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0;
}

void endInterruptHandling()
{
    if (!g_notifier)
        return;
    std::signal(SIGINT, SIG_DFL);
    delete g_notifier;
    g_notifier = nullptr;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

} // namespace Peephole::Cli
