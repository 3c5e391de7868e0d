#include "testbrowser.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
QString unescape(QString s)
{
    s.replace(u"&amp;"_s, u"&"_s);
    s.replace(u"&quot;"_s, u"\""_s);
    s.replace(u"&#x2F;"_s, u"/"_s);
    return s;
}

QString attribute(const QString &tag, const QString &name)
{
    const QRegularExpression re(u"\\b"_s + name + u"\\s*=\\s*\"([^\"]*)\""_s);
    const auto m = re.match(tag);
    return m.hasMatch() ? unescape(m.captured(1)) : QString();
}
} // namespace

TestBrowser::Page TestBrowser::request(const QByteArray &method, const QUrl &url, const QByteArray &form)
{
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setHeader(QNetworkRequest::UserAgentHeader, u"peephole-test-browser"_s);
    if (method == "POST")
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, form);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Page p;
    p.url = url;
    if (!reply->isFinished()) {
        p.error = u"no answer from %1 within 10 s"_s.arg(url.toString());
        reply->abort();
    }
    p.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    p.body = reply->readAll();
    if (p.status == 0 && p.error.isEmpty())
        p.error = reply->errorString();
    const QByteArray location = reply->rawHeader("Location");
    if (!location.isEmpty())
        p.location = url.resolved(QUrl(QString::fromUtf8(location)));
    reply->deleteLater();
    return p;
}

TestBrowser::Page TestBrowser::walk(const QUrl &start, const QString &stopPrefix, const QHash<QString, QString> &fill,
                                    bool cancel)
{
    QUrl url = start;
    QByteArray method = "GET";
    QByteArray body;
    Page p;
    for (int step = 0; step < 30; ++step) {
        p = request(method, url, body);
        if (!p.error.isEmpty())
            return p;
        if (p.status >= 300 && p.status < 400 && p.location.isValid()) {
            if (p.location.toString().startsWith(stopPrefix))
                return p;
            url = p.location;
            method = "GET";
            body.clear();
            continue;
        }
        const QString html = QString::fromUtf8(p.body);
        if (cancel) {
            const auto m = QRegularExpression(u"<a href=\"([^\"]*)\">\\[ Cancel \\]</a>"_s).match(html);
            if (m.hasMatch()) {
                url = url.resolved(QUrl(unescape(m.captured(1))));
                method = "GET";
                body.clear();
                continue;
            }
        }
        const auto form = QRegularExpression(u"<form\\b([^>]*)>(.*?)</form>"_s,
                                             QRegularExpression::DotMatchesEverythingOption)
                              .match(html);
        if (!form.hasMatch())
            return p;
        QUrlQuery fields;
        const QRegularExpression input(u"<input\\b[^>]*>"_s);
        for (auto it = input.globalMatch(form.captured(2)); it.hasNext();) {
            const QString tag = it.next().captured(0);
            const QString name = attribute(tag, u"name"_s);
            if (name.isEmpty())
                continue;
            QString value = attribute(tag, u"value"_s);
            if (fill.contains(name) && value.isEmpty())
                value = fill.value(name);
            fields.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        const QString action = attribute(form.captured(1), u"action"_s);
        url = url.resolved(QUrl(action));
        method = "POST";
        body = fields.query(QUrl::FullyEncoded).toUtf8();
    }
    p.error = u"more than 30 steps"_s;
    return p;
}
