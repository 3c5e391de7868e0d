#include "composer/composerwidget.h"

#include "collection/variables.h"
#include "composer/autheditor.h"
#include "composer/bodyeditor.h"
#include "composer/keyvalueeditor.h"
#include "composer/optionseditor.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStringListModel>
#include <QTabWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
const QStringList &commonHeaderNames()
{
    static const QStringList names{
        u"Accept"_s,        u"Accept-Encoding"_s,     u"Accept-Language"_s, u"Authorization"_s,
        u"Cache-Control"_s, u"Connection"_s,          u"Content-Type"_s,    u"Cookie"_s,
        u"If-Match"_s,      u"If-Modified-Since"_s,   u"If-None-Match"_s,   u"Origin"_s,
        u"Pragma"_s,        u"Proxy-Authorization"_s, u"Range"_s,           u"Referer"_s,
        u"User-Agent"_s,    u"X-Api-Key"_s,           u"X-Forwarded-For"_s, u"X-Request-Id"_s,
    };
    return names;
}

constexpr int MaxHistory = 200;
} // namespace

ComposerWidget::ComposerWidget(QWidget *parent)
    : QWidget(parent), m_method(new QComboBox(this)), m_url(new QLineEdit(this)),
      m_send(new QPushButton(tr("Send"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_tabs(new QTabWidget(this)), m_params(new KeyValueEditor(tr("Parameter"), {}, this)),
      m_headers(new KeyValueEditor(tr("Header"), commonHeaderNames(), this)), m_body(new BodyEditor(this)),
      m_auth(new AuthEditor(this)), m_options(new OptionsEditor(this)), m_history(new QStringListModel(this)),
      m_problem(new QLabel(this))
{
    m_method->setEditable(true);
    m_method->addItems({u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s, u"OPTIONS"_s});
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->setAccessibleName(tr("Method"));
    m_method->setToolTip(tr("Any method token is accepted"));
    m_method->setMinimumContentsLength(8);
    m_url->setPlaceholderText(tr("https://api.example.com/path — or paste a curl command"));
    m_url->setAccessibleName(tr("URL"));
    m_url->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_history, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_url->setCompleter(completer);
    m_url->installEventFilter(this);
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_cancel->setToolTip(tr("Cancel the requests in flight (Ctrl+.)"));
    m_cancel->setEnabled(false);
    m_problem->setVisible(false);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: palette(highlighted-text); background: #b3261e; padding: 3px;"_s);

    // Form pages scroll, so the composer can stay compact.
    const auto scrolled = [this](QWidget *page) {
        auto *area = new QScrollArea(this);
        area->setWidget(page);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        return area;
    };
    m_tabs->addTab(m_params, tr("Params"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(scrolled(m_auth), tr("Auth"));
    m_tabs->addTab(scrolled(m_options), tr("Options"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_method);
    top->addWidget(m_url, 1);
    top->addWidget(m_send);
    top->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(top);
    layout->addWidget(m_problem);
    layout->addWidget(m_tabs, 1);

    for (auto seq : {Qt::CTRL | Qt::Key_Return, Qt::CTRL | Qt::Key_Enter}) {
        auto *shortcut = new QShortcut(QKeySequence(seq), this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &ComposerWidget::send);
    }
    connect(m_send, &QPushButton::clicked, this, &ComposerWidget::send);
    connect(m_url, &QLineEdit::returnPressed, this, &ComposerWidget::send);
    connect(m_cancel, &QPushButton::clicked, this, &ComposerWidget::cancelRequested);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        syncParamsFromUrl();
        showProblem({});
        Q_EMIT edited();
    });
    connect(m_params->model(), &KeyValueModel::edited, this, &ComposerWidget::syncUrlFromParams);
    connect(m_headers->model(), &KeyValueModel::edited, this, &ComposerWidget::edited);
    connect(m_body, &BodyEditor::edited, this, &ComposerWidget::edited);
    connect(m_auth, &AuthEditor::edited, this, &ComposerWidget::edited);
    connect(m_options, &OptionsEditor::edited, this, &ComposerWidget::edited);
    connect(m_method, &QComboBox::currentTextChanged, this, &ComposerWidget::edited);
}

bool ComposerWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_url && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Paste)) {
            const QString text = QApplication::clipboard()->text().trimmed();
            if (text.startsWith(u"curl "_s) || text.startsWith(u"curl\t"_s)) {
                Q_EMIT curlPasted(text);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ComposerWidget::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void ComposerWidget::send()
{
    if (!m_send->isEnabled())
        return;
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        showProblem(tr("Type a URL to send to, e.g. https://api.example.com/items"));
        return;
    }
    const RequestSpec spec = request();
    // A URL with {{variables}} is checked once they are resolved, by whoever sends it.
    if (spec.urlTemplate.isEmpty() && (!spec.url.isValid() || spec.url.host().isEmpty())) {
        showProblem(tr("\"%1\" is not a valid URL: %2").arg(text, spec.url.errorString()));
        return;
    }
    rememberUrl(text);
    Q_EMIT sendRequested(spec);
}

RequestSpec ComposerWidget::request() const
{
    RequestSpec spec;
    spec.method = m_method->currentText().trimmed().toLatin1();
    QString url = m_url->text().trimmed();
    if (Variables::hasReferences(url))
        spec.urlTemplate = url; // as typed: "{{base}}/users" gets no scheme added
    else if (!url.isEmpty() && !url.contains(u"://"_s))
        url.prepend(u"http://"_s);
    spec.url = QUrl(url, QUrl::TolerantMode);
    for (const KeyValueModel::Row &r : m_headers->model()->rows())
        spec.headers.append({r.name.toLatin1(), r.value.toUtf8(), r.enabled});
    spec.body = m_body->body();
    spec.auth = m_auth->settings();
    spec.options = m_options->options();
    return spec;
}

void ComposerWidget::setRequest(const RequestSpec &spec)
{
    Q_EMIT aboutToBeReplaced();
    m_method->setCurrentText(QString::fromLatin1(spec.method));
    m_url->setText(spec.urlTemplate.isEmpty() ? spec.url.toString() : spec.urlTemplate);
    QList<KeyValueModel::Row> headers;
    for (const HeaderField &h : spec.headers)
        headers.append({QString::fromLatin1(h.name), QString::fromUtf8(h.value), h.enabled});
    m_headers->model()->setRows(headers);
    m_body->setBody(spec.body);
    m_auth->setSettings(spec.auth);
    m_options->setOptions(spec.options);
    showProblem({});
}

void ComposerWidget::setBusy(bool busy)
{
    // Send stays available: sending while a request is in flight starts another one.
    m_cancel->setEnabled(busy);
}

void ComposerWidget::syncParamsFromUrl()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QUrl url(m_url->text(), QUrl::TolerantMode);
    QList<KeyValueModel::Row> rows;
    // Disabled parameters live only in the table; keep them.
    for (const KeyValueModel::Row &r : m_params->model()->rows()) {
        if (!r.enabled)
            rows.append(r);
    }
    const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    QList<KeyValueModel::Row> enabled;
    for (const auto &[name, value] : items)
        enabled.append({name, value, true});
    m_params->model()->setRows(enabled + rows);
    m_syncing = false;
}

void ComposerWidget::syncUrlFromParams()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QUrl url(m_url->text(), QUrl::TolerantMode);
    QUrlQuery query;
    for (const KeyValueModel::Row &r : m_params->model()->rows()) {
        if (r.enabled)
            query.addQueryItem(r.name, r.value);
    }
    url.setQuery(query.isEmpty() ? QString() : query.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    if (query.isEmpty())
        url.setQuery(QString());
    m_url->setText(url.toString());
    m_syncing = false;
    Q_EMIT edited();
}

void ComposerWidget::rememberUrl(const QString &url)
{
    QStringList list = m_history->stringList();
    list.removeAll(url);
    list.prepend(url);
    while (list.size() > MaxHistory)
        list.removeLast();
    m_history->setStringList(list);
}

void ComposerWidget::setStoredAccounts(const QList<StoredAccount> &accounts)
{
    m_auth->setStoredAccounts(accounts);
}

void ComposerWidget::setUrlHistory(const QStringList &urls)
{
    m_history->setStringList(urls.mid(0, MaxHistory));
}

QStringList ComposerWidget::urlHistory() const
{
    return m_history->stringList();
}

} // namespace Peephole
