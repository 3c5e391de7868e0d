#pragma once

#include "http/requestspec.h"

#include <QWidget>

class QPushButton;
class QVBoxLayout;

namespace Peephole {

/// What an empty timeline shows: how to get started, and in demo mode the
/// demo requests, one click each to load them into the composer.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    struct Sample
    {
        QString title;
        QString hint;
        RequestSpec request;
    };

    explicit WelcomePage(QWidget *parent = nullptr);

    /// Lists @p samples (the demo API's endpoints) under the getting-started text.
    void setSamples(const QString &heading, const QList<Sample> &samples);
    QPushButton *demoButton() const { return m_demo; }

Q_SIGNALS:
    void sampleChosen(const Peephole::RequestSpec &request);
    void openHarRequested();
    void importCurlRequested();
    /// "Try the demo API" was clicked.
    void demoRequested();

private:
    QVBoxLayout *m_samples;
    QPushButton *m_demo;
};

} // namespace Peephole
