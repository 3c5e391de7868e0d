#pragma once

#include "auth/credentialstore.h"
#include "http/requestspec.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;
class QTabWidget;

namespace Peephole {

class AuthEditor;
class BodyEditor;
class KeyValueEditor;
class OptionsEditor;

/// The request editor: method, URL, Send/Cancel, and the Params, Headers,
/// Body, Auth and Options tabs. It only describes the request; whoever owns
/// the HttpSession sends it when sendRequested() is emitted.
class ComposerWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ComposerWidget(QWidget *parent = nullptr);

    RequestSpec request() const;
    void setRequest(const RequestSpec &request);

    /// Shows whether a send is in flight (Cancel enabled; Send always is).
    void setBusy(bool busy);
    void setUrlHistory(const QStringList &urls);
    /// Offers these keychain credentials in the Auth tab.
    void setStoredAccounts(const QList<StoredAccount> &accounts);
    QStringList urlHistory() const;
    /// Shows a problem with the request under the URL (empty clears it).
    void showProblem(const QString &message);

    QLineEdit *urlEdit() const { return m_url; }
    /// Compact by default: the timeline below gets the room; the user can drag for more.
    QSize sizeHint() const override { return {900, 230}; }

Q_SIGNALS:
    void sendRequested(const Peephole::RequestSpec &request);
    void cancelRequested();
    /// The user pasted a curl command into the URL field.
    void curlPasted(const QString &commandLine);
    void edited();
    /// setRequest() is about to replace what the composer shows (a pasted curl command, "edit and
    /// resend", New Request…): whoever tied it to a saved request lets go of it.
    void aboutToBeReplaced();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void send();
    void syncParamsFromUrl();
    void syncUrlFromParams();
    void rememberUrl(const QString &url);

    QComboBox *m_method;
    QLineEdit *m_url;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QTabWidget *m_tabs;
    KeyValueEditor *m_params;
    KeyValueEditor *m_headers;
    BodyEditor *m_body;
    AuthEditor *m_auth;
    OptionsEditor *m_options;
    QStringListModel *m_history;
    QLabel *m_problem;
    bool m_syncing = false;
};

} // namespace Peephole
