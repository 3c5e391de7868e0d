#include "script/scriptsandbox.h"

#include "script/scriptlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ScriptSandbox", text);
}

/// Resident memory of this process in bytes (Linux /proc/self/statm), 0 when unknown.
qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return 0;
    return fields.at(1).toLongLong() * qint64(sysconf(_SC_PAGESIZE));
}

/// Interrupts the engine when the script runs too long or grows memory too much.
class Watchdog
{
public:
    Watchdog(QJSEngine *engine, const ScriptLimits &limits) : m_engine(engine), m_limits(limits)
    {
        m_baseline = residentBytes();
        m_thread = std::thread([this] { watch(); });
    }
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    bool timedOut() const { return m_timedOut; }
    bool outOfMemory() const { return m_outOfMemory; }

private:
    void watch()
    {
        using namespace std::chrono;
        const auto deadline = steady_clock::now() + milliseconds(m_limits.timeoutMs);
        std::unique_lock lock(m_mutex);
        while (!m_done) {
            m_wake.wait_for(lock, milliseconds(10));
            if (m_done)
                break;
            if (steady_clock::now() >= deadline) {
                m_timedOut = true;
                m_engine->setInterrupted(true);
                break;
            }
            const qint64 rss = residentBytes();
            if (m_baseline > 0 && rss - m_baseline > m_limits.maxMemoryGrowth) {
                m_outOfMemory = true;
                m_engine->setInterrupted(true);
                break;
            }
        }
    }

    QJSEngine *m_engine;
    ScriptLimits m_limits;
    qint64 m_baseline = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    bool m_timedOut = false;
    bool m_outOfMemory = false;
    std::thread m_thread;
};
} // namespace

ScriptSandbox::ScriptSandbox(const ScriptLimits &limits)
    : m_limits(limits), m_engine(std::make_unique<QJSEngine>())
{
    // No extensions: no console (the API adds its own log), no gc(), no qsTr().
}

ScriptSandbox::~ScriptSandbox() = default;

int ScriptSandbox::lineOf(const QJSValue &error, const QStringList &stack, const QString &skipFile)
{
    // An Error object's own stack: "function@file:line".
    static const QRegularExpression frame(u"@(.*):(\\d+)$"_s);
    const QStringList frames = error.property(u"stack"_s).toString().split(u'\n');
    for (const QString &f : frames) {
        const QRegularExpressionMatch m = frame.match(f.trimmed());
        if (!m.hasMatch() || (!skipFile.isEmpty() && m.captured(1).endsWith(skipFile)))
            continue;
        return m.captured(2).toInt();
    }
    // QJSEngine's frames: "function:line:column:file".
    for (const QString &f : stack) {
        const QStringList parts = f.split(u':');
        if (parts.size() < 4)
            continue;
        const QString where = parts.mid(3).join(u':');
        if (!skipFile.isEmpty() && where.endsWith(skipFile))
            continue;
        return parts.at(1).toInt();
    }
    const QJSValue line = error.property(u"lineNumber"_s);
    return line.isNumber() ? line.toInt() : 0;
}

ScriptSandbox::Evaluation ScriptSandbox::evaluate(const QString &code, const QString &file, int line)
{
    Evaluation e;
    if (code.size() > m_limits.maxSourceChars) {
        e.line = line;
        e.error = tr("%1:%2: the script has %3 characters; scripts may have at most %4")
                      .arg(file)
                      .arg(line)
                      .arg(code.size())
                      .arg(m_limits.maxSourceChars);
        return e;
    }
    m_engine->setInterrupted(false);
    QStringList stack; // "function:line:column:file" per frame when something was thrown
    {
        Watchdog watchdog(m_engine.get(), m_limits);
        e.value = m_engine->evaluate(code, file, line, &stack);
        e.timedOut = watchdog.timedOut();
        e.outOfMemory = watchdog.outOfMemory();
    }
    m_engine->setInterrupted(false);
    if (e.timedOut) {
        e.line = line;
        e.error = tr("%1:%2: the script ran longer than %3 ms and was stopped (an endless loop?)")
                      .arg(file)
                      .arg(line)
                      .arg(m_limits.timeoutMs);
        return e;
    }
    if (e.outOfMemory) {
        e.line = line;
        e.error = tr("%1:%2: the script used more than %3 MiB of memory and was stopped")
                      .arg(file)
                      .arg(line)
                      .arg(m_limits.maxMemoryGrowth / (1024 * 1024));
        return e;
    }
    if (e.value.isError() || !stack.isEmpty()) {
        e.line = lineOf(e.value, stack, m_skipFile);
        if (e.line <= 0)
            e.line = line;
        e.error = tr("%1:%2: %3").arg(file).arg(e.line).arg(e.value.toString());
        qCDebug(lcScript) << "script error" << e.error;
        return e;
    }
    e.ok = true;
    return e;
}

} // namespace Peephole
