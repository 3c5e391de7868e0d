#pragma once

#include <QTabWidget>

#include <memory>

namespace Peephole {

class AuthView;
class BodyStore;
class BodyView;
class HeadersView;
class MessagesView;
class RawView;
class StreamStore;
class TimingView;
class TlsView;
struct Exchange;

/// The detail pane of one exchange: Headers, Response (body), Request
/// (body), Raw, Timing, TLS and Auth tabs. Cheap to call on every selection
/// change: bodies are only read when their tab shows them.
class ExchangeDetails : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab { HeadersTab, ResponseTab, RequestTab, RawTab, TimingTab, TlsTab, AuthTab, MessagesTab };
    Q_ENUM(Tab)

    explicit ExchangeDetails(QWidget *parent = nullptr);
    ~ExchangeDetails() override;

    /// Shows @p exchange. Called again for the same exchange (it was
    /// updated), the body views keep their mode and scroll position.
    void setExchange(const Exchange &exchange);
    void clear();
    quint64 exchangeId() const { return m_id; }
    /// Find in the body shown (the Response tab unless the Request tab is current).
    void findInBody();

    HeadersView *headersView() const { return m_headers; }
    BodyView *responseBodyView() const { return m_response; }
    BodyView *requestBodyView() const { return m_request; }
    RawView *rawView() const { return m_raw; }
    TimingView *timingView() const { return m_timing; }
    TlsView *tlsView() const { return m_tls; }
    AuthView *authView() const { return m_auth; }
    /// The Messages tab (ui/streams), shown for an exchange whose response is a stream
    /// (SSE, WebSocket) once setStreamStore() was called; null before.
    MessagesView *messagesView() const { return m_messages; }
    void setStreamStore(StreamStore *store);

private:
    quint64 m_id = 0;
    std::shared_ptr<BodyStore> m_responseBody;
    std::shared_ptr<BodyStore> m_requestBody;
    HeadersView *m_headers = nullptr;
    BodyView *m_response = nullptr;
    BodyView *m_request = nullptr;
    RawView *m_raw = nullptr;
    TimingView *m_timing = nullptr;
    TlsView *m_tls = nullptr;
    AuthView *m_auth = nullptr;
    MessagesView *m_messages = nullptr;
    StreamStore *m_streams = nullptr;
};

} // namespace Peephole
