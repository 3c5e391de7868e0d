#pragma once

#include "replay/runsummary.h"

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace Peephole {

class DiffView;
class Runner;
class RunResultsModel;

/// The results of a collection run: progress, one row per request
/// (PASS / CHANGED / FAIL / ERROR, status, time), the summary line, and the
/// differences of the selected request from its expected response.
class RunnerView : public QDockWidget
{
    Q_OBJECT
public:
    explicit RunnerView(QWidget *parent = nullptr);

    /// Follows @p runner from now on (not owned).
    void setRunner(Runner *runner);
    /// A run of the requests named @p names is starting.
    void runStarted(const QStringList &names, const QString &environment);
    /// The run could not start: shows @p error instead of a summary.
    void runFailed(const QString &error);

    RunResultsModel *model() const { return m_model; }
    QTreeView *resultsView() const { return m_results; }
    DiffView *diffView() const { return m_diff; }
    QString summaryText() const;
    QPushButton *acceptButton() const { return m_accept; }

Q_SIGNALS:
    /// "Accept Response": save the response of @p result as its expected one.
    void acceptRequested(const Peephole::RequestResult &result);
    /// A result row was double-clicked: show its exchange.
    void exchangeActivated(quint64 exchangeId);

private:
    void onFinished(const RunSummary &summary);
    void showRow(int row);

    QPointer<Runner> m_runner;
    RunResultsModel *m_model;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QPushButton *m_cancel;
    QPushButton *m_accept;
    QTreeView *m_results;
    DiffView *m_diff;
};

} // namespace Peephole
