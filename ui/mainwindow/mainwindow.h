#pragma once

#include <QMainWindow>
#include <QSet>

class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;

namespace Peephole {

class AuthPanel;
class CollectionDock;
class DetailsFollower;
class RecentCollections;
class ComposerWidget;
class ExchangeDetails;
class OAuthDialog;
class TimelineActions;
class TimelineView;
class WebSocketLauncher;
class Workspace;
struct RequestSpec;

/// The window: composer on top, the auth panel under it when a challenge
/// waits, the timeline and the details of the selected exchange below.
/// It wires pages and actions; the work happens in the core (Workspace) and
/// in the pages themselves.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    ComposerWidget *composer() const { return m_composer; }
    TimelineView *timeline() const { return m_timeline; }
    ExchangeDetails *details() const { return m_details; }
    AuthPanel *authPanel() const { return m_authPanel; }
    CollectionDock *collectionDock() const { return m_collections; }
    WebSocketLauncher *webSockets() const { return m_webSockets; }
    QLineEdit *filterEdit() const { return m_filter; }
    DetailsFollower *detailsFollower() const { return m_follower; }
    /// The permanent status text ("12 exchange(s)", "2 request(s) in flight").
    QString statusText() const;
    RecentCollections *recentCollections() const { return m_recent; }
    /// A widget shown where the timeline is while it is empty (the "what next" page).
    void setEmptyStateWidget(QWidget *widget);

    /// Opens a HAR file as a timeline; false (and a message box) on error.
    bool openHar(const QString &path);
    /// Asks for a HAR file and opens it.
    void openHarDialog();
    /// Asks for a curl command and fills the composer from it.
    void importCurl();
    /// Shows a problem found while starting (in the status bar and a message box).
    void showStartupProblem(const QString &message);
    /// Opens the OAuth 2 panel (Request ▸ OAuth 2 Tokens…, or the auth panel for a Bearer challenge).
    void showOAuth();
    OAuthDialog *oauthDialog() const { return m_oauth; }

Q_SIGNALS:
    /// Help ▸ Start the Demo API (whoever owns the welcome page starts it).
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void send(const RequestSpec &spec, bool askAgain = false);
    void updateBusy();
    void showSelected(quint64 id);
    void exportHar(bool selectedOnly);
    void updateEmptyState();
    void saveComposerState();

    Workspace *m_workspace;
    ComposerWidget *m_composer;
    AuthPanel *m_authPanel;
    // Created before the timeline: the focus chain (creation order) follows the layout, filter then rows.
    QLineEdit *m_filter;
    QLabel *m_filterError;
    TimelineView *m_timeline;
    ExchangeDetails *m_details;
    TimelineActions *m_timelineActions;
    QLabel *m_status;
    QSplitter *m_vertical;
    QSplitter *m_horizontal;
    QWidget *m_emptyState = nullptr;
    OAuthDialog *m_oauth = nullptr;
    QStackedWidget *m_timelineStack;
    CollectionDock *m_collections;
    DetailsFollower *m_follower = nullptr;
    RecentCollections *m_recent = nullptr;
    QSet<quint64> m_inFlight;
    WebSocketLauncher *m_webSockets;
};

} // namespace Peephole
