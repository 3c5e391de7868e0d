#include "details/bodyview.h"
#include "common/sizetext.h"

#include "details/detailslogging.h"
#include "details/findbar.h"
#include "details/hexview.h"
#include "details/jsontreemodel.h"
#include "details/pagedtextview.h"
#include "details/syntaxhighlighters.h"
#include "http/bodystore.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

BodyView::BodyView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    m_modes = new QButtonGroup(this);
    m_modes->setExclusive(true);
    const std::pair<Mode, QString> modes[] = {{Mode::Pretty, tr("Pretty")},
                                              {Mode::Raw, tr("Raw")},
                                              {Mode::Hex, tr("Hex")},
                                              {Mode::Image, tr("Image")},
                                              {Mode::Tree, tr("Tree")}};
    for (const auto &[mode, text] : modes) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(true);
        m_modes->addButton(button, int(mode));
        bar->addWidget(button);
    }
    bar->addStretch(1);
    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_sizeLabel);
    layout->addLayout(bar);

    m_banner = new QFrame(this);
    static_cast<QFrame *>(m_banner)->setFrameShape(QFrame::StyledPanel);
    auto *banner = new QHBoxLayout(m_banner);
    banner->setContentsMargins(6, 4, 6, 4);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_formatButton = new QPushButton(tr("Format anyway"), m_banner);
    m_formatButton->setToolTip(tr("Reindent the whole body in the background; the window stays responsive."));
    banner->addWidget(m_bannerText, 1);
    banner->addWidget(m_formatButton);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_stack = new QStackedWidget(this);
    m_pretty = new PagedTextView(m_stack);
    // A formatted document of a few hundred KiB lays out in well under a second once: one page
    // (a 46 KB API answer is not split); only larger ones are paged.
    m_pretty->setSinglePageLimit(PrettySinglePageLimit);
    m_raw = new PagedTextView(m_stack);
    m_hex = new HexView(m_stack);

    m_imagePage = new QWidget(m_stack);
    auto *imageLayout = new QVBoxLayout(m_imagePage);
    imageLayout->setContentsMargins(0, 0, 0, 0);
    m_imageLabel = new QLabel(m_imagePage);
    m_imageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_imageArea = new QScrollArea(m_imagePage);
    m_image = new QLabel;
    m_image->setAlignment(Qt::AlignCenter);
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    imageLayout->addWidget(m_imageLabel);
    imageLayout->addWidget(m_imageArea, 1);

    m_tree = new QTreeView(m_stack);
    m_treeModel = new JsonTreeModel(this);
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, 220);
    m_tree->header()->resizeSection(JsonTreeModel::ValueColumn, 320);

    m_busyPage = new QWidget(m_stack);
    auto *busyLayout = new QVBoxLayout(m_busyPage);
    m_busyLabel = new QLabel(m_busyPage);
    m_busyLabel->setAlignment(Qt::AlignCenter);
    auto *cancel = new QPushButton(tr("Cancel"), m_busyPage);
    busyLayout->addStretch(1);
    busyLayout->addWidget(m_busyLabel);
    busyLayout->addWidget(cancel, 0, Qt::AlignHCenter);
    busyLayout->addStretch(1);

    m_stack->addWidget(m_pretty);
    m_stack->addWidget(m_raw);
    m_stack->addWidget(m_hex);
    m_stack->addWidget(m_imagePage);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_busyPage);
    m_find = new FindBar(this);
    layout->addWidget(m_find);
    layout->addWidget(m_stack, 1);
    connect(m_stack, &QStackedWidget::currentChanged, this, &BodyView::updateFindTarget);
    for (PagedTextView *view : {m_pretty, m_raw})
        connect(view, &PagedTextView::pageChanged, this, &BodyView::updateFindTarget);

    m_growTimer = new QTimer(this);
    m_growTimer->setInterval(300);

    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });
    connect(m_formatButton, &QPushButton::clicked, this, &BodyView::formatAnyway);
    connect(cancel, &QPushButton::clicked, this,
            [this] { setMode(m_kind == BodyKind::Binary ? Mode::Hex : Mode::Raw); });
    connect(m_growTimer, &QTimer::timeout, this, &BodyView::pollGrowing);
    connect(&m_formatWatcher, &QFutureWatcherBase::finished, this, &BodyView::onFormatted);
    connect(&m_formatWatcher, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        if (m_stack->currentWidget() == m_busyPage && m_mode == Mode::Pretty)
            m_busyLabel->setText(tr("Formatting… %1%").arg(value / 10));
    });
    connect(&m_treeWatcher, &QFutureWatcherBase::finished, this, &BodyView::onParsed);
    connect(&m_imageWatcher, &QFutureWatcherBase::finished, this, &BodyView::onDecoded);

    clear();
}

