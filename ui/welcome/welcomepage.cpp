#include "welcome/welcomepage.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_samples(new QVBoxLayout), m_demo(new QPushButton(tr("Try the built-in demo API"), this))
{
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    intro->setText(tr("<h3>Nothing sent yet</h3>"
                      "<p>Type a URL above and press <b>Ctrl+Enter</b>. Every exchange — each redirect hop, "
                      "each 401/407 challenge and its answer — appears here as its own row, with headers, "
                      "raw bytes, body and timing on the right.</p>"
                      "<p>Paste a <b>curl</b> command into the URL field to fill the request, or open a "
                      "<b>HAR</b> file saved by a browser to inspect it.</p>"));
    auto *openHar = new QPushButton(tr("Open a HAR file…"), this);
    auto *importCurl = new QPushButton(tr("Import a curl command…"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(importCurl);
    buttons->addWidget(openHar);
    m_demo->setToolTip(tr("Serve a small API on 127.0.0.1 (Basic, Digest, Bearer, redirects, a large JSON "
                          "body…) while the window is open; also in Help ▸ Start the Demo API"));
    buttons->addWidget(m_demo);
    buttons->addStretch();

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(intro);
    layout->addLayout(buttons);
    layout->addLayout(m_samples);
    layout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(openHar, &QPushButton::clicked, this, &WelcomePage::openHarRequested);
    connect(importCurl, &QPushButton::clicked, this, &WelcomePage::importCurlRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
}

void WelcomePage::setSamples(const QString &heading, const QList<Sample> &samples)
{
    m_demo->hide(); // the samples are there now
    auto *title = new QLabel(u"<h3>"_s + heading.toHtmlEscaped() + u"</h3>"_s, this);
    title->setWordWrap(true);
    m_samples->addWidget(title);
    for (const Sample &sample : samples) {
        auto *button = new QCommandLinkButton(sample.title, sample.hint, this);
        m_samples->addWidget(button);
        connect(button, &QCommandLinkButton::clicked, this,
                [this, request = sample.request] { Q_EMIT sampleChosen(request); });
    }
}

} // namespace Peephole
