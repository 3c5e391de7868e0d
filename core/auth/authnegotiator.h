#pragma once

#include "auth/authanswer.h"
#include "auth/authoffers.h"
#include "auth/credentialprovider.h"
#include "auth/digestauth.h"
#include "http/authhook.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace Peephole {

class CredentialStore;

/// The authentication layer the engine calls (AuthHook): answers 401/407
/// with Basic, Digest or Bearer, keeps Digest nonces and accepted
/// credentials per origin + realm, checks Authentication-Info, and saves
/// credentials that worked when asked to.
///
/// Credentials come from, in order: the request's AuthSettings, credentials
/// already accepted this session, the CredentialStore (keychain), then the
/// CredentialProvider (a prompt). It never loops: at most one answer per
/// scheme per origin in a chain, plus one re-answer for Digest stale=true.
class AuthNegotiator : public QObject, public AuthHook
{
    Q_OBJECT
public:
    explicit AuthNegotiator(QObject *parent = nullptr);
    ~AuthNegotiator() override;

    /// Not owned; may be null (no keychain).
    void setCredentialStore(CredentialStore *store);
    /// Not owned; may be null (nobody to ask).
    void setCredentialProvider(CredentialProvider *provider) { m_provider = provider; }

    QUrl urlFor(const HopContext &hop) override;
    HeaderList headersFor(const HopContext &hop, AuthRecord &record) override;
    void responseReceived(const HopContext &hop, Exchange &exchange) override;
    void challenged(const HopContext &hop, Exchange &exchange,
                    std::function<void(const AuthRetry &, const AuthRecord &)> done) override;
    void chainFinished(quint64 chainId) override;

    /// Forgets nonces and credentials accepted this session.
    void clearSession();
    /// Forgets what this session accepted for @p origin (side key) and @p realm (after "forget").
    void forgetSessionCredential(const QString &origin, const QString &realm);
    /// The challenges of chain @p chainId are answered by asking the CredentialProvider, not with
    /// credentials accepted earlier or stored in the keychain ("use another credential").
    void askAgain(quint64 chainId) { m_askAgain.insert(chainId); }
    /// What exchange @p exchangeId answered, when it carried an answer to a challenge (the last
    /// MaxAnswersKept such exchanges are kept).
    AuthAnswer answerFor(quint64 exchangeId) const { return m_answers.value(exchangeId); }
    static constexpr int MaxAnswersKept = 10000;

    enum Side { OriginSide = 0, ProxySide = 1 };

    struct Credential
    {
        enum class Source { Request, Session, Keychain, Provider };
        Source source = Source::Request;
        QString user;
        QString password;
        QString token;
        bool remember = false;
    };

private:
    struct DigestSession
    {
        Challenge challenge;
        QByteArray nonce;
        quint32 nc = 0;
    };

    struct Sent
    {
        bool valid = false;
        bool preemptive = false;
        AuthOffer::Kind kind = AuthOffer::Kind::Basic;
        DigestHashAlgorithm algorithm = DigestHashAlgorithm::Md5;
        QString label;
        QString origin; ///< Side key: origin, or "proxy ..." for the proxy side.
        QString realm;
        Credential credential;
        DigestTrace trace;
        QString answered; ///< The challenge this answers (empty when sent preemptively).
        QString reason;   ///< Why this scheme was chosen.
        int ntlmLeg = 0;      ///< NTLM: 1 after the negotiate message, 3 after authenticate.
        QString handshake;    ///< The NTLM message sent, decoded.
    };

    struct ChainState
    {
        Sent sent[2];
        QHash<QString, int> answered; ///< side|origin|scheme -> answers given in this chain
        QSet<QString> staleUsed;
        QSet<QString> rejected; ///< side|origin whose credentials were refused in this chain
    };

    struct Pending; // one asynchronous challenge decision

    static QString sideKey(Side side, const HopContext &hop, const QUrl &proxy);
    static QString cacheKey(const QString &origin, const QString &realm) { return origin + u'\n' + realm; }
    static QByteArray requestTarget(Side side, const QUrl &url);

    /// The request's own credentials for @p side; none for the origin side when @p originAllowed is false.
    static Credential requestCredential(Side side, const AuthSettings &settings, const QUrl &proxy,
                                        bool originAllowed = true);
    bool sessionCredential(const QString &origin, const QString &realm, Credential *out) const;

    /// Builds the header for @p offer; on success fills @p sent and returns the value.
    QByteArray buildAnswer(Side side, const HopContext &hop, const AuthSettings &settings,
                           const QString &origin, const Challenge &challenge, const AuthOffer &offer,
                           const Credential &credential, Sent *sent, QString *error);
    /// A Digest header from the session cache (nc incremented), for a new hop or a re-send.
    QByteArray digestFromSession(Side side, const HopContext &hop, const QString &origin,
                                 const QString &realm, const Credential &credential, Sent *sent);

    /// AWS Signature V4 and API key fields for a hop (authnegotiator_keys.cpp).
    HeaderList keyHeaders(const HopContext &hop, AuthRecord &record);

    /// The NTLM type 3 leg (authnegotiator_ntlm.cpp); true when @p pending was handled.
    bool continueHandshake(std::shared_ptr<Pending> pending);

    void decide(std::shared_ptr<Pending> pending);
    void tryKeychain(std::shared_ptr<Pending> pending, QList<AuthOffer> candidates);
    void askProvider(std::shared_ptr<Pending> pending, const QString &refusal = {});
    void answerWith(std::shared_ptr<Pending> pending, const Credential &credential, const QString &preferred);
    void finish(std::shared_ptr<Pending> pending, bool retry);
    static void abandon(std::shared_ptr<Pending> pending);
    /// Re-adds the other side's credentials (Authorization beside Proxy-Authorization).
    void addOtherSide(Side answered, const HopContext &hop, const AuthSettings &settings,
                      HeaderList &headers);

    QPointer<CredentialStore> m_store;
    CredentialProvider *m_provider = nullptr;
    QHash<quint64, ChainState> m_chains;
    QHash<QString, DigestSession> m_digestSessions;  ///< cacheKey(origin, realm)
    QHash<QString, Credential> m_sessionCredentials; ///< cacheKey(origin, realm), accepted ones only
    QHash<QString, Sent> m_known;                    ///< side origin -> last accepted scheme (realm, kind)
    QHash<QString, QString> m_lastRejected;          ///< cacheKey -> message
    QSet<quint64> m_askAgain;                        ///< chains that ask instead of reusing credentials
    QHash<quint64, AuthAnswer> m_answers;            ///< exchange id -> what it answered
    QList<quint64> m_answerOrder;                    ///< oldest first, for the cap
    QHash<quint64, SigV4Trace> m_presigned;          ///< chain -> the presigned URL's signature
    QHash<quint64, QString> m_presignErrors;         ///< chain -> why its URL could not be presigned
};

} // namespace Peephole