BodyView::~BodyView()
{
    m_formatWatcher.cancel();
    m_treeWatcher.cancel();
    m_imageWatcher.cancel();
}

void BodyView::clear()
{
    setBody(nullptr, QByteArray());
}

bool BodyView::isLarge() const
{
    return m_body && m_body->size() > m_largeThreshold;
}

void BodyView::setBody(std::shared_ptr<BodyStore> body, const QByteArray &mimeType)
{
    cancelJobs(Mode(-1));
    m_body = std::move(body);
    m_mimeType = mimeType.toLower();
    m_formatAllowed = false;
    m_prettyReady = m_treeReady = m_imageReady = false;
    m_imageSize = {};
    m_imageInfo.clear();
    m_image->clear();
    m_treeModel->clear();
    m_pretty->setPlaceholder(QString());
    m_raw->setPlaceholder(QString());
    m_hex->setStore(nullptr);
    setNotice(QString(), false);
    delete m_highlighter;
    m_highlighter = nullptr;

    const qint64 size = m_body ? m_body->size() : 0;
    m_kind = classifyBody(m_mimeType, m_body ? m_body->read(0, 4096) : QByteArray());
    m_sizeLabel->setText(
        m_body ? tr("%1 · %2").arg(sizeText(size),
                                   m_mimeType.isEmpty() ? tr("no type") : QString::fromLatin1(m_mimeType))
               : QString());

    Mode mode = Mode::Raw;
    if (isLarge()) {
        mode = (m_kind == BodyKind::Binary || m_kind == BodyKind::Image) ? Mode::Hex : Mode::Raw;
        setNotice(
            tr("This body is %1, more than %2: it opened unformatted so that the window stays responsive.")
                .arg(sizeText(size), sizeText(m_largeThreshold)),
            m_kind == BodyKind::Json);
    } else {
        switch (m_kind) {
        case BodyKind::Json:
        case BodyKind::Markup:
            mode = Mode::Pretty;
            break;
        case BodyKind::Image:
            mode = Mode::Image;
            break;
        case BodyKind::Binary:
            mode = Mode::Hex;
            break;
        case BodyKind::Text:
        case BodyKind::Empty:
            mode = Mode::Raw;
            break;
        }
    }
    m_mode = mode;
    if (m_body && !m_body->isFinished())
        m_growTimer->start();
    else
        m_growTimer->stop();
    updateButtons();
    showMode();
}

bool BodyView::isModeAvailable(Mode mode) const
{
    if (!m_body || m_body->size() == 0)
        return mode == Mode::Raw;
    switch (mode) {
    case Mode::Pretty:
        return m_kind == BodyKind::Json || m_kind == BodyKind::Markup || m_kind == BodyKind::Text;
    case Mode::Raw:
    case Mode::Hex:
        return true;
    case Mode::Image:
        return m_kind == BodyKind::Image && m_body->size() <= DefaultImageSizeCap;
    case Mode::Tree:
        return m_kind == BodyKind::Json && m_body->size() <= m_treeCap;
    }
    return false;
}

