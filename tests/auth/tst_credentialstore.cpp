// CredentialStore against the real Secret Service (gnome-keyring in a private
// D-Bus session; scripts/test sets it up). With PEEPHOLE_REQUIRE_KEYRING=1 a
// missing keyring is a failure, not a skip.

#include "auth/authnegotiator.h"
#include "auth/credentialstore.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "server/authgate.h"
#include "server/httpserver.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {

CredentialStoreResult waitFor(const std::function<void(CredentialStore::Callback)> &start)
{
    std::optional<CredentialStoreResult> result;
    start([&result](const CredentialStoreResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return CredentialStoreResult{false, false, false, {}, u"timed out waiting for the keychain"_s};
    return *result;
}

QString uniquePassword()
{
    return u"Pw-%1-%2"_s.arg(QRandomGenerator::global()->generate64(), 0, 36)
        .arg(QRandomGenerator::global()->generate(), 0, 36);
}

bool keyringRequired()
{
    return qEnvironmentVariableIntValue("PEEPHOLE_REQUIRE_KEYRING") == 1;
}

StoredAccount account(const QString &user, const QString &realm = u"vault"_s)
{
    return StoredAccount{u"Digest"_s, u"http://127.0.0.1:8080"_s, realm, user, false};
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void storeReadListForget();
    void originsAndRealmsAreSeparate();
    void noSecretOnDisk();
    void indexHoldsNoSecret();
    void keychainUnavailableKeepsInMemory();
    void negotiatorRemembersAndReuses();

private:
    bool m_keyring = false;
};

void TestCredentialStore::initTestCase()
{
    // Probe: a write that succeeds means a Secret Service answered.
    CredentialStore store;
    const StoredAccount probe = account(u"probe"_s);
    const CredentialStoreResult r = waitFor([&](auto cb) { store.store(probe, u"probe"_s, cb); });
    m_keyring = r.ok && !r.sessionOnly;
    if (m_keyring)
        waitFor([&](auto cb) { store.forget(probe, cb); });
    if (!m_keyring) {
        const QString why = u"No usable keychain: %1"_s.arg(r.message);
        if (keyringRequired())
            QFAIL(qPrintable(why + u" (PEEPHOLE_REQUIRE_KEYRING=1)"_s));
        qWarning("%s", qPrintable(why));
    }
}

void TestCredentialStore::storeReadListForget()
{
    if (!m_keyring)
        QSKIP("no Secret Service in this session (set PEEPHOLE_REQUIRE_KEYRING=1 to make this a failure)");
    CredentialStore store;
    QSignalSpy changed(&store, &CredentialStore::accountsChanged);
    const StoredAccount a = account(u"alice"_s);
    const QString password = uniquePassword();
    CredentialStoreResult r = waitFor([&](auto cb) { store.store(a, password, cb); });
    QVERIFY2(r.ok && !r.sessionOnly, qPrintable(r.message));
    QVERIFY(!changed.isEmpty());

    // Listed, from the index, also by a second store instance (a restart).
    CredentialStore other;
    const QList<StoredAccount> listed = other.accountsFor(a.origin, a.realm);
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed.at(0).sameKey(a));
    QVERIFY(!listed.at(0).sessionOnly);

    r = waitFor([&](auto cb) { other.read(a, cb); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(r.secret, password);

    // It really is in the Secret Service (not in a file of ours).
    if (!QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty()) {
        QProcess tool;
        tool.start(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"server"_s, u"Peephole"_s});
        QVERIFY(tool.waitForFinished(20000));
        const QByteArray out = tool.readAllStandardOutput() + tool.readAllStandardError();
        QVERIFY2(out.contains(CredentialStore::keychainKey(a).toUtf8()), out.constData());
    }

    // Overwriting keeps one account.
    const QString newPassword = uniquePassword();
    QVERIFY(waitFor([&](auto cb) { store.store(a, newPassword, cb); }).ok);
    QCOMPARE(store.accountsFor(a.origin, a.realm).size(), 1);
    QCOMPARE(waitFor([&](auto cb) { store.read(a, cb); }).secret, newPassword);

    r = waitFor([&](auto cb) { store.forget(a, cb); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(store.accountsFor(a.origin, a.realm).isEmpty());
    r = waitFor([&](auto cb) { store.read(a, cb); });
    QVERIFY(!r.ok);
    QVERIFY(r.notFound);
    QVERIFY2(r.message.contains(u"alice"_s), qPrintable(r.message));
}

void TestCredentialStore::originsAndRealmsAreSeparate()
{
    if (!m_keyring)
        QSKIP("no Secret Service in this session");
    CredentialStore store;
    StoredAccount a = account(u"bob"_s, u"shared"_s);
    StoredAccount b = a;
    b.origin = u"http://127.0.0.1:8081"_s;
    StoredAccount c = a;
    c.realm = u"other"_s;
    QVERIFY(waitFor([&](auto cb) { store.store(a, u"pa"_s, cb); }).ok);
    QVERIFY(waitFor([&](auto cb) { store.store(b, u"pb"_s, cb); }).ok);
    QVERIFY(waitFor([&](auto cb) { store.store(c, u"pc"_s, cb); }).ok);
    QCOMPARE(store.accountsFor(a.origin, a.realm).size(), 1);
    QCOMPARE(waitFor([&](auto cb) { store.read(a, cb); }).secret, u"pa"_s);
    QCOMPARE(waitFor([&](auto cb) { store.read(b, cb); }).secret, u"pb"_s);
    QCOMPARE(waitFor([&](auto cb) { store.read(c, cb); }).secret, u"pc"_s);
    for (const StoredAccount &x : {a, b, c})
        QVERIFY(waitFor([&](auto cb) { store.forget(x, cb); }).ok);
    QVERIFY(store.accountsFor(a.origin, a.realm).isEmpty());
}

void TestCredentialStore::noSecretOnDisk()
{
    if (!m_keyring)
        QSKIP("no Secret Service in this session");
    const QString home = QDir::homePath();
    if (!home.startsWith(QDir::tempPath()) && qEnvironmentVariableIsEmpty("PEEPHOLE_SCAN_HOME"))
        QSKIP("HOME is not a throw-away directory; run inside scripts/test (or set PEEPHOLE_SCAN_HOME=1)");
    CredentialStore store;
    const StoredAccount a = account(u"carol"_s);
    const QString password = uniquePassword();
    QVERIFY(waitFor([&](auto cb) { store.store(a, password, cb); }).ok);
    QSettings().sync();

    const QList<QByteArray> needles = {
        password.toUtf8(),
        QByteArray(reinterpret_cast<const char *>(password.utf16()), password.size() * 2),
        [&] {
            QByteArray be;
            for (QChar ch : password) {
                be.append(char(ch.unicode() >> 8));
                be.append(char(ch.unicode() & 0xff));
            }
            return be;
        }(),
        password.toUtf8().toBase64(),
        password.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
    };
    int scanned = 0;
    QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.size() > 64 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = f.readAll();
        ++scanned;
        for (const QByteArray &needle : needles)
            QVERIFY2(!data.contains(needle), qPrintable(u"the password is readable in "_s + path));
    }
    QVERIFY(scanned > 0); // the index file at least
    QVERIFY(waitFor([&](auto cb) { store.forget(a, cb); }).ok);
}

void TestCredentialStore::indexHoldsNoSecret()
{
    QTemporaryDir dir;
    const QString indexFile = dir.filePath(u"index.ini"_s);
    CredentialStore store(indexFile);
    const StoredAccount a{u"Bearer"_s, u"https://api.example.org:443"_s, u"api"_s, {}, false};
    const QString token = uniquePassword();
    const CredentialStoreResult r = waitFor([&](auto cb) { store.store(a, token, cb); });
    QVERIFY2(r.ok, qPrintable(r.message));
    // Whether in the keychain or in memory only, it is listed and readable this session...
    QCOMPARE(store.accountsFor(a.origin, a.realm).size(), 1);
    QCOMPARE(waitFor([&](auto cb) { store.read(a, cb); }).secret, token);
    // ...and the index never holds it.
    QFile f(indexFile);
    if (f.open(QIODevice::ReadOnly)) {
        const QByteArray data = f.readAll();
        QVERIFY(!data.contains(token.toUtf8()));
        QVERIFY(!data.contains(token.toUtf8().toBase64()));
        if (!r.sessionOnly)
            QVERIFY(data.contains("api.example.org"));
    } else {
        QVERIFY(r.sessionOnly); // nothing was written because nothing reached the keychain
    }
    QVERIFY(waitFor([&](auto cb) { store.forget(a, cb); }).ok);
}

void TestCredentialStore::keychainUnavailableKeepsInMemory()
{
    // A child process of this test without any session bus: the keychain is
    // unreachable there, so the store must say why and keep the secret in memory.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/peephole-no-bus"_s);
    env.remove(u"DISPLAY"_s);
    QTemporaryDir home;
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {u"--child-without-keychain"_s});
    QVERIFY(child.waitForFinished(60000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    QVERIFY2(child.exitCode() == 0, qPrintable(out + QString::fromUtf8(child.readAllStandardError())));
    QVERIFY2(out.contains(u"sessionOnly=1"_s), qPrintable(out));
    QVERIFY2(out.contains(u"for this session only"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Secret Service"_s), qPrintable(out)); // the cause is named
    QVERIFY2(out.contains(u"readBack=1"_s), qPrintable(out));
    QVERIFY2(out.contains(u"signalled=1"_s), qPrintable(out));
    QVERIFY2(out.contains(u"listedSessionOnly=1"_s), qPrintable(out));
}

namespace {
/// Answers one prompt with fixed credentials, asking to remember them.
class RememberingProvider : public CredentialProvider
{
public:
    int asked = 0;
    void requestCredentials(const CredentialRequest &,
                            std::function<void(const CredentialAnswer &)> done) override
    {
        ++asked;
        CredentialAnswer a;
        a.user = u"erin"_s;
        a.password = u"Keychain-Pw-1"_s;
        a.remember = true;
        done(a);
    }
};

QList<Exchange> sendAndWait(HttpSession &session, ExchangeLog &log, const RequestSpec &spec)
{
    QSignalSpy finished(&session, &HttpSession::chainFinished);
    const quint64 chain = session.send(spec);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000))
        qWarning("the chain did not finish");
    return log.chain(chain);
}
} // namespace

void TestCredentialStore::negotiatorRemembersAndReuses()
{
    if (!m_keyring)
        QSKIP("no Secret Service in this session");
    HttpServer a;
    HttpServer b;
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    for (HttpServer *srv : {&a, &b}) {
        auto gate = std::make_shared<AuthGate>();
        gate->setCredentials("erin", "Keychain-Pw-1");
        DigestOptions o;
        o.realm = "kc";
        gate->offerDigest(o);
        srv->route("/k", protect(gate, [](const ServerRequest &, ScriptedResponse &r) { r.body = "in"; }));
    }
    CredentialStore store;
    RememberingProvider provider;
    {
        // First session: nothing saved, the prompt answers with remember=true.
        ExchangeLog log;
        HttpSession session(&log);
        AuthNegotiator negotiator;
        negotiator.setCredentialStore(&store);
        negotiator.setCredentialProvider(&provider);
        session.setAuthHook(&negotiator);
        RequestSpec spec;
        spec.url = a.url(u"/k"_s);
        QSignalSpy changed(&store, &CredentialStore::accountsChanged);
        const QList<Exchange> chain = sendAndWait(session, log, spec);
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.last().statusCode, 200);
        QCOMPARE(provider.asked, 1);
        QVERIFY(changed.wait(20000) || !changed.isEmpty());
    }
    const QString origin = u"http://127.0.0.1:%1"_s.arg(a.port());
    const QList<StoredAccount> saved = store.accountsFor(origin, u"kc"_s);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).user, u"erin"_s);
    QCOMPARE(saved.at(0).scheme, u"Digest"_s);
    QVERIFY(!saved.at(0).sessionOnly);
    {
        // A new session (as after a restart): the keychain answers, nobody is asked.
        ExchangeLog log;
        HttpSession session(&log);
        AuthNegotiator negotiator;
        negotiator.setCredentialStore(&store);
        negotiator.setCredentialProvider(&provider);
        session.setAuthHook(&negotiator);
        RequestSpec spec;
        spec.url = a.url(u"/k"_s);
        QList<Exchange> chain = sendAndWait(session, log, spec);
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.last().statusCode, 200);
        QVERIFY2(chain.at(0).auth->reason.contains(u"from the keychain"_s),
                 qPrintable(chain.at(0).auth->reason));
        QCOMPARE(provider.asked, 1);

        // The same realm on another origin never gets that keychain entry: the prompt is asked.
        spec.url = b.url(u"/k"_s);
        chain = sendAndWait(session, log, spec);
        QCOMPARE(provider.asked, 2);
        QCOMPARE(chain.last().statusCode, 200);
        QCOMPARE(b.requests().at(0).header("Authorization"), QByteArray());
    }
    for (const StoredAccount &acc : store.accounts()) {
        if (acc.realm == u"kc"_s)
            waitFor([&](auto cb) { store.forget(acc, cb); });
    }
}

