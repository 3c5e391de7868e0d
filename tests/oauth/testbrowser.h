#pragma once

#include <QHash>
#include <QNetworkAccessManager>
#include <QUrl>

/// The "browser" of the OAuth tests: a small HTTP client with a cookie jar that
/// follows redirects and submits the provider's login, consent and device forms.
class TestBrowser
{
public:
    struct Page
    {
        int status = 0;
        QUrl url;
        QByteArray body;
        QUrl location; ///< Resolved Location of a redirect.
        QString error; ///< Transport failure.
    };

    /// One request, redirects not followed (10 s limit).
    Page request(const QByteArray &method, const QUrl &url, const QByteArray &form = {});
    /// Follows redirects and submits forms (filling the fields named in @p fill) until a redirect whose target
    /// starts with @p stopPrefix (returned unfetched in Page::location) or a page without a form.
    /// @p cancel: follow the provider's "[ Cancel ]" link instead of signing in.
    Page walk(const QUrl &start, const QString &stopPrefix, const QHash<QString, QString> &fill, bool cancel = false);

private:
    QNetworkAccessManager m_nam;
};