void BodyView::updateButtons()
{
    for (QAbstractButton *button : m_modes->buttons()) {
        const Mode mode = Mode(m_modes->id(button));
        button->setEnabled(isModeAvailable(mode));
        button->setChecked(mode == m_mode);
        if (mode == Mode::Tree)
            button->setToolTip(
                m_kind == BodyKind::Json && !isModeAvailable(mode)
                    ? tr("The tree is limited to bodies up to %1.").arg(sizeText(m_treeCap))
                    : tr("A collapsible tree of the JSON document"));
    }
}

bool BodyView::setMode(Mode mode)
{
    if (!isModeAvailable(mode)) {
        updateButtons();
        return false;
    }
    if (mode == Mode::Pretty && isLarge())
        m_formatAllowed = true;
    cancelJobs(mode);
    const bool changed = mode != m_mode;
    m_mode = mode;
    updateButtons();
    showMode();
    if (changed)
        Q_EMIT modeChanged(m_mode);
    return true;
}

void BodyView::formatAnyway()
{
    m_formatAllowed = true;
    setMode(Mode::Pretty);
}

bool BodyView::isBusy() const
{
    return m_formatWatcher.isRunning() || m_treeWatcher.isRunning() || m_imageWatcher.isRunning();
}

QString BodyView::notice() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

QString BodyView::prettyText() const
{
    return m_pretty->text();
}

QString BodyView::rawText() const
{
    return m_raw->text();
}

QString BodyView::imageInfo() const
{
    return m_imageInfo;
}

void BodyView::setNotice(const QString &text, bool offerFormat)
{
    m_bannerText->setText(text);
    m_formatButton->setVisible(offerFormat);
    m_banner->setVisible(!text.isEmpty());
}

void BodyView::showBusy(const QString &text)
{
    m_busyLabel->setText(text);
    m_stack->setCurrentWidget(m_busyPage);
}

void BodyView::attachHighlighter(BodyKind kind)
{
    delete m_highlighter;
    m_highlighter = nullptr;
    QTextDocument *doc = m_pretty->editor()->document();
    if (kind == BodyKind::Json)
        m_highlighter = new JsonHighlighter(doc);
    else if (kind == BodyKind::Markup)
        m_highlighter = new MarkupHighlighter(doc);
}

void BodyView::openFind()
{
    if (m_stack->currentWidget() != m_pretty && m_stack->currentWidget() != m_raw && m_body &&
        m_body->size() > 0)
        setMode(Mode::Raw);
    updateFindTarget();
    m_find->activate();
}

void BodyView::updateFindTarget()
{
    auto *view = qobject_cast<PagedTextView *>(m_stack->currentWidget());
    m_find->setEditor(view ? view->editor() : nullptr, view && view->pageCount() > 1);
}

void BodyView::showMode()
{
    if (!m_body || m_body->size() == 0) {
        m_raw->setPlaceholder(m_body ? tr("The body is empty.") : tr("No body."));
        m_stack->setCurrentWidget(m_raw);
        return;
    }
    switch (m_mode) {
    case Mode::Pretty:
        if (m_prettyReady) {
            m_stack->setCurrentWidget(m_pretty);
        } else if (m_kind == BodyKind::Json) {
            startFormat();
        } else {
            attachHighlighter(m_kind);
            m_pretty->setStore(m_body);
            m_prettyReady = m_body->isFinished();
            m_stack->setCurrentWidget(m_pretty);
        }
        if (m_formatButton->isVisible() && m_formatAllowed)
            m_formatButton->hide();
        break;
    case Mode::Raw:
        if (m_raw->store() != m_body)
            m_raw->setStore(m_body);
        m_stack->setCurrentWidget(m_raw);
        break;
    case Mode::Hex:
        if (m_hex->store() != m_body)
            m_hex->setStore(m_body);
        m_stack->setCurrentWidget(m_hex);
        break;
    case Mode::Image:
        if (m_imageReady)
            m_stack->setCurrentWidget(m_imagePage);
        else
            startImage();
        break;
    case Mode::Tree:
        if (m_treeReady)
            m_stack->setCurrentWidget(m_tree);
        else
            startTree();
        break;
    }
}

} // namespace Peephole
