// The Messages tab: StreamMessagesModel under QAbstractItemModelTester (appends
// batched once per event-loop turn, messages the store drops under its caps removed
// from the top), and MessagesView on a real WebSocket session against the Python
// "websockets" server (ws-server.py): what arrives is listed, the send box sends
// text and JSON (invalid JSON refused), a binary file, and Close ends the session.

#include "composer/composerwidget.h"
#include "details/exchangedetails.h"
#include "mainwindow/mainwindow.h"
#include "streams/websocketlauncher.h"
#include "timeline/timelineview.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "stream/streamstore.h"
#include "streams/messagesview.h"
#include "streams/streammessagesmodel.h"
#include "websocket/websocketsession.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Peephole;
using namespace Qt::StringLiterals;

class TestMessagesView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void batchedAppends();
    void dropsUnderCaps();
    void liveSessionAndSendBox();
    void detailsShowMessagesTab();
    void windowOpensWebSocket();

private:
    QProcess m_server;
    int m_port = 0;
    QTemporaryDir m_home;
};

void TestMessagesView::initTestCase()
{
    const QString script = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/websocket/ws-server.py"_s;
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(u"/usr/bin/python3"_s, {script});
    QVERIFY2(m_server.waitForStarted(), "python3 is not installed");
    while (!m_server.canReadLine())
        QVERIFY2(m_server.waitForReadyRead(20000), "ws-server.py printed no port");
    m_port = m_server.readLine().trimmed().mid(5).toInt();
    QVERIFY(m_port > 0);
}

void TestMessagesView::cleanupTestCase()
{
    m_server.closeWriteChannel();
    if (!m_server.waitForFinished(5000))
        m_server.kill();
}

void TestMessagesView::batchedAppends()
{
    StreamStore store;
    StreamMessagesModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.open(7);
    model.setExchange(7);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 5000; ++i) {
        StreamMessage m;
        m.kind = StreamMessage::Kind::Text;
        m.timeNs = monotonicNs();
        m.data = "message " + QByteArray::number(i);
        store.append(7, m);
    }
    QCOMPARE(model.rowCount(), 0); // nothing before the event loop turns
    QCOMPARE(model.pendingCount(), 5000);
    QTRY_COMPARE(model.rowCount(), 5000);
    QCOMPARE(inserted.size(), 1); // one insertion for the whole turn
    QCOMPARE(model.index(4999, StreamMessagesModel::DataColumn).data().toString(), u"message 4999"_s);
    QCOMPARE(model.index(0, StreamMessagesModel::TypeColumn).data().toString(), u"text"_s);
    QCOMPARE(model.index(0, StreamMessagesModel::DirectionColumn).data().toString(), u"\u2193 received"_s);
    QCOMPARE(model.index(0, StreamMessagesModel::SizeColumn).data().toString(), u"9 B"_s);
}

