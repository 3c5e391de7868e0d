#include "cli/credentialscommand.h"

#include "auth/credentialstore.h"
#include "cli/exitcodes.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
QString usage()
{
    return QCoreApplication::translate(
        "Peephole::Cli", "Usage: peephole-cli credentials list\n"
                         "       peephole-cli credentials forget SCHEME ORIGIN REALM [USER]\n\n"
                         "Lists or forgets the credentials Peephole stored in the OS keychain.\n"
                         "ORIGIN is written as list prints it, e.g. https://api.example.com:443.\n");
}
} // namespace

int CredentialsCommand::run(const QStringList &args)
{
    const QString verb = args.value(0);
    CredentialStore store;
    if (verb == u"--help"_s || verb == u"-h"_s) {
        std::fputs(qPrintable(usage()), stdout);
        return Success;
    }
    if (verb == u"list"_s && args.size() == 1) {
        const QList<StoredAccount> accounts = store.accounts();
        if (accounts.isEmpty())
            std::puts(qPrintable(tr("No stored credentials.")));
        for (const StoredAccount &a : accounts) {
            std::printf("%s\t%s\t%s\t%s\n", qPrintable(a.scheme), qPrintable(a.origin), qPrintable(a.realm),
                        qPrintable(a.user.isEmpty() ? u"-"_s : a.user));
        }
        return Success;
    }
    if (verb == u"forget"_s && (args.size() == 4 || args.size() == 5)) {
        StoredAccount account;
        account.scheme = args.at(1);
        account.origin = args.at(2);
        account.realm = args.at(3);
        account.user = args.value(4);
        if (account.user == u"-"_s)
            account.user.clear(); // as `list` prints a token's empty user
        const QList<StoredAccount> known = store.accounts();
        if (std::none_of(known.begin(), known.end(),
                         [&](const StoredAccount &a) { return a.sameKey(account); })) {
            std::fprintf(
                stderr, "peephole-cli: %s\n",
                qPrintable(tr("no stored credential for %1 %2 realm \"%3\" user \"%4\"; see peephole-cli "
                              "credentials list")
                               .arg(account.scheme, account.origin, account.realm, account.user)));
            return Usage;
        }
        QEventLoop loop;
        CredentialStoreResult result;
        store.forget(account, [&](const CredentialStoreResult &r) {
            result = r;
            loop.quit();
        });
        loop.exec();
        if (!result.ok) {
            std::fprintf(
                stderr, "peephole-cli: %s\n",
                qPrintable(result.notFound
                               ? tr("no stored credential for %1 %2 realm \"%3\" user \"%4\"; "
                                    "see peephole-cli credentials list")
                                     .arg(account.scheme, account.origin, account.realm, account.user)
                               : result.message));
            return result.notFound ? Usage : Transport;
        }
        std::puts(qPrintable(tr("Forgotten.")));
        return Success;
    }
    std::fputs(qPrintable(usage()), stderr);
    return Usage;
}

} // namespace Peephole::Cli
