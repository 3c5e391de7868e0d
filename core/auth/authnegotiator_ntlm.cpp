// AuthNegotiator: the second leg of NTLM (type 2 challenge -> type 3 authenticate), which must go
// out on the connection the type 1 message went on.

#include "auth/authnegotiator_p.h"

#include "auth/ntlm.h"

using namespace Qt::StringLiterals;

namespace Peephole {

using namespace AuthNegotiatorDetail;

bool AuthNegotiator::continueHandshake(std::shared_ptr<Pending> p)
{
    ChainState &cs = m_chains[p->hop.chainId];
    Sent &sent = cs.sent[p->side];
    if (sent.ntlmLeg != 1)
        return false; // after type 3: a refusal, handled like any rejected credentials
    AuthRecord &rec = p->record;
    QByteArray type2;
    for (const Challenge &c : std::as_const(rec.challenges)) {
        if (c.isScheme("NTLM") && !c.token68.isEmpty())
            type2 = QByteArray::fromBase64(c.token68);
    }
    if (type2.isEmpty()) {
        rec.rejected = true;
        rec.explanation =
            p->newConnection
                ? tr("NTLM handshake broken: the server closed the connection after the type 1 message and "
                     "answered on a new one with a fresh challenge instead of a type 2 message.")
                : tr("NTLM handshake broken: the server answered the type 1 (negotiate) message without a type "
                     "2 challenge; it does not speak NTLM for this account or refused to begin.");
        rec.reason = tr("Not retrying: the handshake cannot continue.");
        finish(p, false);
        return true;
    }
    NtlmCredentials credentials;
    credentials.user = sent.credential.user;
    credentials.password = sent.credential.password;
    QString error;
    const QByteArray type3 = Ntlm::authenticate(type2, credentials, &error);
    if (type3.isEmpty()) {
        rec.explanation = error;
        rec.reason = tr("Not retrying: the NTLM challenge could not be answered.");
        finish(p, false);
        return true;
    }
    sent.ntlmLeg = 3;
    sent.handshake = Ntlm::decode(type3).summary();
    p->retry.headers.append(HeaderField{headerName(p->side), "NTLM " + type3.toBase64(), true});
    addOtherSide(p->side, p->hop, p->settings, p->retry.headers);
    rec.chosenScheme = u"NTLM"_s;
    rec.reason = tr("NTLM type 3 (authenticate, NTLMv2) answers the server's type 2 challenge on the same "
                    "connection.");
    if (p->closing)
        rec.explanation = tr("The server sent Connection: close with its NTLM challenge: the type 3 message has "
                             "to go on a new connection, where the server no longer knows the challenge.");
    qCDebug(lcAuth) << "NTLM type 3 for" << p->origin;
    finish(p, true);
    return true;
}

} // namespace Peephole
