#pragma once

#include "collection/collection.h"
#include "collection/variables.h"
#include "http/requestspec.h"

#include <QDockWidget>
#include <QHash>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSpinBox;
class QTreeView;

namespace Peephole {

struct RequestResult;
class Autosave;
class CollectionModel;
class CollectionStore;
class ComposerBinding;
class ComposerWidget;
class KeychainSecretStore;
class MessageBar;
class Runner;
class RunnerView;
class TimelineView;
class Workspace;

/// The Collection panel: the tree of an open collection folder, the
/// environment, runs, saving the composer's request back to its .http file,
/// conflicts with changes made on disk and recovery of unsaved edits.
class CollectionDock : public QDockWidget
{
    Q_OBJECT
public:
    CollectionDock(Workspace *workspace, ComposerWidget *composer, TimelineView *timeline,
                   QWidget *parent = nullptr);
    ~CollectionDock() override;

    /// Opens @p path (in the background); opened() follows.
    void openCollection(const QString &path);
    void openCollectionDialog();
    /// Saves the composer's request into its .http file (Ctrl+S).
    bool saveCurrent();
    /// Adds the composer's request to the selected .http file (or a new one), as a new request
    /// named @p suggestedName unless the user types another ("Save as New…", Ctrl+Shift+S).
    void newRequest(const QString &suggestedName = {});
    /// An empty composer, tied to no request (Ctrl+N).
    void blankRequest();
    /// Adds a copy of the composer's request next to it, named "… copy".
    void duplicateRequest();
    void runCollection();
    void runFolder();
    void runSelection();
    /// Saves the response of the exchange selected in the timeline as the expected one of its request.
    bool saveResponseAsExpected(quint64 exchangeId);
    /// Saves the response a run got for @p result's request as its expected one.
    bool acceptRunResponse(const RequestResult &result);
    void importPostmanDialog();

    /// The request ready to send: {{variables}} resolved with the active
    /// environment (and the file variables of the request shown); std::nullopt
    /// and @p error when a variable is undefined.
    std::optional<RequestSpec> prepareSend(const RequestSpec &spec, QString *error) const;
    /// The composer's request was sent as chain @p chainId (for "Save Response as Expected").
    void noteSent(quint64 chainId);

    QString activeEnvironment() const;
    /// True while "$keychain" variables of the active environment are being read.
    bool loadingSecretVariables() const { return m_secretReads > 0; }
    void setActiveEnvironment(const QString &name);

    QAction *openAction() const { return m_openAction; }
    QAction *importPostmanAction() const { return m_importAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsNewAction() const { return m_newAction; }
    QAction *blankAction() const { return m_blankAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QLabel *titleLabel() const { return m_title; }
    QAction *saveExpectedAction() const { return m_saveExpectedAction; }
    RunnerView *runnerView() const { return m_runnerView; }
    CollectionStore *store() const { return m_store; }
    CollectionModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QComboBox *environmentCombo() const { return m_environment; }
    QSpinBox *concurrencySpin() const { return m_concurrency; }
    MessageBar *conflictBar() const { return m_conflictBar; }
    MessageBar *recoveryBar() const { return m_recoveryBar; }
    ComposerBinding *binding() const { return m_binding; }
    Runner *runner() const { return m_runner; }

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void message(const QString &text);

private:
    void buildUi();
    void onOpened(bool ok, const QString &error);
    /// The header: collection name and request count, kept true after every change.
    void updateTitle();
    void onConflict(const QString &file);
    void offerRecovery();
    void reloadEnvironments();
    void activate(const QModelIndex &proxyIndex);
    void reselectCurrent();
    bool startRun(const QList<RequestRef> &selection);
    QString selectedFolder() const;
    QString selectedFile() const;
    VariableScope environmentScope() const;
    /// Reads the "$keychain" variables of the active environment into m_secretValues.
    void loadSecretVariables();

    Workspace *m_workspace;
    ComposerWidget *m_composer;
    TimelineView *m_timeline;
    CollectionStore *m_store;
    Autosave *m_autosave;
    CollectionModel *m_model;
    QSortFilterProxyModel *m_proxy;
    ComposerBinding *m_binding;
    KeychainSecretStore *m_secrets;
    Runner *m_runner;
    RunnerView *m_runnerView;
    QTreeView *m_tree;
    QLineEdit *m_filter;
    QComboBox *m_environment;
    QSpinBox *m_concurrency;
    QLabel *m_title;
    MessageBar *m_conflictBar;
    MessageBar *m_recoveryBar;
    QAction *m_openAction;
    QAction *m_importAction;
    QAction *m_newAction;
    QAction *m_blankAction;
    QAction *m_duplicateAction;
    QAction *m_saveAction;
    QAction *m_saveExpectedAction;
    QAction *m_runAllAction;
    QAction *m_runFolderAction;
    QAction *m_runSelectionAction;
    QHash<quint64, RequestRef> m_chainRefs; ///< Chains sent from a collection request (composer or run).
    quint64 m_currentExchange = 0;
    QHash<QString, QString> m_secretValues; ///< name -> value of the active environment's keychain variables
    int m_secretReads = 0;                  ///< Keychain reads not answered yet
    QHash<QString, QString> m_secretErrors; ///< name -> why it has no value (yet)
    mutable bool m_composerSend =
        false; ///< The send under way came from the composer (not a timeline resend).
};

} // namespace Peephole
