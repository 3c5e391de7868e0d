#pragma once

#include "http/requestspec.h"

#include <QObject>

class QWidget;

namespace Peephole {

class ComposerWidget;
class Workspace;

/// What the timeline's context menu does: copy the URL or a curl command
/// (credentials, cookies, secret query parameters and body fields redacted
/// by core/redact, unless the "with secrets" variant is chosen),
/// send again (as first described, or after editing in the composer), save
/// a body to a file.
class TimelineActions : public QObject
{
    Q_OBJECT
public:
    TimelineActions(Workspace *workspace, ComposerWidget *composer, QWidget *window);

    void copyUrl(quint64 exchangeId);
    void copyAsCurl(quint64 exchangeId);
    void copyUrlWithSecrets(quint64 exchangeId);
    void copyAsCurlWithSecrets(quint64 exchangeId);
    void resend(quint64 exchangeId);
    void editAndResend(quint64 exchangeId);
    void saveBodyAs(quint64 exchangeId);

Q_SIGNALS:
    void sendRequested(const Peephole::RequestSpec &spec);
    /// A line for the status bar ("Copied without secrets: …").
    void message(const QString &text);

private:
    Workspace *m_workspace;
    ComposerWidget *m_composer;
    QWidget *m_window;
};

} // namespace Peephole
