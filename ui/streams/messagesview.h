#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Peephole {

class StreamMessagesModel;
class StreamStore;
class WebSocketSession;

/// The Messages tab of a stream exchange: the table of messages (newest followed
/// unless the user scrolled away), the selected message in full (pretty JSON where it
/// is JSON), and for an open WebSocket session a send box: text, JSON (checked before
/// it is sent) or a binary file.
class MessagesView : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesView(StreamStore *store, QWidget *parent = nullptr);

    /// Shows the stream of exchange @p id.
    void setExchange(quint64 id);
    /// The session the send box writes to (null: no send box; an SSE stream).
    void setSession(WebSocketSession *session);

    StreamMessagesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *input() const { return m_input; }
    QComboBox *format() const { return m_format; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *closeButton() const { return m_close; }
    QLabel *status() const { return m_status; }

    /// Sends the input as the chosen format; false (with the reason in status()) when it cannot.
    bool send();

private:
    void showSelected();
    void updateSendBox();

    StreamMessagesModel *m_model;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QWidget *m_sendBox;
    QComboBox *m_format;
    QLineEdit *m_input;
    QPushButton *m_send;
    QPushButton *m_close;
    QLabel *m_status;
    QPointer<WebSocketSession> m_session;
    bool m_follow = true;
};

} // namespace Peephole
