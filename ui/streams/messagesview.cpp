#include "streams/messagesview.h"

#include "stream/streamstore.h"
#include "streams/streammessagesmodel.h"
#include "websocket/websocketsession.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
constexpr qsizetype MaxPrettyBytes = 4 * 1024 * 1024;
constexpr qsizetype MaxShownBytes = 16 * 1024 * 1024;
enum Format { TextFormat, JsonFormat, BinaryFileFormat };
} // namespace

MessagesView::MessagesView(StreamStore *store, QWidget *parent)
    : QWidget(parent), m_model(new StreamMessagesModel(store, this)), m_table(new QTableView(this)),
      m_detail(new QPlainTextEdit(this)), m_sendBox(new QWidget(this)), m_format(new QComboBox(m_sendBox)),
      m_input(new QLineEdit(m_sendBox)), m_send(new QPushButton(tr("Send"), m_sendBox)),
      m_close(new QPushButton(tr("Close"), m_sendBox)), m_status(new QLabel(this))
{
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: no per-row layout
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(StreamMessagesModel::TimeColumn, 100);
    m_table->setColumnWidth(StreamMessagesModel::DirectionColumn, 90);
    m_table->setColumnWidth(StreamMessagesModel::TypeColumn, 110);
    m_table->setColumnWidth(StreamMessagesModel::SizeColumn, 80);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a message to see it in full."));

    m_format->addItem(tr("Text"), TextFormat);
    m_format->addItem(tr("JSON"), JsonFormat);
    m_format->addItem(tr("Binary file\u2026"), BinaryFileFormat);
    m_input->setPlaceholderText(tr("Message to send"));
    auto *sendRow = new QHBoxLayout(m_sendBox);
    sendRow->setContentsMargins(0, 0, 0, 0);
    sendRow->addWidget(m_format);
    sendRow->addWidget(m_input, 1);
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_close);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    layout->addWidget(m_sendBox);
    layout->addWidget(m_status);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MessagesView::showSelected);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_table->scrollToBottom();
    });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_follow = value >= m_table->verticalScrollBar()->maximum();
    });
    connect(m_send, &QPushButton::clicked, this, &MessagesView::send);
    connect(m_input, &QLineEdit::returnPressed, this, &MessagesView::send);
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->close();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const bool file = m_format->currentData().toInt() == BinaryFileFormat;
        m_input->setPlaceholderText(file ? tr("Path of the file to send (or Send to choose one)")
                                         : tr("Message to send"));
    });
    updateSendBox();
}

void MessagesView::setExchange(quint64 id)
{
    m_model->setExchange(id);
    m_follow = true;
    m_detail->clear();
    m_status->clear();
    updateSendBox();
}

void MessagesView::setSession(WebSocketSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (session) {
        connect(session, &WebSocketSession::opened, this, &MessagesView::updateSendBox);
        connect(session, &WebSocketSession::finished, this, &MessagesView::updateSendBox);
    }
    updateSendBox();
}

void MessagesView::updateSendBox()
{
    const bool open = m_session && m_session->exchangeId() == m_model->exchangeId() &&
                      m_session->state() == WebSocketSession::State::Open;
    m_sendBox->setVisible(m_session && m_session->exchangeId() == m_model->exchangeId());
    m_sendBox->setEnabled(open);
}

bool MessagesView::send()
{
    if (!m_session || m_session->state() != WebSocketSession::State::Open) {
        m_status->setText(tr("The WebSocket is not open."));
        return false;
    }
    const QString text = m_input->text();
    switch (m_format->currentData().toInt()) {
    case JsonFormat: {
        QJsonParseError error;
        QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            m_status->setText(tr("Not JSON (at character %1: %2); nothing was sent.")
                                  .arg(error.offset)
                                  .arg(error.errorString()));
            return false;
        }
        m_session->sendText(text);
        break;
    }
    case BinaryFileFormat: {
        QString path = text.trimmed();
        if (path.isEmpty())
            path = QFileDialog::getOpenFileName(this, tr("Send a File as a Binary Message"));
        if (path.isEmpty())
            return false;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            m_status->setText(tr("Cannot read %1: %2").arg(path, f.errorString()));
            return false;
        }
        if (f.size() > 64LL * 1024 * 1024) {
            m_status->setText(tr("%1 is larger than 64 MiB; nothing was sent.").arg(path));
            return false;
        }
        m_session->sendBinary(f.readAll());
        break;
    }
    default:
        m_session->sendText(text);
    }
    m_status->clear();
    m_input->clear();
    return true;
}

void MessagesView::showSelected()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid()) {
        m_detail->clear();
        return;
    }
    const QByteArray payload = m_model->index(index.row(), 0).data(StreamMessagesModel::RawDataRole).toByteArray();
    const auto kind = StreamMessage::Kind(m_model->index(index.row(), 0).data(StreamMessagesModel::KindRole).toInt());
    if (kind == StreamMessage::Kind::Binary || kind == StreamMessage::Kind::Ping || kind == StreamMessage::Kind::Pong) {
        m_detail->setPlainText(QString::fromLatin1(payload.left(MaxShownBytes / 4).toHex(' ')));
        return;
    }
    if (payload.size() <= MaxPrettyBytes) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
        if (error.error == QJsonParseError::NoError && !doc.isNull()) {
            m_detail->setPlainText(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
            return;
        }
    }
    m_detail->setPlainText(QString::fromUtf8(payload.left(MaxShownBytes)));
}

} // namespace Peephole
