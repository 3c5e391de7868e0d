#include "collections/runnerview.h"

#include "collections/diffview.h"
#include "collections/runresultsmodel.h"
#include "replay/runner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

RunnerView::RunnerView(QWidget *parent)
    : QDockWidget(tr("Run Results"), parent), m_model(new RunResultsModel(this)),
      m_progress(new QProgressBar(this)), m_summary(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel Run"), this)),
      m_accept(new QPushButton(tr("Accept Response"), this)), m_results(new QTreeView(this)),
      m_diff(new DiffView(this))
{
    setObjectName(u"runnerDock"_s);
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);
    top->addWidget(m_accept);
    m_accept->setToolTip(tr("Save the selected request's response as its expected response"));
    m_accept->setEnabled(false);
    layout->addLayout(top);
    m_summary->setText(tr("No run yet: use Run in the Collection panel."));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->hide();
    m_cancel->hide();

    m_results->setModel(m_model);
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setAlternatingRowColors(true);
    m_results->setAccessibleName(tr("Run results"));
    m_results->header()->setStretchLastSection(true);
    m_results->setColumnWidth(RunResultsModel::ResultColumn, 90);
    m_results->setColumnWidth(RunResultsModel::RequestColumn, 220);
    m_results->setColumnWidth(RunResultsModel::StatusColumn, 60);
    m_results->setColumnWidth(RunResultsModel::TimeColumn, 70);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_results);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    setWidget(page);

    connect(m_results->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current.row()); });
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (const RequestResult *r = m_model->result(m_results->currentIndex().row()))
            Q_EMIT acceptRequested(*r);
    });
    connect(m_results, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const RequestResult *r = m_model->result(index.row()); r && r->lastExchangeId != 0)
            Q_EMIT exchangeActivated(r->lastExchangeId);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_runner)
            m_runner->cancel();
    });
}

void RunnerView::setRunner(Runner *runner)
{
    m_runner = runner;
    connect(runner, &Runner::requestStarted, this, [this](int index) { m_model->setRunning(index); });
    connect(runner, &Runner::requestFinished, this, [this](int index, const RequestResult &result) {
        m_model->setResult(index, result);
        if (m_results->currentIndex().row() == index)
            showRow(index);
    });
    connect(runner, &Runner::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(runner, &Runner::finished, this, &RunnerView::onFinished);
}

void RunnerView::runStarted(const QStringList &names, const QString &environment)
{
    m_model->start(names);
    m_accept->setEnabled(false);
    m_diff->clearView();
    m_progress->setMaximum(int(names.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_summary->setText(
        environment.isEmpty()
            ? tr("Running %n request(s)…", nullptr, int(names.size()))
            : tr("Running %n request(s) with environment %1…", nullptr, int(names.size())).arg(environment));
    show();
    raise();
}

void RunnerView::runFailed(const QString &error)
{
    m_progress->hide();
    m_cancel->hide();
    m_summary->setText(tr("The run did not start: %1").arg(error));
}

void RunnerView::onFinished(const RunSummary &summary)
{
    m_progress->hide();
    m_cancel->hide();
    QString text = tr("%1 passed, %2 changed, %3 failed, %4 errors")
                       .arg(summary.passed)
                       .arg(summary.changed)
                       .arg(summary.failed)
                       .arg(summary.errors);
    if (summary.skipped > 0)
        text += tr(", %n skipped", nullptr, summary.skipped);
    text += tr(" \u2014 %1 ms").arg(summary.durationMs);
    if (summary.cancelled)
        text += tr(" (cancelled)");
    m_summary->setText(text);
    // Show the first request that needs a look.
    for (int i = 0; i < summary.results.size(); ++i) {
        if (summary.results.at(i).outcome != RequestResult::Outcome::Passed) {
            m_results->setCurrentIndex(m_model->index(i, 0));
            return;
        }
    }
}

void RunnerView::showRow(int row)
{
    const RequestResult *r = m_model->result(row);
    m_accept->setEnabled(r && r->lastExchangeId != 0 && r->status > 0 &&
                         r->outcome != RequestResult::Outcome::Passed);
    if (r)
        m_diff->showResult(*r);
    else
        m_diff->clearView();
}

QString RunnerView::summaryText() const
{
    return m_summary->text();
}

} // namespace Peephole
