#pragma once

#include <QObject>
#include <QString>

namespace Peephole {

class DemoApi;
class WelcomePage;

/// `peephole --demo`: serves the demo API on 127.0.0.1 while the window is
/// open, and offers its requests on the welcome page and as a collection
/// (a folder of .http files) to open.
class DemoMode : public QObject
{
    Q_OBJECT
public:
    explicit DemoMode(QObject *parent = nullptr);
    ~DemoMode() override;

    /// Starts the demo server; false and errorString() on failure.
    bool start();
    QString errorString() const { return m_error; }
    /// Lists the demo requests on @p page.
    void populate(WelcomePage *page) const;
    /// Writes the demo collection into @p directory (created if needed); false and errorString() on failure.
    bool writeCollection(const QString &directory);

    DemoApi *api() const { return m_api; }
    bool isRunning() const { return m_running; }

private:
    DemoApi *m_api;
    QString m_error;
    bool m_running = false;
};

} // namespace Peephole
