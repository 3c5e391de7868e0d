#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace Peephole {

/// Re-indents JSON text in one streaming pass without building a document:
/// key order, number spelling and string escapes stay exactly as received,
/// memory stays bounded whatever the size, and broken JSON is reindented as
/// far as it goes with the first problem reported (what and at which byte).
class JsonFormatter
{
    Q_DECLARE_TR_FUNCTIONS(Peephole::JsonFormatter)
public:
    explicit JsonFormatter(int indent = 2);

    /// Formats @p chunk (the next bytes of the input) and appends to @p out.
    void feed(QByteArrayView chunk, QByteArray &out);
    /// Call after the last chunk: checks that every bracket and string was closed.
    void finish(QByteArray &out);

    bool hasError() const { return m_errorOffset >= 0; }
    qint64 errorOffset() const { return m_errorOffset; }
    QString errorString() const { return m_error; }

    /// Convenience: formats a whole buffer.
    static QByteArray format(QByteArrayView json, QString *error = nullptr);
    /// True if the first non-blank byte of @p head can start a JSON value.
    static bool looksLikeJson(QByteArrayView head);

private:
    void newline(QByteArray &out) const;
    void fail(const QString &message);

    int m_indent;
    QByteArray m_stack; ///< '{' or '[' per open level
    bool m_inString = false;
    bool m_escape = false;
    bool m_pendingOpen = false; ///< An opening bracket was written; its newline waits (for "{}" / "[]").
    qint64 m_offset = 0;
    qint64 m_errorOffset = -1;
    QString m_error;
};

} // namespace Peephole
