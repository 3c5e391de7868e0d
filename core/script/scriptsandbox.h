#pragma once

#include <QJSEngine>
#include <QJSValue>
#include <QString>

#include <memory>

namespace Peephole {

/// What a script may use. QJSEngine has no heap limit of its own, so the
/// memory limit is enforced from outside: a watchdog thread samples the
/// process's resident memory while the script runs and interrupts it when it
/// grew by more than maxMemoryGrowth. Because it samples, a single allocation
/// can overshoot by up to one doubling (a string concatenated with itself).
/// The other limits bound what goes in and comes out.
struct ScriptLimits
{
    int timeoutMs = 5000;                        ///< Wall time of one script; then it is interrupted.
    qint64 maxMemoryGrowth = 256ll * 1024 * 1024; ///< Resident memory a script may add.
    qsizetype maxSourceChars = 1024 * 1024;      ///< A longer script is refused.
    qsizetype maxBodyBytes = 16 * 1024 * 1024;   ///< A larger response body is not handed to scripts.
    qsizetype maxLogChars = 1024 * 1024;         ///< client.log / console.log output kept per script.
    qsizetype maxValueChars = 1024 * 1024;       ///< One variable value set by a script.
    int maxVariables = 10000;                    ///< Variables of one scope a script may leave.
    int maxTests = 10000;                        ///< client.test / pm.test verdicts of one script.
};

/// One QJSEngine with nothing in it but ECMAScript: no file or network access
/// (QJSEngine has no XMLHttpRequest, fetch, require, import() or Qt object;
/// only QQmlEngine adds those, and none is created), a time limit and a
/// memory limit (see ScriptLimits). Errors name the script's file and line.
/// Use it from one thread; the watchdog only calls QJSEngine::setInterrupted.
class ScriptSandbox
{
public:
    explicit ScriptSandbox(const ScriptLimits &limits = {});
    ~ScriptSandbox();

    QJSEngine &engine() { return *m_engine; }
    const ScriptLimits &limits() const { return m_limits; }

    struct Evaluation
    {
        bool ok = false;
        QJSValue value;   ///< The result (ok), or the thrown value.
        QString error;    ///< "file:line: TypeError: x is undefined"; empty when ok.
        int line = 0;     ///< The line the error points to (the script's first line for a timeout).
        bool timedOut = false;
        bool outOfMemory = false;
    };

    /// Runs @p code as if it started at line @p line of @p file, under the limits.
    Evaluation evaluate(const QString &code, const QString &file, int line);

    /// Frames of this file are skipped when an error's line is looked for (the API's own code).
    void setInternalFile(const QString &file) { m_skipFile = file; }

    /// The first line of @p stack (QJSEngine frames) or of @p error's own stack that is not
    /// in @p skipFile.
    static int lineOf(const QJSValue &error, const QStringList &stack, const QString &skipFile);

private:
    ScriptLimits m_limits;
    std::unique_ptr<QJSEngine> m_engine;
    QString m_skipFile;
};

} // namespace Peephole
