#include "welcome/demomode.h"

#include "formats/httpfile.h"
#include "server/demoapi.h"
#include "welcome/welcomepage.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
RequestSpec requestFor(const QUrl &base, const DemoApi::Endpoint &endpoint)
{
    RequestSpec spec;
    spec.method = endpoint.method.isEmpty() ? QByteArray("GET") : endpoint.method;
    spec.url = base.resolved(QUrl(QString::fromLatin1(endpoint.path)));
    spec.name = endpoint.description;
    spec.auth.scheme = AuthSettings::Scheme::None; // the auth panel asks
    if (spec.method == "POST") {
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.raw = "{\"hello\": \"peephole\"}";
        spec.body.contentType = "application/json";
    }
    return spec;
}
} // namespace

DemoMode::DemoMode(QObject *parent) : QObject(parent), m_api(new DemoApi(this)) {}

DemoMode::~DemoMode() = default;

bool DemoMode::start()
{
    if (m_running)
        return true; // once: --demo, the welcome page's button and Help all land here
    if (!m_api->start()) {
        m_error = tr("The demo API could not start on 127.0.0.1: %1").arg(m_api->errorString());
        return false;
    }
    m_running = true;
    return true;
}

void DemoMode::populate(WelcomePage *page) const
{
    QList<WelcomePage::Sample> samples;
    const QUrl base = m_api->baseUrl();
    for (const DemoApi::Endpoint &e : DemoApi::endpoints()) {
        QString hint = e.description;
        if (!e.auth.isEmpty())
            hint += u" — "_s + tr("credentials: %1").arg(e.auth);
        samples.append({QString::fromLatin1(e.method + ' ' + e.path), hint, requestFor(base, e)});
    }
    page->setSamples(tr("Demo API on %1 — pick a request, then press Ctrl+Enter").arg(base.toString()),
                     samples);
}

bool DemoMode::writeCollection(const QString &directory)
{
    if (!QDir().mkpath(directory)) {
        m_error = tr("Cannot create the demo collection folder %1").arg(directory);
        return false;
    }
    HttpFile file;
    file.variables.append({u"base"_s, m_api->baseUrl().toString()});
    for (const DemoApi::Endpoint &e : DemoApi::endpoints()) {
        HttpFileRequest r;
        r.name = QString::fromLatin1(e.path.mid(1).isEmpty() ? QByteArray("index") : e.path.mid(1));
        r.request = requestFor(m_api->baseUrl(), e);
        r.request.urlTemplate = u"{{base}}"_s + QString::fromLatin1(e.path);
        r.comments.append(u"# "_s + e.description);
        file.requests.append(r);
    }
    QString error;
    if (!HttpFileWriter::writeFile(QDir(directory).filePath(u"demo.http"_s), file, &error)) {
        m_error = error;
        return false;
    }
    return true;
}

} // namespace Peephole
