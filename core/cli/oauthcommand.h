#pragma once

#include <QObject>
#include <QStringList>

namespace Peephole {
class OAuthClient;
class Workspace;
struct OAuthConfig;
struct OAuthTokens;
} // namespace Peephole

namespace Peephole::Cli {

/// `peephole-cli oauth token|show|list|forget|decode`: OAuth 2 / OpenID Connect tokens
/// for named configurations (non-secret settings in oauth.json, secrets in the keychain).
class OAuthCommand : public QObject
{
    Q_OBJECT
public:
    explicit OAuthCommand(QObject *parent = nullptr);
    int run(const QStringList &arguments);

private:
    int token(const QStringList &arguments);
    int show(const QStringList &arguments);
    int list(const QStringList &arguments);
    int forget(const QStringList &arguments);
    int decode(const QStringList &arguments);
    /// Prints one line per exchange the OAuth client sent (to stderr).
    void printExchanges(bool verbose, bool showSecrets);
    void printTokens(const OAuthConfig &config, const OAuthTokens &tokens, bool showSecrets);
    /// Waits for the keychain jobs still running.
    void settle();

    Workspace *m_workspace;
    qsizetype m_printed = 0;
};

} // namespace Peephole::Cli
