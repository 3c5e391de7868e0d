#include "details/exchangedetails.h"

#include "details/authview.h"
#include "details/bodyview.h"
#include "details/headersview.h"
#include "details/rawview.h"
#include "details/timingview.h"
#include "details/tlsview.h"
#include "http/exchange.h"
#include "stream/streamstore.h"
#include "streams/messagesview.h"

#include <QScrollArea>

using namespace Qt::StringLiterals;

namespace Peephole {

ExchangeDetails::ExchangeDetails(QWidget *parent) : QTabWidget(parent)
{
    setDocumentMode(true);
    m_headers = new HeadersView(this);
    m_response = new BodyView(this);
    m_request = new BodyView(this);
    m_raw = new RawView(this);
    m_timing = new TimingView;
    auto *timingArea = new QScrollArea(this);
    timingArea->setWidget(m_timing);
    timingArea->setWidgetResizable(true);
    m_tls = new TlsView(this);
    m_auth = new AuthView(this);
    addTab(m_headers, tr("Headers"));
    addTab(m_response, tr("Response"));
    addTab(m_request, tr("Request"));
    addTab(m_raw, tr("Raw"));
    addTab(timingArea, tr("Timing"));
    addTab(m_tls, tr("TLS"));
    addTab(m_auth, tr("Auth"));
    clear();
}

ExchangeDetails::~ExchangeDetails() = default;

void ExchangeDetails::clear()
{
    m_id = 0;
    m_responseBody.reset();
    m_requestBody.reset();
    m_headers->clear();
    m_response->clear();
    m_request->clear();
    m_raw->clear();
    m_timing->clear();
    m_tls->clear();
    m_auth->clear();
    setTabText(AuthTab, tr("Auth"));
    if (m_messages) {
        m_messages->setExchange(0);
        setTabVisible(MessagesTab, false);
    }
}

void ExchangeDetails::setStreamStore(StreamStore *store)
{
    if (m_messages)
        return;
    m_streams = store;
    m_messages = new MessagesView(store, this);
    addTab(m_messages, tr("Messages"));
    setTabVisible(MessagesTab, false);
    connect(store, &StreamStore::opened, this, [this](quint64 id) {
        if (id == m_id) { // a stream the user is looking at just opened: its messages are what matters now
            setTabVisible(MessagesTab, true);
            setCurrentIndex(MessagesTab);
        }
    });
}

void ExchangeDetails::findInBody()
{
    if (currentIndex() != RequestTab)
        setCurrentIndex(ResponseTab);
    (currentIndex() == RequestTab ? m_request : m_response)->openFind();
}

void ExchangeDetails::setExchange(const Exchange &e)
{
    const bool same = e.id == m_id && e.id != 0;
    m_id = e.id;
    m_headers->setExchange(e);
    if (!same || e.responseBody != m_responseBody) {
        m_responseBody = e.responseBody;
        m_response->setBody(e.responseBody, e.mimeType());
    }
    if (!same || e.requestBody != m_requestBody) {
        m_requestBody = e.requestBody;
        QByteArray mime = Headers::value(e.requestHeaders, "content-type");
        const qsizetype semi = mime.indexOf(';');
        if (semi >= 0)
            mime.truncate(semi);
        m_request->setBody(e.requestBody, mime.trimmed().toLower());
    }
    m_raw->setExchange(e);
    m_timing->setExchange(e);
    m_tls->setExchange(e);
    m_auth->setExchange(e);
    setTabText(AuthTab, e.isAuthChallenge() ? tr("Auth (%1)").arg(e.statusCode) : tr("Auth"));
    setTabEnabled(TlsTab, true);
    if (m_messages) {
        const bool stream = m_streams->find(e.id) != nullptr;
        m_messages->setExchange(stream ? e.id : 0);
        setTabVisible(MessagesTab, stream);
    }
}

} // namespace Peephole