/// The child side of keychainUnavailableKeepsInMemory().
static int childWithoutKeychain()
{
    CredentialStore store;
    bool signalled = false;
    QObject::connect(&store, &CredentialStore::keychainUnavailable, &store,
                     [&signalled](const QString &) { signalled = true; });
    const StoredAccount a = account(u"dave"_s);
    const CredentialStoreResult w = waitFor([&](auto cb) { store.store(a, u"in-memory-secret"_s, cb); });
    const CredentialStoreResult r = waitFor([&](auto cb) { store.read(a, cb); });
    const QList<StoredAccount> listed = store.accountsFor(a.origin, a.realm);
    QTextStream(stdout) << "sessionOnly=" << int(w.sessionOnly) << "\nmessage=" << w.message
                        << "\nreadBack=" << int(r.secret == u"in-memory-secret"_s)
                        << "\nsignalled=" << int(signalled)
                        << "\nlistedSessionOnly=" << int(listed.size() == 1 && listed.at(0).sessionOnly)
                        << '\n';
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"PeepholeTests"_s);
    QCoreApplication::setApplicationName(u"tst_credentialstore"_s);
    if (argc > 1 && QByteArrayView(argv[1]) == "--child-without-keychain")
        return childWithoutKeychain();
    TestCredentialStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