void TestMessagesView::dropsUnderCaps()
{
    StreamStore store;
    store.setCaps(100, 1 << 20);
    StreamMessagesModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.open(1);
    model.setExchange(1);
    auto add = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            StreamMessage m;
            m.kind = StreamMessage::Kind::Binary;
            m.data = QByteArray(1, char(i));
            store.append(1, m);
        }
    };
    add(0, 60);
    QTRY_COMPARE(model.rowCount(), 60);
    add(60, 130); // 30 dropped from the front
    QTRY_COMPARE(model.pendingCount(), 0);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(0, 0).data(StreamMessagesModel::RawDataRole).toByteArray(), QByteArray(1, char(30)));
    QCOMPARE(model.index(99, 0).data(StreamMessagesModel::RawDataRole).toByteArray(), QByteArray(1, char(129)));
    add(130, 500); // more dropped than there are rows
    QTRY_COMPARE(model.pendingCount(), 0);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(0, 0).data(StreamMessagesModel::RawDataRole).toByteArray(), QByteArray(1, char(400 & 0xff)));
    store.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestMessagesView::liveSessionAndSendBox()
{
    Workspace ws(nullptr, m_home.filePath(u"accounts.ini"_s));
    WebSocketSession session(ws.session());
    MessagesView view(ws.session()->streams());
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(700, 400);
    view.show();
    WebSocketSpec spec;
    spec.request.url = QUrl(u"ws://127.0.0.1:%1/echo"_s.arg(m_port));
    QSignalSpy opened(&session, &WebSocketSession::opened);
    session.open(spec);
    QVERIFY(opened.wait(10000));
    view.setExchange(session.exchangeId());
    view.setSession(&session);
    QVERIFY(view.sendButton()->isEnabled());

    view.input()->setText(u"{\"hello\": \"world\"}"_s);
    view.format()->setCurrentIndex(1); // JSON
    QTest::mouseClick(view.sendButton(), Qt::LeftButton);
    QTRY_COMPARE(view.model()->rowCount(), 2); // sent + echoed
    QCOMPARE(view.model()->index(0, 0).data(StreamMessagesModel::SentRole).toBool(), true);
    QCOMPARE(view.model()->index(1, StreamMessagesModel::DataColumn).data().toString(), u"{\"hello\": \"world\"}"_s);
    view.table()->selectRow(1);
    QVERIFY(view.findChild<QPlainTextEdit *>()->toPlainText().contains(u"    \"hello\": \"world\""_s)); // pretty

    view.input()->setText(u"{not json"_s);
    QVERIFY(!view.send());
    QVERIFY(view.status()->text().contains(u"Not JSON"_s));
    QCOMPARE(view.model()->rowCount() + view.model()->pendingCount(), 2);

    QTemporaryDir dir;
    const QString file = dir.filePath(u"blob.bin"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\x01\x02\x03", 3));
    f.close();
    view.format()->setCurrentIndex(2); // binary file
    view.input()->setText(file);
    QVERIFY(view.send());
    QTRY_COMPARE(view.model()->rowCount(), 4);
    QCOMPARE(view.model()->index(3, 0).data(StreamMessagesModel::RawDataRole).toByteArray(), QByteArray("\x01\x02\x03", 3));
    QCOMPARE(view.model()->index(3, StreamMessagesModel::DataColumn).data().toString(), u"01 02 03"_s);

    QSignalSpy finished(&session, &WebSocketSession::finished);
    QTest::mouseClick(view.closeButton(), Qt::LeftButton);
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    QCOMPARE(session.end(), WebSocketSession::End::Normal);
    QTRY_VERIFY(!view.sendButton()->isEnabled() || !view.sendButton()->isVisibleTo(&view));
}

void TestMessagesView::detailsShowMessagesTab()
{
    Workspace ws(nullptr, m_home.filePath(u"accounts2.ini"_s));
    ExchangeDetails details;
    details.setStreamStore(ws.session()->streams());
    WebSocketSession session(ws.session());
    WebSocketSpec spec;
    spec.request.url = QUrl(u"ws://127.0.0.1:%1/fragmented"_s.arg(m_port));
    QSignalSpy finished(&session, &WebSocketSession::finished);
    session.open(spec);
    QVERIFY(finished.wait(10000));
    details.setExchange(*ws.log()->find(session.exchangeId()));
    QVERIFY(details.isTabVisible(ExchangeDetails::MessagesTab));
    QTRY_COMPARE(details.messagesView()->model()->rowCount(), 2);
    QCOMPARE(details.messagesView()->model()->index(0, StreamMessagesModel::TypeColumn).data().toString(),
             u"text (4 frames)"_s);
    Exchange plain;
    plain.id = 999999;
    details.setExchange(plain);
    QVERIFY(!details.isTabVisible(ExchangeDetails::MessagesTab));
}

void TestMessagesView::windowOpensWebSocket()
{
    QCoreApplication::setOrganizationName(u"PeepholeTests"_s);
    QCoreApplication::setApplicationName(u"tst_messagesview"_s);
    Workspace ws(nullptr, m_home.filePath(u"accounts3.ini"_s));
    MainWindow window(&ws);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A ws:// URL typed in the composer opens a session; its handshake is a row of the timeline.
    QLineEdit *edit = window.composer()->urlEdit();
    edit->clear();
    QTest::keyClicks(edit, u"ws://127.0.0.1:%1/echo"_s.arg(m_port));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(ws.log()->count(), 1);
    QTRY_COMPARE(ws.log()->at(0).statusCode, 101);
    const quint64 id = ws.log()->at(0).id;
    QTRY_VERIFY(window.webSockets()->sessionFor(id) &&
                window.webSockets()->sessionFor(id)->state() == WebSocketSession::State::Open);
    QVERIFY(window.timeline()->selectExchange(id));
    ExchangeDetails *details = window.details();
    QTRY_COMPARE(details->exchangeId(), id);
    QVERIFY(details->isTabVisible(ExchangeDetails::MessagesTab));
    MessagesView *messages = details->messagesView();
    QTRY_VERIFY(messages->sendButton()->isEnabled());
    messages->input()->setText(u"typed in the window"_s);
    QTest::mouseClick(messages->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(messages->model()->rowCount(), 2);
    QCOMPARE(messages->model()->index(1, StreamMessagesModel::DataColumn).data().toString(), u"typed in the window"_s);
    QCOMPARE(messages->model()->index(1, 0).data(StreamMessagesModel::SentRole).toBool(), false);
    window.webSockets()->sessionFor(id)->close();
    QTRY_COMPARE(window.webSockets()->sessionFor(id)->state(), WebSocketSession::State::Closed);
}

QTEST_MAIN(TestMessagesView)
#include "tst_messagesview.moc"
