<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuthOffers</name>
    <message>
        <location filename="../../core/auth/authoffers.cpp" line="+42"/>
        <source>Digest %1 (not supported)</source>
        <translation>Digest %1 (nicht unterstützt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (not supported)</source>
        <translation>%1 (nicht unterstützt)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the request is set to use %1 only</source>
        <translation>der Request ist auf ausschließlich %1 eingestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you gave a token and the server offers Bearer</source>
        <translation>Sie haben ein Token angegeben und der Server bietet Bearer an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>strongest offered scheme you have credentials for</source>
        <translation>stärkstes angebotenes Schema, für das Zugangsdaten vorliegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 chosen: %2</source>
        <translation>%1 gewählt: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; also offered: %1</source>
        <translation>; außerdem angeboten: %1</translation>
    </message>
</context>
<context>
    <name>BasicAuth</name>
    <message>
        <location filename="../../core/auth/basicauth.cpp" line="+24"/>
        <source>The user name “%1” contains “:”, which Basic authentication cannot carry (RFC 7617 §2: the first colon separates user and password). Use another scheme or user name.</source>
        <translation>Der Benutzername „%1“ enthält „:“, was Basic-Authentifizierung nicht übertragen kann (RFC 7617 §2: Der erste Doppelpunkt trennt Benutzer und Passwort). Verwenden Sie ein anderes Schema oder einen anderen Benutzernamen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The %1 contains “%2” (U+%3), which ISO-8859-1 (Latin-1) cannot represent. Switch the Basic charset to UTF-8 or remove that character.</source>
        <translation>%1 enthält „%2“ (U+%3), das in ISO-8859-1 (Latin-1) nicht darstellbar ist. Stellen Sie den Basic-Zeichensatz auf UTF-8 um oder entfernen Sie dieses Zeichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>BearerAuth</name>
    <message>
        <location filename="../../core/auth/bearerauth.cpp" line="+12"/>
        <source>The Bearer token is empty.</source>
        <translation>Das Bearer-Token ist leer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Bearer token contains a space, control or non-ASCII character at position %1; a token must be printable ASCII (RFC 6750 §2.1). Check that it was pasted whole.</source>
        <translation>Das Bearer-Token enthält an Position %1 ein Leer-, Steuer- oder Nicht-ASCII-Zeichen; ein Token muss aus druckbarem ASCII bestehen (RFC 6750 §2.1). Prüfen Sie, ob es vollständig eingefügt wurde.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The token has expired or is invalid (invalid_token)</source>
        <translation>Das Token ist abgelaufen oder ungültig (invalid_token)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token lacks the scope this resource needs (insufficient_scope)</source>
        <translation>Dem Token fehlt der Scope, den diese Ressource benötigt (insufficient_scope)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token lacks the scope %1 (insufficient_scope)</source>
        <translation>Dem Token fehlt der Scope %1 (insufficient_scope)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request is malformed (invalid_request)</source>
        <translation>Der Request ist fehlerhaft (invalid_request)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server reported the error “%1”</source>
        <translation>Der Server meldete den Fehler „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Required scope: %1.</source>
        <translation>Benötigter Scope: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See %1</source>
        <translation>Siehe %1</translation>
    </message>
</context>
<context>
    <name>ChallengeParser</name>
    <message>
        <location filename="../../core/auth/challengeparser.cpp" line="+87"/>
        <source>Too many problems; the rest are not listed.</source>
        <translation>Zu viele Probleme; die übrigen werden nicht aufgeführt.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unexpected %1 after a parameter value; expected “,” or the end of the field. Skipped to the next comma.</source>
        <translation>Unerwartetes %1 nach einem Parameterwert; erwartet wurde „,“ oder das Feldende. Bis zum nächsten Komma übersprungen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Parameter “%1” has no value after “=”.</source>
        <translation>Parameter „%1“ hat keinen Wert nach „=“.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Control character (%1) inside the quoted value of “%2”.</source>
        <translation>Steuerzeichen (%1) im Wert in Anführungszeichen von „%2“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The quoted value of “%1” is never closed: a “&quot;” is missing.</source>
        <translation>Der Wert in Anführungszeichen von „%1“ wird nie geschlossen: Ein „&quot;“ fehlt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Parameter “%1” has no valid value: expected a token or a quoted string, found %2.</source>
        <translation>Parameter „%1“ hat keinen gültigen Wert: Erwartet wurde ein Token oder ein String in Anführungszeichen, gefunden wurde %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The value of “%1” contains characters that require quoting; it was accepted as is.</source>
        <translation>Der Wert von „%1“ enthält Zeichen, die Anführungszeichen erfordern; er wurde unverändert übernommen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Parameter “%1” appears twice in the %2 challenge; the first value is used.</source>
        <translation>Parameter „%1“ kommt in der %2-Challenge zweimal vor; der erste Wert wird verwendet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The %1 challenge has more than %2 parameters; this one is ignored.</source>
        <translation>Die %1-Challenge hat mehr als %2 Parameter; dieser wird ignoriert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Expected “=” after parameter name “%1”.</source>
        <translation>„=“ nach dem Parameternamen „%1“ erwartet.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Unexpected %1 where a scheme or parameter name was expected. Skipped to the next comma.</source>
        <translation>Unerwartetes %1, wo ein Schema- oder Parametername erwartet wurde. Bis zum nächsten Komma übersprungen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Parameter “%1” appears before any authentication scheme; it was ignored.</source>
        <translation>Parameter „%1“ steht vor jedem Authentifizierungsschema; er wurde ignoriert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parameter “%1” follows a token68 in the %2 challenge; it was ignored.</source>
        <translation>Parameter „%1“ folgt in der %2-Challenge auf ein token68; er wurde ignoriert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>More than %1 challenges; the rest are ignored.</source>
        <translation>Mehr als %1 Challenges; die übrigen werden ignoriert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unexpected %1 after the scheme name “%2”. Skipped to the next comma.</source>
        <translation>Unerwartetes %1 nach dem Schemanamen „%2“. Bis zum nächsten Komma übersprungen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Expected a token68 or a parameter after the scheme “%1”, found %2. Skipped to the next comma.</source>
        <translation>Nach dem Schema „%1“ wurde ein token68 oder ein Parameter erwartet, gefunden wurde %2. Bis zum nächsten Komma übersprungen.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>More than %1 header fields; the rest are ignored.</source>
        <translation>Mehr als %1 Header-Felder; die übrigen werden ignoriert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The field is longer than %1 bytes; the rest is ignored.</source>
        <translation>Das Feld ist länger als %1 Bytes; der Rest wird ignoriert.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Unexpected %1 where a parameter name was expected. Skipped to the next comma.</source>
        <translation>Unerwartetes %1, wo ein Parametername erwartet wurde. Bis zum nächsten Komma übersprungen.</translation>
    </message>
</context>
<context>
    <name>DigestAuth</name>
    <message>
        <location filename="../../core/auth/digestauth.cpp" line="+150"/>
        <source>The server asks for the Digest algorithm “%1”, which Peephole does not support (it supports MD5, SHA-256 and SHA-512-256, each with -sess).</source>
        <translation>Der Server verlangt den Digest-Algorithmus „%1“, den Peephole nicht unterstützt (unterstützt werden MD5, SHA-256 und SHA-512-256, jeweils auch mit -sess).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Digest challenge has no nonce; the server&apos;s challenge is malformed.</source>
        <translation>Die Digest-Challenge enthält keine Nonce; die Challenge des Servers ist fehlerhaft.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The Digest challenge offers only qop=“%1”, which Peephole does not know.</source>
        <translation>Die Digest-Challenge bietet nur qop=„%1“ an, das Peephole nicht kennt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server requires qop=auth-int, which hashes the whole request body, but the body is too large to be hashed here (over 64 MiB).</source>
        <translation>Der Server verlangt qop=auth-int, wofür der gesamte Request-Body gehasht wird, doch der Body ist dafür zu groß (über 64 MiB).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Digest challenge asks for %1 without qop; -sess algorithms need a qop.</source>
        <translation>Die Digest-Challenge verlangt %1 ohne qop; -sess-Algorithmen benötigen ein qop.</translation>
    </message>
</context>
<context>
    <name>Peephole</name>
    <message>
        <location filename="../../core/formats/curlwriter.cpp" line="+33"/>
        <source>The %1 is not UTF-8 text; its bytes cannot be written exactly in a shell command.</source>
        <translation>%1 ist kein UTF-8-Text; die Bytes lassen sich in einem Shell-Befehl nicht exakt wiedergeben.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The %1 contains NUL bytes, which a command line cannot carry; it is cut there.</source>
        <translation>%1 enthält NUL-Bytes, die eine Befehlszeile nicht übertragen kann; an dieser Stelle wird abgeschnitten.</translation>
    </message>
    <message>
        <location filename="../../core/formats/harwriter.cpp" line="+67"/>
        <source>Body truncated by Peephole to the first %1 of %2 bytes.</source>
        <translation>Body von Peephole auf die ersten %1 von %2 Bytes gekürzt.</translation>
    </message>
    <message>
        <location filename="../../core/formats/httpfilewriter.cpp" line="+46"/>
        <source>the secret was not written; it must be in the keychain.</source>
        <translation>das Geheimnis wurde nicht geschrieben; es muss im Schlüsselbund liegen.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>a body line starts with &quot;###&quot; and will be read back as the start of a new request.</source>
        <translation>eine Body-Zeile beginnt mit &quot;###&quot; und wird beim Einlesen als Beginn eines neuen Requests gelesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a body line starts like a response handler and will be read back as one.</source>
        <translation>eine Body-Zeile beginnt wie ein Response-Handler und wird beim Einlesen als solcher gelesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the body starts with &quot;&lt; &quot; and will be read back as a file reference.</source>
        <translation>der Body beginnt mit &quot;&lt; &quot; und wird beim Einlesen als Dateiverweis gelesen.</translation>
    </message>
    <message>
        <location filename="../../core/http/networkerrors.cpp" line="+30"/>
        <location line="+53"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>No data from %1 for %2 s: timed out. Raise the timeout or check that the server answers.</source>
        <translation>Seit %2 s keine Daten von %1: Zeitüberschreitung. Erhöhen Sie das Timeout oder prüfen Sie, ob der Server antwortet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection refused by %1: nothing listens there. Check the host and port, and that the server is running.</source>
        <translation>Verbindung von %1 abgelehnt: Dort lauscht nichts. Prüfen Sie Host und Port und ob der Server läuft.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Host name &quot;%1&quot; could not be resolved. Check the spelling and your DNS.</source>
        <translation>Der Hostname &quot;%1&quot; konnte nicht aufgelöst werden. Prüfen Sie die Schreibweise und Ihr DNS.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection to %1 timed out.</source>
        <translation>Zeitüberschreitung bei der Verbindung zu %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS handshake with %1 failed: %2.</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust the certificate with a CA file, or turn TLS verification off for this request.</source>
        <translation>Vertrauen Sie dem Zertifikat über eine CA-Datei oder schalten Sie die TLS-Prüfung für diesen Request ab.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> of %1 expected</source>
        <translation> von %1 erwarteten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection to %1 closed while reading the body, after %2 bytes%3.</source>
        <translation>Verbindung zu %1 beim Lesen des Bodys geschlossen, nach %2 Bytes%3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection to %1 closed before a response arrived.</source>
        <translation>Verbindung zu %1 geschlossen, bevor eine Response eintraf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Malformed response from %1: %2.</source>
        <translation>Fehlerhafte Response von %1: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Proxy error: %1.</source>
        <translation>Proxy-Fehler: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The body was cut after %1 of %2 bytes: %3.</source>
        <translation>Der Body wurde nach %1 von %2 Bytes abgeschnitten: %3.</translation>
    </message>
    <message>
        <location filename="../../core/http/requestbuilder.cpp" line="+40"/>
        <source>Cannot read the multipart file %1: %2</source>
        <translation>Die Multipart-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../core/http/tlsconfig.cpp" line="+21"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot load the PKCS#12 client certificate %1: wrong passphrase or not a PKCS#12 file.</source>
        <translation>Das PKCS#12-Client-Zertifikat %1 kann nicht geladen werden: falsche Passphrase oder keine PKCS#12-Datei.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No usable private key in %1 (PEM RSA or EC expected; is a passphrase needed?).</source>
        <translation>Kein verwendbarer privater Schlüssel in %1 (PEM-RSA oder -EC erwartet; wird eine Passphrase benötigt?).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 holds no certificate (PEM or DER expected).</source>
        <translation>%1 enthält kein Zertifikat (PEM oder DER erwartet).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>subject &quot;%1&quot;, issuer &quot;%2&quot;, valid %3 to %4, SHA-256 %5</source>
        <translation>Inhaber &quot;%1&quot;, Aussteller &quot;%2&quot;, gültig von %3 bis %4, SHA-256 %5</translation>
    </message>
    <message>
        <location filename="../../ui/collections/importwriter.cpp" line="+40"/>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>Peephole::Assertions</name>
    <message>
        <location filename="../../core/replay/assertions.cpp" line="+52"/>
        <source>%1 needs numbers, got &quot;%2&quot; and &quot;%3&quot;</source>
        <translation>%1 benötigt Zahlen, erhalten: &quot;%2&quot; und &quot;%3&quot;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>invalid regular expression &quot;%1&quot;: %2</source>
        <translation>ungültiger regulärer Ausdruck &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the body is not JSON (%1 at offset %2)</source>
        <translation>der Body ist kein JSON (%1 bei Offset %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a JSON path starts with $, e.g. $.user.id</source>
        <translation>ein JSON-Pfad beginnt mit $, z. B. $.user.id</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unclosed [ in %1</source>
        <translation>nicht geschlossene [ in %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not an array index in %2</source>
        <translation>&quot;%1&quot; ist kein Array-Index in %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unexpected &quot;%1&quot; in %2</source>
        <translation>unerwartetes &quot;%1&quot; in %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>empty assertion</source>
        <translation>leere Assertion</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;header&quot; needs a header name: header content-type contains json</source>
        <translation>&quot;header&quot; benötigt einen Header-Namen: header content-type contains json</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>unknown subject &quot;%1&quot;: use status, header NAME, body, body $.path or duration</source>
        <translation>unbekannter Gegenstand &quot;%1&quot;: verwenden Sie status, header NAME, body, body $.path oder duration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing operator after &quot;%1&quot; (==, !=, &lt;, &gt;, contains, exists...)</source>
        <translation>fehlender Operator nach &quot;%1&quot; (==, !=, &lt;, &gt;, contains, exists...)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown operator &quot;%1&quot;</source>
        <translation>unbekannter Operator &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is present</source>
        <translation>%1 ist vorhanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is &quot;%2&quot;, expected %3 &quot;%4&quot;</source>
        <translation>%1 ist &quot;%2&quot;, erwartet: %3 &quot;%4&quot;</translation>
    </message>
</context>
<context>
    <name>Peephole::AuthEditor</name>
    <message>
        <location filename="../../ui/composer/autheditor.cpp" line="+16"/>
        <source>Send with the first request (preemptive)</source>
        <translation>Mit dem ersten Request senden (präemptiv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encode Basic credentials as Latin-1 (legacy servers)</source>
        <translation>Basic-Zugangsdaten als Latin-1 kodieren (ältere Server)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember in the keychain when the server accepts them</source>
        <translation>Im Schlüsselbund speichern, wenn der Server sie akzeptiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask when challenged</source>
        <translation>Bei Challenge nachfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strongest offered (Digest SHA-512-256 &gt; SHA-256 &gt; MD5 &gt; Basic)</source>
        <translation>Stärkstes angebotenes (Digest SHA-512-256 &gt; SHA-256 &gt; MD5 &gt; Basic)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Password (kept in memory or the keychain, never in a file)</source>
        <translation>Passwort (im Speicher oder im Schlüsselbund, nie in einer Datei)</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use a credential stored in the OS keychain; its secret is read at send time.</source>
        <translation>Im Schlüsselbund des Systems gespeicherte Zugangsdaten verwenden; das Geheimnis wird beim Senden gelesen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheme:</source>
        <translation>Schema:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored credential:</source>
        <translation>Gespeicherte Zugangsdaten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>When the server or a proxy answers 401 or 407, Peephole shows every challenge and asks for credentials in the auth panel, offering those stored in the keychain.</source>
        <translation>Antwortet der Server oder ein Proxy mit 401 oder 407, zeigt Peephole jede Challenge an und fragt im Auth-Bereich nach Zugangsdaten; im Schlüsselbund gespeicherte werden angeboten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Challenges are answered automatically; the Auth tab of each exchange says which scheme was chosen and why.</source>
        <translation>Challenges werden automatisch beantwortet; der Auth-Tab jedes Austauschs zeigt, welches Schema gewählt wurde und warum.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None in the keychain yet</source>
        <translation>Noch keine im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type credentials below</source>
        <translation>Zugangsdaten unten eingeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2 — %3 (realm “%4”)</source>
        <translation>%1 — %2 — %3 (Realm „%4“)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+1"/>
        <source>From the keychain</source>
        <translation>Aus dem Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>Peephole::AuthNegotiator</name>
    <message>
        <location filename="../../core/auth/authnegotiator.cpp" line="+128"/>
        <source>%1 is not supported.</source>
        <translation>%1 wird nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../../core/auth/authnegotiator_challenge.cpp" line="+54"/>
        <source>The server answered %1 without a %2 field: there is no challenge to answer.</source>
        <translation>Der Server antwortete %1 ohne %2-Feld: Es gibt keine Challenge zu beantworten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 field could not be parsed: there is no challenge to answer.</source>
        <translation>Das %1-Feld konnte nicht geparst werden: Es gibt keine Challenge zu beantworten.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 chosen again: the server said stale=true (the nonce expired, the password was right); answered with the new nonce without asking.</source>
        <translation>%1 erneut gewählt: Der Server meldete stale=true (die Nonce war abgelaufen, das Passwort stimmte); ohne Rückfrage mit der neuen Nonce beantwortet.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the token</source>
        <translation>das Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the %1 credentials of user “%2”</source>
        <translation>die %1-Zugangsdaten von Benutzer „%2“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials rejected: the server refused %1 (%2).</source>
        <translation>Zugangsdaten abgelehnt: Der Server hat %1 zurückgewiesen (%2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The password saved in the keychain may be outdated; update or forget it.</source>
        <translation>Das im Schlüsselbund gespeicherte Passwort ist möglicherweise veraltet; aktualisieren oder vergessen Sie es.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not retrying: the same credentials would be refused again.</source>
        <translation>Kein neuer Versuch: Dieselben Zugangsdaten würden erneut abgelehnt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not retrying: credentials for %1 were already refused in this request (no downgrade to another scheme).</source>
        <translation>Kein neuer Versuch: Zugangsdaten für %1 wurden in diesem Request bereits abgelehnt (kein Wechsel auf ein schwächeres Schema).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No supported scheme offered (offered: %1).</source>
        <translation>Kein unterstütztes Schema angeboten (angeboten: %1).</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>No credentials for the offered schemes allowed by this request.</source>
        <translation>Keine Zugangsdaten für die angebotenen, in diesem Request erlaubten Schemata.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No credentials to answer %1 (realm “%2”): set them in the request&apos;s authentication settings.</source>
        <translation>Keine Zugangsdaten, um %1 zu beantworten (Realm „%2“): Legen Sie sie in den Authentifizierungseinstellungen des Requests fest.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not retrying: the credential prompt was cancelled.</source>
        <translation>Kein neuer Versuch: Die Abfrage der Zugangsdaten wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 was already answered for %2 in this request; not retrying to avoid a loop.</source>
        <translation>%1 wurde für %2 in diesem Request bereits beantwortet; kein neuer Versuch, um eine Schleife zu vermeiden.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>None of the offered schemes can use the credentials at hand.</source>
        <translation>Keines der angebotenen Schemata kann die vorhandenen Zugangsdaten verwenden.</translation>
    </message>
    <message>
        <location filename="../../core/auth/authnegotiator_hops.cpp" line="+106"/>
        <location line="+19"/>
        <source>%1 (proxy)</source>
        <translation>%1 (Proxy)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saving the %1 credentials for %2 in the keychain.</source>
        <translation>Die %1-Zugangsdaten für %2 werden im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>rspauth not checked: qop=auth-int needs the whole response body, which had not arrived yet.</source>
        <translation>rspauth nicht geprüft: qop=auth-int benötigt den gesamten Response-Body, der noch nicht eingetroffen war.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rspauth verified: the server proved it knows your password.</source>
        <translation>rspauth bestätigt: Der Server hat bewiesen, dass er Ihr Passwort kennt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rspauth verified: the server proved it knows your password (it hashed the request body for auth-int, not the response body).</source>
        <translation>rspauth bestätigt: Der Server hat bewiesen, dass er Ihr Passwort kennt (er hat für auth-int den Request-Body gehasht, nicht den Response-Body).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rspauth MISMATCH: expected %1, received %2. The response may not come from a server that knows your password.</source>
        <translation>rspauth STIMMT NICHT ÜBEREIN: erwartet %1, erhalten %2. Die Response stammt möglicherweise nicht von einem Server, der Ihr Passwort kennt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>nextnonce adopted: the next request uses nonce “%1”.</source>
        <translation>nextnonce übernommen: Der nächste Request verwendet die Nonce „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication-Info received without rspauth or nextnonce.</source>
        <translation>Authentication-Info ohne rspauth oder nextnonce erhalten.</translation>
    </message>
    <message>
        <location filename="../../core/auth/authnegotiator_p.h" line="+46"/>
        <source>credentials from the request</source>
        <translation>Zugangsdaten aus dem Request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>credentials accepted earlier in this session</source>
        <translation>in dieser Sitzung bereits akzeptierte Zugangsdaten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>credentials from the keychain</source>
        <translation>Zugangsdaten aus dem Schlüsselbund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>credentials you entered</source>
        <translation>von Ihnen eingegebene Zugangsdaten</translation>
    </message>
</context>
<context>
    <name>Peephole::AuthPanel</name>
    <message>
        <location filename="../../ui/auth/authpanel.cpp" line="+74"/>
        <source>Remember in the keychain</source>
        <translation>Im Schlüsselbund speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Don&apos;t answer</source>
        <translation>Nicht beantworten</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stored in the OS keychain, for this origin and realm only, once the server accepts them.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nur für diesen Origin und Realm, sobald der Server sie akzeptiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer with:</source>
        <translation>Antworten mit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored:</source>
        <translation>Gespeichert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The proxy %1 asks for credentials (407)</source>
        <translation>Der Proxy %1 verlangt Zugangsdaten (407)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 asks for credentials (401)</source>
        <translation>%1 verlangt Zugangsdaten (401)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — realm “%1”</source>
        <translation> — Realm „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server offered:</source>
        <translation>Der Server bot an:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>None stored for this origin and realm</source>
        <translation>Keine für diesen Origin und Realm gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type new credentials</source>
        <translation>Neue Zugangsdaten eingeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2, this session only)</source>
        <translation>%1 (%2, nur diese Sitzung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2, keychain)</source>
        <translation>%1 (%2, Schlüsselbund)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not read the stored credential: %1</source>
        <translation>Die gespeicherten Zugangsdaten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filled from the keychain.</source>
        <translation>Aus dem Schlüsselbund ausgefüllt.</translation>
    </message>
</context>
<context>
    <name>Peephole::AuthView</name>
    <message>
        <location filename="../../ui/details/authview.cpp" line="+36"/>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No authentication took part in this exchange.</source>
        <translation>An diesem Austausch war keine Authentifizierung beteiligt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Challenge</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from the proxy (Proxy-Authenticate)</source>
        <translation>%1 vom Proxy (Proxy-Authenticate)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from the server (WWW-Authenticate)</source>
        <translation>%1 vom Server (WWW-Authenticate)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials sent</source>
        <translation>Gesendete Zugangsdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>%1 (in this request)</source>
        <translation>%1 (in diesem Request)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rejected: the server refused the credentials that were sent.</source>
        <translation>Abgelehnt: Der Server hat die gesendeten Zugangsdaten zurückgewiesen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Challenges (%1)</source>
        <translation>Challenges (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>token68</source>
        <translation>token68</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(no parameters)</source>
        <translation>(keine Parameter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field %1, byte %2</source>
        <translation>Feld %1, Byte %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheme chosen</source>
        <translation>Gewähltes Schema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Digest computation</source>
        <translation>Digest-Berechnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>algorithm</source>
        <translation>algorithm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>realm</source>
        <translation>realm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nonce</source>
        <translation>nonce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cnonce</source>
        <translation>cnonce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nc</source>
        <translation>nc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qop</source>
        <translation>qop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uri</source>
        <translation>uri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>username (hashed, userhash=true)</source>
        <translation>username (gehasht, userhash=true)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>username</source>
        <translation>username</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>H(A1)</source>
        <translation>H(A1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>H(A2)</source>
        <translation>H(A2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>response</source>
        <translation>response</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Authentication-Info</source>
        <translation>Authentication-Info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
</context>
<context>
    <name>Peephole::BlockParser</name>
    <message>
        <location filename="../../core/formats/httpfileparser.cpp" line="+136"/>
        <source>@%1 needs a whole number, not &quot;%2&quot;.</source>
        <translation>@%1 benötigt eine ganze Zahl, nicht &quot;%2&quot;.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>@peephole-assert needs an expression, e.g. status == 200.</source>
        <translation>@peephole-assert benötigt einen Ausdruck, z. B. status == 200.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A block without a request; its comments were dropped.</source>
        <translation>Ein Block ohne Request; seine Kommentare wurden verworfen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&quot;%1&quot; is not a valid absolute URL%2.</source>
        <translation>&quot;%1&quot; ist keine gültige absolute URL%2.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>@peephole-disabled needs a header &quot;Name: value&quot;.</source>
        <translation>@peephole-disabled benötigt einen Header &quot;Name: value&quot;.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a header (&quot;Name: value&quot;). Put a blank line between the headers and the body.</source>
        <translation>&quot;%1&quot; ist kein Header (&quot;Name: value&quot;). Setzen Sie eine Leerzeile zwischen Header und Body.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>request at line %1</source>
        <translation>Request in Zeile %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response handler scripts are kept in the file but not run.</source>
        <translation>Response-Handler-Skripte bleiben in der Datei erhalten, werden aber nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Including a file inside a body (&quot;%1&quot;) is only supported in multipart bodies; the line is sent as text.</source>
        <translation>Das Einbinden einer Datei in einen Body (&quot;%1&quot;) wird nur in Multipart-Bodys unterstützt; die Zeile wird als Text gesendet.</translation>
    </message>
</context>
<context>
    <name>Peephole::BodyEditor</name>
    <message>
        <location filename="../../ui/composer/bodyeditor.cpp" line="+48"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No body</source>
        <translation>Kein Body</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form (urlencoded)</source>
        <translation>Formular (urlencoded)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multipart form</source>
        <translation>Multipart-Formular</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body type</source>
        <translation>Body-Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This request has no body.</source>
        <translation>Dieser Request hat keinen Body.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Content-Type:</source>
        <translation>Content-Type:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request body</source>
        <translation>Request-Body</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A value starting with @ sends that file, e.g. @/home/me/photo.png</source>
        <translation>Ein Wert, der mit @ beginnt, sendet diese Datei, z. B. @/home/me/photo.png</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File to send, streamed from disk</source>
        <translation>Zu sendende Datei, wird direkt vom Datenträger gestreamt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose the file to send</source>
        <translation>Zu sendende Datei auswählen</translation>
    </message>
</context>
<context>
    <name>Peephole::BodyView</name>
    <message>
        <location filename="../../ui/details/bodyview.cpp" line="+39"/>
        <source>Pretty</source>
        <translation>Formatiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Format anyway</source>
        <translation>Trotzdem formatieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reindent the whole body in the background; the window stays responsive.</source>
        <translation>Den gesamten Body im Hintergrund neu einrücken; das Fenster bleibt bedienbar.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Formatting… %1%</source>
        <translation>Wird formatiert… %1%</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no type</source>
        <translation>kein Typ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This body is %1, more than %2: it opened unformatted so that the window stays responsive.</source>
        <translation>Dieser Body ist %1 groß, mehr als %2: Er wurde unformatiert geöffnet, damit das Fenster bedienbar bleibt.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The tree is limited to bodies up to %1.</source>
        <translation>Die Baumansicht ist auf Bodys bis %1 beschränkt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A collapsible tree of the JSON document</source>
        <translation>Ein aufklappbarer Baum des JSON-Dokuments</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The body is empty.</source>
        <translation>Der Body ist leer.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No body.</source>
        <translation>Kein Body.</translation>
    </message>
    <message>
        <location filename="../../ui/details/bodyviewjobs.cpp" line="+41"/>
        <source>Waiting for the body to arrive before formatting…</source>
        <translation>Warten auf den Body, bevor formatiert wird…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Formatting…</source>
        <translation>Wird formatiert…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Waiting for the body to arrive…</source>
        <translation>Warten auf den Body…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parsing…</source>
        <translation>Wird geparst…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for the image to arrive…</source>
        <translation>Warten auf das Bild…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decoding the image…</source>
        <translation>Bild wird dekodiert…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not valid JSON: %1 The text is reindented as received.</source>
        <translation>Kein gültiges JSON: %1 Der Text wird so eingerückt, wie er empfangen wurde.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 × %2 px · %3 · %4</source>
        <translation>%1 × %2 px · %3 · %4</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli</name>
    <message>
        <location filename="../../core/cli/cliapp.cpp" line="+25"/>
        <source>Usage: peephole-cli COMMAND [options]

Commands:
  send URL           send one request and print every exchange of its chain
  run PATH           run a collection&apos;s requests and check their responses
  convert IN [OUT]   convert between curl, HAR, Postman and .http files
  credentials        list or forget credentials stored in the OS keychain
  help [COMMAND]     show help

Options:
  -h, --help         show this help
  --version          show the version

Run &quot;peephole-cli COMMAND --help&quot; for a command&apos;s options.

</source>
        <translation>Aufruf: peephole-cli BEFEHL [Optionen]

Befehle:
  send URL           einen Request senden und jeden Austausch seiner Kette ausgeben
  run PATH           die Requests einer Sammlung ausführen und ihre Responses prüfen
  convert IN [OUT]   zwischen curl-, HAR-, Postman- und .http-Dateien konvertieren
  credentials        im Schlüsselbund des Systems gespeicherte Zugangsdaten auflisten oder vergessen
  help [BEFEHL]      Hilfe anzeigen

Optionen:
  -h, --help         diese Hilfe anzeigen
  --version          die Version anzeigen

&quot;peephole-cli BEFEHL --help&quot; zeigt die Optionen eines Befehls.

</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>unknown command &quot;%1&quot;. Run peephole-cli --help for the list.</source>
        <translation>unbekannter Befehl &quot;%1&quot;. peephole-cli --help zeigt die Liste.</translation>
    </message>
    <message>
        <location filename="../../core/cli/credentialscommand.cpp" line="+18"/>
        <source>Usage: peephole-cli credentials list
       peephole-cli credentials forget SCHEME ORIGIN REALM [USER]

Lists or forgets the credentials Peephole stored in the OS keychain.
ORIGIN is written as list prints it, e.g. https://api.example.com:443.
</source>
        <translation>Aufruf: peephole-cli credentials list
        peephole-cli credentials forget SCHEMA ORIGIN REALM [BENUTZER]

Listet die Zugangsdaten auf, die Peephole im Schlüsselbund des Systems gespeichert hat, oder vergisst sie.
ORIGIN wird so geschrieben, wie list es ausgibt, z. B. https://api.example.com:443.
</translation>
    </message>
    <message>
        <location filename="../../core/cli/exchangeprinter.cpp" line="+36"/>
        <source>following a redirect</source>
        <translation>folgt einer Weiterleitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answering the server&apos;s challenge</source>
        <translation>beantwortet die Challenge des Servers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answering the proxy&apos;s challenge</source>
        <translation>beantwortet die Challenge des Proxys</translation>
    </message>
    <message>
        <location filename="../../core/cli/exitcodes.cpp" line="+43"/>
        <source>Exit codes:
   0  success
   2  usage error (unknown option, bad URL, bad value)
   3  an input file could not be read
   5  host name not resolved
   6  connection refused
   7  timeout
   8  TLS failure
   9  connection reset or body cut short
  10  malformed response
  11  too many redirects or a redirect loop
  12  proxy error
  13  the output could not be written
  14  other transport error
  22  HTTP status 400 or more, with --fail
  25  authentication rejected or not answered
  30  run: a request failed or its response changed
</source>
        <translation>Exit-Codes:
   0  Erfolg
   2  Aufruffehler (unbekannte Option, ungültige URL, ungültiger Wert)
   3  eine Eingabedatei konnte nicht gelesen werden
   5  Hostname nicht aufgelöst
   6  Verbindung abgelehnt
   7  Zeitüberschreitung
   8  TLS-Fehler
   9  Verbindung zurückgesetzt oder Body abgeschnitten
  10  fehlerhafte Response
  11  zu viele Weiterleitungen oder eine Weiterleitungsschleife
  12  Proxy-Fehler
  13  die Ausgabe konnte nicht geschrieben werden
  14  anderer Übertragungsfehler
  22  HTTP-Status 400 oder höher, mit --fail
  25  Authentifizierung abgelehnt oder nicht beantwortet
  30  run: ein Request ist fehlgeschlagen oder seine Response hat sich geändert
</translation>
    </message>
    <message>
        <location filename="../../core/cli/sendoptions.cpp" line="+105"/>
        <source>cannot read &quot;%1&quot;: no such readable file</source>
        <translation>&quot;%1&quot; kann nicht gelesen werden: keine solche lesbare Datei</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>See peephole-cli send --help.</source>
        <translation>Siehe peephole-cli send --help.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no URL given. Usage: peephole-cli send [options] URL</source>
        <translation>keine URL angegeben. Aufruf: peephole-cli send [Optionen] URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than one URL given: %1</source>
        <translation>mehr als eine URL angegeben: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>bad URL &quot;%1&quot;: %2</source>
        <translation>ungültige URL &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bad URL &quot;%1&quot;: only http and https are supported</source>
        <translation>ungültige URL &quot;%1&quot;: nur http und https werden unterstützt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bad header &quot;%1&quot;: expected &quot;Name: value&quot; with a valid field name</source>
        <translation>ungültiger Header &quot;%1&quot;: erwartet wird &quot;Name: value&quot; mit gültigem Feldnamen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>use either --data or --data-file, not both</source>
        <translation>verwenden Sie entweder --data oder --data-file, nicht beides</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>bad method &quot;%1&quot;: a method is a token (letters, digits, !#$%&amp;&apos;*+-.^_`|~)</source>
        <translation>ungültige Methode &quot;%1&quot;: eine Methode ist ein Token (Buchstaben, Ziffern, !#$%&amp;&apos;*+-.^_`|~)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>bad --max-redirects &quot;%1&quot;: expected a number of 0 or more</source>
        <translation>ungültiges --max-redirects &quot;%1&quot;: erwartet wird eine Zahl ab 0</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>bad --timeout &quot;%1&quot;: expected seconds, e.g. 2.5</source>
        <translation>ungültiges --timeout &quot;%1&quot;: erwartet werden Sekunden, z. B. 2.5</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>bad --proxy &quot;%1&quot;: expected http://host:port or socks5://host:port</source>
        <translation>ungültiges --proxy &quot;%1&quot;: erwartet wird http://host:port oder socks5://host:port</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>bad --auth &quot;%1&quot;: expected any, basic, digest or bearer</source>
        <translation>ungültiges --auth &quot;%1&quot;: erwartet wird any, basic, digest oder bearer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>choose one of --verbose, --head and --body-only</source>
        <translation>wählen Sie nur eine von --verbose, --head und --body-only</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli::ConvertCommand</name>
    <message>
        <location filename="../../core/cli/convertcommand.cpp" line="+276"/>
        <source>
Exit codes: 0 converted, 2 usage, 3 the input cannot be read or parsed (nothing is written), 13 the output cannot be written.
</source>
        <translation>
Exit-Codes: 0 konvertiert, 2 Aufruffehler, 3 die Eingabe kann nicht gelesen oder geparst werden (nichts wird geschrieben), 13 die Ausgabe kann nicht geschrieben werden.
</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--from and --to take one of: %1 (got &quot;%2&quot; and &quot;%3&quot;)</source>
        <translation>--from und --to erwarten eines von: %1 (erhalten: &quot;%2&quot; und &quot;%3&quot;)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give the input file and, optionally, the output file</source>
        <translation>geben Sie die Eingabedatei und optional die Ausgabedatei an</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>converted %1 requests to %2</source>
        <translation>%1 Requests nach %2 konvertiert</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli::ConvertFormats</name>
    <message>
        <location line="-255"/>
        <source>request %1</source>
        <translation>Request %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>the %1 was moved out of the requests: they use {{%2}}; set it in an environment or the keychain</source>
        <translation>%1 wurde aus den Requests herausgelöst: Sie verwenden {{%2}}; setzen Sie den Wert in einer Umgebung oder im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the input holds no request</source>
        <translation>die Eingabe enthält keinen Request</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: the URL holds {{variables}}; they are written as they are</source>
        <translation>%1: Die URL enthält {{Variablen}}; sie werden unverändert geschrieben</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: skipped: HAR needs a complete URL, this one is &quot;%2&quot; (resolve its {{variables}} first)</source>
        <translation>%1: übersprungen: HAR benötigt eine vollständige URL, diese lautet &quot;%2&quot; (lösen Sie zuerst ihre {{Variablen}} auf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: only raw bodies are written to HAR</source>
        <translation>%1: nur Roh-Bodys werden in HAR geschrieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no request could be written to HAR</source>
        <translation>kein Request konnte in HAR geschrieben werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the HAR holds the requests only: no response was recorded</source>
        <translation>die HAR-Datei enthält nur die Requests: Es wurde keine Response aufgezeichnet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Converted by Peephole</source>
        <translation>Konvertiert von Peephole</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>this format cannot be written</source>
        <translation>dieses Format kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli::CredentialsCommand</name>
    <message>
        <location filename="../../core/cli/credentialscommand.cpp" line="+19"/>
        <source>No stored credentials.</source>
        <translation>Keine gespeicherten Zugangsdaten.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+16"/>
        <source>no stored credential for %1 %2 realm &quot;%3&quot; user &quot;%4&quot;; see peephole-cli credentials list</source>
        <translation>keine gespeicherten Zugangsdaten für %1 %2 Realm &quot;%3&quot; Benutzer &quot;%4&quot;; siehe peephole-cli credentials list</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forgotten.</source>
        <translation>Vergessen.</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli::ExchangePrinter</name>
    <message>
        <location filename="../../core/cli/exchangeprinter.cpp" line="+29"/>
        <source>Timing: connect %1, TLS %2, request sent %3, first byte %4, total %5</source>
        <translation>Zeiten: Verbindung %1, TLS %2, Request gesendet %3, erstes Byte %4, gesamt %5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TLS: %1, %2</source>
        <translation>TLS: %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server certificate: %1</source>
        <translation>Server-Zertifikat: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS problem: %1</source>
        <translation>TLS-Problem: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cookie set: %1</source>
        <translation>Cookie gesetzt: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Challenge: %1 %2</source>
        <translation>Challenge: %1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Malformed challenge (field %1, offset %2): %3</source>
        <translation>Fehlerhafte Challenge (Feld %1, Offset %2): %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answering with %1: %2</source>
        <translation>Antwort mit %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hop %1: %2</source>
        <translation>Hop %1: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Binary body of %1 bytes not printed to the terminal; use --output FILE.</source>
        <translation>Binärer Body mit %1 Bytes wird nicht im Terminal ausgegeben; verwenden Sie --output DATEI.</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli::Parser</name>
    <message>
        <location filename="../../core/cli/convertcommand.cpp" line="-225"/>
        <source>Input format: curl, har, postman or http.</source>
        <translation>Eingabeformat: curl, har, postman oder http.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output format: curl, har, postman or http.</source>
        <translation>Ausgabeformat: curl, har, postman oder http.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/cli/runcommand.cpp" line="+72"/>
        <location filename="../../core/cli/sendoptions.cpp" line="-201"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Convert requests between curl, HAR, Postman and .http files.</source>
        <translation>Requests zwischen curl-, HAR-, Postman- und .http-Dateien konvertieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file to read (&quot;-&quot; for standard input).</source>
        <translation>Die zu lesende Datei (&quot;-&quot; für die Standardeingabe).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file to write; standard output when left out.</source>
        <translation>Die zu schreibende Datei; ohne Angabe die Standardausgabe.</translation>
    </message>
    <message>
        <location filename="../../core/cli/runcommand.cpp" line="-16"/>
        <source>Environment of http-client.env.json to use.</source>
        <translation>Zu verwendende Umgebung aus http-client.env.json.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run only the requests under this folder (relative path).</source>
        <translation>Nur die Requests unterhalb dieses Ordners ausführen (relativer Pfad).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests in flight at once (default 1).</source>
        <translation>Gleichzeitig laufende Requests (Standard 1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop at the first request that does not pass.</source>
        <translation>Beim ersten nicht bestandenen Request anhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set a variable NAME=VALUE (wins over every other scope); repeatable.</source>
        <translation>Eine Variable NAME=WERT setzen (hat Vorrang vor allen anderen Bereichen); wiederholbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save every response as the expected one under .peephole/expected/.</source>
        <translation>Jede Response als erwartete unter .peephole/expected/ speichern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also ignore this header when comparing with expected responses; repeatable.</source>
        <translation>Diesen Header beim Vergleich mit erwarteten Responses zusätzlich ignorieren; wiederholbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print only the requests that did not pass, and the summary.</source>
        <translation>Nur die nicht bestandenen Requests und die Zusammenfassung ausgeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run the requests of a collection and check their responses.</source>
        <translation>Die Requests einer Sammlung ausführen und ihre Responses prüfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A collection folder, or one .http file.</source>
        <translation>Ein Sammlungsordner oder eine .http-Datei.</translation>
    </message>
    <message>
        <location filename="../../core/cli/sendoptions.cpp" line="-42"/>
        <source>Request method (any token).</source>
        <translation>Request-Methode (beliebiges Token).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a header line &quot;Name: value&quot;; repeatable.</source>
        <translation>Eine Header-Zeile &quot;Name: value&quot; hinzufügen; wiederholbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request body; @FILE reads a file. Implies POST.</source>
        <translation>Request-Body; @DATEI liest eine Datei. Impliziert POST.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream the request body from FILE. Implies POST.</source>
        <translation>Den Request-Body aus DATEI streamen. Impliziert POST.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the response body to FILE.</source>
        <translation>Den Response-Body in DATEI schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the chain of exchanges as a HAR 1.2 log to FILE.</source>
        <translation>Die Kette der Austausche als HAR-1.2-Log in DATEI schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not follow redirects.</source>
        <translation>Weiterleitungen nicht folgen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow at most N redirects (default 10).</source>
        <translation>Höchstens N Weiterleitungen folgen (Standard 10).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not verify the server&apos;s TLS certificate.</source>
        <translation>Das TLS-Zertifikat des Servers nicht prüfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust the CA certificates in FILE (PEM).</source>
        <translation>Den CA-Zertifikaten in DATEI vertrauen (PEM).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate, PEM or PKCS#12 (.p12).</source>
        <translation>Client-Zertifikat, PEM oder PKCS#12 (.p12).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key of the client certificate (PEM).</source>
        <translation>Privater Schlüssel des Client-Zertifikats (PEM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send through this proxy: http://host:port or socks5://...</source>
        <translation>Über diesen Proxy senden: http://host:port oder socks5://...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give up after S seconds without data (default 30).</source>
        <translation>Nach S Sekunden ohne Daten aufgeben (Standard 30).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow HTTP/2 over TLS (the default).</source>
        <translation>HTTP/2 über TLS erlauben (Standard).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use HTTP/1.1 only.</source>
        <translation>Nur HTTP/1.1 verwenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleartext HTTP/2 with prior knowledge.</source>
        <translation>Unverschlüsseltes HTTP/2 mit Vorwissen (prior knowledge).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit with code 22 when the final status is 400 or more.</source>
        <translation>Mit Code 22 beenden, wenn der endgültige Status 400 oder höher ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also show timings, TLS, cookies and challenges.</source>
        <translation>Zusätzlich Zeiten, TLS, Cookies und Challenges anzeigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the heads only, no body (the method stays; use -X HEAD to send HEAD).</source>
        <translation>Nur die Köpfe ausgeben, keinen Body (die Methode bleibt; mit -X HEAD wird HEAD gesendet).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the response body only.</source>
        <translation>Nur den Response-Body ausgeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credentials NAME[:PASSWORD]; asks for the password when left out.</source>
        <translation>Zugangsdaten NAME[:PASSWORT]; ohne Passwort wird danach gefragt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which scheme to answer: any (default), basic, digest, bearer.</source>
        <translation>Welches Schema beantwortet wird: any (Standard), basic, digest, bearer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bearer token.</source>
        <translation>Bearer-Token.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy credentials NAME[:PASSWORD].</source>
        <translation>Proxy-Zugangsdaten NAME[:PASSWORT].</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store credentials that worked in the OS keychain.</source>
        <translation>Funktionierende Zugangsdaten im Schlüsselbund des Systems speichern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send credentials with the first request.</source>
        <translation>Zugangsdaten mit dem ersten Request senden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encode Basic credentials as Latin-1 (legacy servers).</source>
        <translation>Basic-Zugangsdaten als Latin-1 kodieren (ältere Server).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send one request and print every exchange of its chain.</source>
        <translation>Einen Request senden und jeden Austausch seiner Kette ausgeben.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The URL to send to (http:// is assumed when no scheme is given).</source>
        <translation>Die Ziel-URL (ohne Schema wird http:// angenommen).</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli::RunCommand</name>
    <message>
        <source>  --report junit|json FILE    Write a report (repeatable).

Exit codes: 0 all passed, 30 something failed, changed or errored, 2 usage, 3 unreadable input.
</source>
        <translation type="vanished">  --report junit|json FILE    Einen Bericht schreiben (wiederholbar).

Exit-Codes: 0 alles bestanden, 30 etwas ist fehlgeschlagen, hat sich geändert oder ergab einen Fehler, 2 Aufruffehler, 3 unlesbare Eingabe.
</translation>
    </message>
    <message>
        <location filename="../../core/cli/runcommand.cpp" line="+15"/>
        <source>  --report junit|json FILE  Write a JUnit XML or JSON report; repeatable.</source>
        <translation>  --report junit|json FILE  Einen JUnit-XML- oder JSON-Bericht schreiben; wiederholbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit codes: 0 all passed, 30 something failed, changed or errored, 2 usage, 3 unreadable input, 13 a report cannot be written.
</source>
        <translation>Exit-Codes: 0 alles bestanden, 30 etwas ist fehlgeschlagen, hat sich geändert oder ergab einen Fehler, 2 Aufruffehler, 3 unlesbare Eingabe, 13 ein Bericht kann nicht geschrieben werden.
</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>--report needs a kind and a file: --report junit FILE or --report json FILE</source>
        <translation>--report benötigt eine Art und eine Datei: --report junit DATEI oder --report json DATEI</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--report needs a kind (junit or json) and a file, got &quot;%1 %2&quot;</source>
        <translation>--report benötigt eine Art (junit oder json) und eine Datei, erhalten: &quot;%1 %2&quot;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>missing PATH: give a collection folder or a .http file</source>
        <translation>PATH fehlt: Geben Sie einen Sammlungsordner oder eine .http-Datei an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one PATH only, got %1</source>
        <translation>nur ein PATH erlaubt, erhalten: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--concurrency takes a number from 1 to 256, got &quot;%1&quot;</source>
        <translation>--concurrency erwartet eine Zahl von 1 bis 256, erhalten: &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--var takes NAME=VALUE, got &quot;%1&quot;</source>
        <translation>--var erwartet NAME=WERT, erhalten: &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read %1: no such file or folder</source>
        <translation>%1 kann nicht gelesen werden: keine solche Datei und kein solcher Ordner</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is not a .http or .rest file</source>
        <translation>%1 ist keine .http- oder .rest-Datei</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no folder &quot;%1&quot; in the collection %2</source>
        <translation>kein Ordner &quot;%1&quot; in der Sammlung %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no request could be loaded</source>
        <translation>kein Request konnte geladen werden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no request to run in %1</source>
        <translation>kein auszuführender Request in %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 requests in %2 s: %3 passed, %4 changed, %5 failed, %6 errors, %7 skipped</source>
        <translation>%1 Requests in %2 s: %3 bestanden, %4 geändert, %5 fehlgeschlagen, %6 Fehler, %7 übersprungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 requests could not be loaded (see above)</source>
        <translation>%1 Requests konnten nicht geladen werden (siehe oben)</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli::SendCommand</name>
    <message>
        <location filename="../../core/cli/sendcommand.cpp" line="+45"/>
        <source>Password for %1 at %2: </source>
        <translation>Passwort für %1 bei %2: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--user %1 has no password and there is no terminal to ask on; use --user NAME:PASSWORD</source>
        <translation>--user %1 hat kein Passwort und es gibt kein Terminal für die Abfrage; verwenden Sie --user NAME:PASSWORT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proxy password for %1: </source>
        <translation>Proxy-Passwort für %1: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--proxy-user %1 has no password and there is no terminal to ask on</source>
        <translation>--proxy-user %1 hat kein Passwort und es gibt kein Terminal für die Abfrage</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>authentication failed: the server answered %1 %2</source>
        <translation>Authentifizierung fehlgeschlagen: Der Server antwortete %1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server answered %1 %2</source>
        <translation>der Server antwortete %1 %2</translation>
    </message>
</context>
<context>
    <name>Peephole::Cli::TerminalCredentials</name>
    <message>
        <location filename="../../core/cli/terminalcredentials.cpp" line="+18"/>
        <source>The proxy %1 asks for credentials</source>
        <translation>Der Proxy %1 verlangt Zugangsdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 asks for credentials</source>
        <translation>%1 verlangt Zugangsdaten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (realm &quot;%1&quot;)</source>
        <translation> (Realm &quot;%1&quot;)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token: </source>
        <translation>Token: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User: </source>
        <translation>Benutzer: </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password: </source>
        <translation>Passwort: </translation>
    </message>
</context>
<context>
    <name>Peephole::CollectionDock</name>
    <message>
        <location filename="../../ui/collections/collectiondock.cpp" line="+38"/>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Open &amp;Collection…</source>
        <translation>&amp;Sammlung öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;Postman Collection…</source>
        <translation>&amp;Postman-Sammlung importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New Request</source>
        <translation>&amp;Neuer Request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the composer&apos;s request to the selected .http file</source>
        <translation>Den Request aus dem Editor zur ausgewählten .http-Datei hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save Request</source>
        <translation>&amp;Request speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the composer&apos;s request into its .http file (Ctrl+S)</source>
        <translation>Den Request aus dem Editor in seiner .http-Datei speichern (Strg+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Response as &amp;Expected</source>
        <translation>Als &amp;erwartete Response speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the response of the exchange selected in the timeline as the expected response of its request</source>
        <translation>Die Response des in der Zeitleiste ausgewählten Austauschs als erwartete Response seines Requests speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run Collection</source>
        <translation>Sammlung ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run Folder</source>
        <translation>Ordner ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the requests of the selected folder or file</source>
        <translation>Die Requests des ausgewählten Ordners oder der ausgewählten Datei ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run Selection</source>
        <translation>Auswahl ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the selected requests</source>
        <translation>Die ausgewählten Requests ausführen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No collection open.</source>
        <translation>Keine Sammlung geöffnet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables from http-client.env.json used to send and run requests</source>
        <translation>Variablen aus http-client.env.json zum Senden und Ausführen von Requests</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requests at &amp;once:</source>
        <translation>&amp;Gleichzeitige Requests:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Concurrency</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many requests a run keeps in flight (1: strictly in order)</source>
        <translation>Wie viele Requests ein Durchlauf gleichzeitig laufen lässt (1: strikt der Reihe nach)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter requests</source>
        <translation>Requests filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection filter</source>
        <translation>Sammlungsfilter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Collection requests</source>
        <translation>Requests der Sammlung</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unsaved edits restored: Ctrl+S saves them.</source>
        <translation>Ungespeicherte Änderungen wiederhergestellt: Strg+S speichert sie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The unsaved edits could not be restored.</source>
        <translation>Die ungespeicherten Änderungen konnten nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a collection folder</source>
        <translation>Sammlungsordner öffnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not open the collection: %1</source>
        <translation>Die Sammlung konnte nicht geöffnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %n request(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n Request</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n Requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n file(s) with requests that could not be read (in red below)</source>
        <translation>
            <numerusform>%n Datei mit Requests, die nicht gelesen werden konnten (unten rot)</numerusform>
            <numerusform>%n Dateien mit Requests, die nicht gelesen werden konnten (unten rot)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Unsaved edits of %n file(s) from an earlier session were found: %1.</source>
        <translation>
            <numerusform>Ungespeicherte Änderungen an %n Datei aus einer früheren Sitzung gefunden: %1.</numerusform>
            <numerusform>Ungespeicherte Änderungen an %n Dateien aus einer früheren Sitzung gefunden: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some of these files changed on disk since.</source>
        <translation>Einige dieser Dateien wurden seitdem auf der Festplatte geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore unsaved edits</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 changed on disk while you were editing it. Keep your edits (the next save overwrites the file) or take the version on disk?</source>
        <translation>%1 wurde auf der Festplatte geändert, während Sie die Datei bearbeitet haben. Ihre Änderungen behalten (beim nächsten Speichern wird die Datei überschrieben) oder die Version von der Festplatte übernehmen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take theirs</source>
        <translation>Festplattenversion übernehmen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no environment)</source>
        <translation>(keine Umgebung)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>its value is still being read from the keychain</source>
        <translation>ihr Wert wird noch aus dem Schlüsselbund gelesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>it is not in the keychain</source>
        <translation>sie ist nicht im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Open a collection first (File › Open Collection…), then Ctrl+S saves the composer&apos;s request into it.</source>
        <translation>Öffnen Sie zuerst eine Sammlung (Datei › Sammlung öffnen…); dann speichert Strg+S den Request aus dem Editor darin.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No changes to save in %1.</source>
        <translation>Keine Änderungen in %1 zu speichern.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The secret variable {{%1}} (%2) has no value: %3.</source>
        <translation>Die geheime Variable {{%1}} (%2) hat keinen Wert: %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(No environment is selected in the Collection panel.)</source>
        <translation>(Im Bereich „Sammlung“ ist keine Umgebung ausgewählt.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(Environment: %1.)</source>
        <translation>(Umgebung: %1.)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The URL &quot;%1&quot; is not valid once its variables are resolved: %2</source>
        <translation>Die URL &quot;%1&quot; ist nach dem Auflösen ihrer Variablen ungültig: %2</translation>
    </message>
    <message>
        <location filename="../../ui/collections/collectiondockactions.cpp" line="+89"/>
        <source>A run is already going on: wait for it or cancel it.</source>
        <translation>Es läuft bereits ein Durchlauf: Warten Sie sein Ende ab oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>there is no request to run (open a collection, or select requests or a folder first).</source>
        <translation>es gibt keinen auszuführenden Request (öffnen Sie zuerst eine Sammlung oder wählen Sie Requests oder einen Ordner aus).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The run did not start: %1</source>
        <translation>Der Durchlauf wurde nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a collection first (File › Open Collection…).</source>
        <translation>Öffnen Sie zuerst eine Sammlung (Datei › Sammlung öffnen…).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 has unsaved edits: save them (Ctrl+S) before adding a request to it.</source>
        <translation>%1 hat ungespeicherte Änderungen: Speichern Sie sie (Strg+S), bevor Sie einen Request hinzufügen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New request</source>
        <translation>Neuer Request</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new request in %1:</source>
        <translation>Name des neuen Requests in %1:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Added &quot;%1&quot; to %2.</source>
        <translation>&quot;%1&quot; zu %2 hinzugefügt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select an exchange in the timeline first.</source>
        <translation>Wählen Sie zuerst einen Austausch in der Zeitleiste aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This exchange was not sent from a request of the open collection: load the request from the Collection panel and send it, or run it.</source>
        <translation>Dieser Austausch stammt nicht von einem Request der geöffneten Sammlung: Laden Sie den Request aus dem Bereich „Sammlung“ und senden Sie ihn, oder führen Sie ihn aus.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+19"/>
        <source>Could not save the expected response: %1</source>
        <translation>Die erwartete Response konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Saved as the expected response of %1 (%2).</source>
        <translation>Als erwartete Response von %1 gespeichert (%2).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The exchange of %1 is no longer in the timeline: run it again.</source>
        <translation>Der Austausch von %1 ist nicht mehr in der Zeitleiste: Führen Sie den Request erneut aus.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The response of %1 is now its expected response.</source>
        <translation>Die Response von %1 ist jetzt die erwartete Response.</translation>
    </message>
</context>
<context>
    <name>Peephole::CollectionLoader</name>
    <message>
        <location filename="../../core/collection/collectionloader.cpp" line="+78"/>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not a readable folder</source>
        <translation>%1 ist kein lesbarer Ordner</translation>
    </message>
</context>
<context>
    <name>Peephole::CollectionModel</name>
    <message numerus="yes">
        <location filename="../../ui/collections/collectionmodel.cpp" line="+173"/>
        <source>%1: %n request(s) could not be read</source>
        <translation>
            <numerusform>%1: %n Request konnte nicht gelesen werden</numerusform>
            <numerusform>%1: %n Requests konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1
Unsaved edits (Ctrl+S saves them)</source>
        <translation>%1
Ungespeicherte Änderungen (Strg+S speichert sie)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::CollectionStore</name>
    <message>
        <location filename="../../core/collection/collectionstore.cpp" line="+151"/>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no request %1 in %2</source>
        <translation>kein Request %1 in %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no file %1 in the collection</source>
        <translation>keine Datei %1 in der Sammlung</translation>
    </message>
</context>
<context>
    <name>Peephole::ComposerWidget</name>
    <message>
        <location filename="../../ui/composer/composerwidget.cpp" line="+47"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any method token is accepted</source>
        <translation>Jedes Methoden-Token wird akzeptiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://api.example.com/path — or paste a curl command</source>
        <translation>https://api.example.com/path — oder einen curl-Befehl einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the request in flight (Esc)</source>
        <translation>Den laufenden Request abbrechen (Esc)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth</source>
        <translation>Auth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Type a URL to send to, e.g. https://api.example.com/items</source>
        <translation>Geben Sie eine Ziel-URL ein, z. B. https://api.example.com/items</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation>&quot;%1&quot; ist keine gültige URL: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::ContentDecoder</name>
    <message>
        <location filename="../../core/http/contentdecoder.cpp" line="+35"/>
        <source>Cannot start the %1 decoder.</source>
        <translation>Der %1-Decoder kann nicht gestartet werden.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The compressed body is corrupt (zlib: %1).</source>
        <translation>Der komprimierte Body ist beschädigt (zlib: %1).</translation>
    </message>
</context>
<context>
    <name>Peephole::CredentialStore</name>
    <message>
        <location filename="../../core/auth/credentialstore.cpp" line="+25"/>
        <source>%1 token for %2 (realm “%3”)</source>
        <translation>%1-Token für %2 (Realm „%3“)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 credential of “%2” for %3 (realm “%4”)</source>
        <translation>%1-Zugangsdaten von „%2“ für %3 (Realm „%4“)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no keychain service is running (no Secret Service such as gnome-keyring or KWallet on the session bus)</source>
        <translation>es läuft kein Schlüsselbunddienst (kein Secret Service wie gnome-keyring oder KWallet auf dem Session-Bus)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>access to the keychain was denied</source>
        <translation>der Zugriff auf den Schlüsselbund wurde verweigert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the keychain refused access (it may be locked): %1</source>
        <translation>der Schlüsselbund hat den Zugriff verweigert (er ist möglicherweise gesperrt): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this platform has no supported keychain</source>
        <translation>diese Plattform hat keinen unterstützten Schlüsselbund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the keychain could not delete the entry: %1</source>
        <translation>der Schlüsselbund konnte den Eintrag nicht löschen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the keyring is locked (unlock it in your keyring manager): %1</source>
        <translation>der Schlüsselbund ist gesperrt (entsperren Sie ihn in Ihrer Schlüsselbundverwaltung): %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no Secret Service is reachable (no D-Bus session bus, or no gnome-keyring or KWallet running): %1</source>
        <translation>kein Secret Service erreichbar (kein D-Bus-Session-Bus oder weder gnome-keyring noch KWallet aktiv): %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>access to the keychain was denied: %1</source>
        <translation>der Zugriff auf den Schlüsselbund wurde verweigert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keychain failed: %1</source>
        <translation>Fehler im Schlüsselbund: %1</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Saved the %1 in the keychain.</source>
        <translation>%1 im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not save the %1 in the keychain: %2. It is kept in memory for this session only and will be asked for again after Peephole restarts.</source>
        <translation>%1 konnte nicht im Schlüsselbund gespeichert werden: %2. Die Angabe bleibt nur für diese Sitzung im Speicher und wird nach einem Neustart von Peephole erneut abgefragt.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No %1 is saved in the keychain.</source>
        <translation>Im Schlüsselbund ist nichts gespeichert für: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not read the %1 from the keychain: %2.</source>
        <translation>%1 konnte nicht aus dem Schlüsselbund gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+4"/>
        <source>Forgot the %1.</source>
        <translation>%1 vergessen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No %1 was saved.</source>
        <translation>Nichts gespeichert für: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not delete the %1 from the keychain: %2.</source>
        <translation>%1 konnte nicht aus dem Schlüsselbund gelöscht werden: %2.</translation>
    </message>
</context>
<context>
    <name>Peephole::CredentialsDialog</name>
    <message>
        <location filename="../../ui/auth/credentialsdialog.cpp" line="+16"/>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored Credentials</source>
        <translation>Gespeicherte Zugangsdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Realm</source>
        <translation>Realm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kept in</source>
        <translation>Gespeichert in</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Passwords and tokens live in the OS keychain, each for one origin and realm. Peephole never shows or writes them here.</source>
        <translation>Passwörter und Tokens liegen im Schlüsselbund des Systems, jeweils für einen Origin und Realm. Peephole zeigt oder schreibt sie hier nie.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(token)</source>
        <translation>(Token)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory, this session only</source>
        <translation>Speicher, nur diese Sitzung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is stored. Tick “Remember in the keychain” when answering a challenge.</source>
        <translation>Nichts gespeichert. Aktivieren Sie „Im Schlüsselbund speichern“, wenn Sie eine Challenge beantworten.</translation>
    </message>
</context>
<context>
    <name>Peephole::CurlCommand</name>
    <message>
        <location filename="../../core/formats/curlparse.cpp" line="+159"/>
        <source>The command is empty. Paste a command that starts with curl.</source>
        <translation>Der Befehl ist leer. Fügen Sie einen Befehl ein, der mit curl beginnt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is not a curl command: it starts with &quot;%1&quot; instead of curl.</source>
        <translation>Dies ist kein curl-Befehl: Er beginnt mit &quot;%1&quot; statt mit curl.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The option %1 needs a value after it.</source>
        <translation>Die Option %1 benötigt einen nachfolgenden Wert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+18"/>
        <source>Unknown option; ignored.</source>
        <translation>Unbekannte Option; ignoriert.</translation>
    </message>
    <message>
        <location filename="../../core/formats/curlwriter.cpp" line="+70"/>
        <source>header %1</source>
        <translation>Header %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+7"/>
        <location line="+26"/>
        <source>form field</source>
        <translation>Formularfeld</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>The form field &quot;%1&quot; was written pre-encoded.</source>
        <translation>Das Formularfeld &quot;%1&quot; wurde vorkodiert geschrieben.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The file name of the form field &quot;%1&quot; cannot be written.</source>
        <translation>Der Dateiname des Formularfelds &quot;%1&quot; kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The request body is larger than 64 MiB; only its start was written.</source>
        <translation>Der Request-Body ist größer als 64 MiB; nur sein Anfang wurde geschrieben.</translation>
    </message>
</context>
<context>
    <name>Peephole::CurlDetail::Parser</name>
    <message>
        <location filename="../../core/formats/curlparse.cpp" line="-193"/>
        <source>The command has no URL. Add one, e.g. curl https://example.com/</source>
        <translation>Der Befehl enthält keine URL. Fügen Sie eine hinzu, z. B. curl https://example.com/</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the first URL is imported; this one was left out.</source>
        <translation>Nur die erste URL wird importiert; diese wurde ausgelassen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The command mixes data (-d) and form (-F) options; curl refuses that too. Keep one kind.</source>
        <translation>Der Befehl mischt Daten- (-d) und Formular-Optionen (-F); auch curl lehnt das ab. Behalten Sie nur eine Art.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+28"/>
        <source>Reads standard input, which Peephole cannot do; the body was left out.</source>
        <translation>Liest die Standardeingabe, was Peephole nicht kann; der Body wurde ausgelassen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; is not a valid URL%2.</source>
        <translation>&quot;%1&quot; ist keine gültige URL%2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Peephole has one timeout per request; --max-time was used.</source>
        <translation>Peephole hat ein Timeout pro Request; --max-time wurde verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peephole has one inactivity timeout per request; it was set to the connect timeout.</source>
        <translation>Peephole hat ein Inaktivitäts-Timeout pro Request; es wurde auf das Verbindungs-Timeout gesetzt.</translation>
    </message>
    <message>
        <location filename="../../core/formats/curlparser.cpp" line="+21"/>
        <source>Reads standard input, which Peephole cannot do; that part was left out.</source>
        <translation>Liest die Standardeingabe, was Peephole nicht kann; dieser Teil wurde ausgelassen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1 (%2); that part was left out.</source>
        <translation>%1 kann nicht gelesen werden (%2); dieser Teil wurde ausgelassen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Headers read from the file %1 were not imported; add them by hand.</source>
        <translation>Aus der Datei %1 gelesene Header wurden nicht importiert; fügen Sie sie von Hand hinzu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not a header (&quot;Name: value&quot;); left out.</source>
        <translation>Kein Header (&quot;Name: value&quot;); ausgelassen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In curl this removes the header curl would add by itself; Peephole has no such header to remove, so it was left out.</source>
        <translation>In curl entfernt dies den Header, den curl selbst hinzufügen würde; Peephole hat keinen solchen Header, daher wurde es ausgelassen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not a form field (&quot;name=value&quot;); left out.</source>
        <translation>Kein Formularfeld (&quot;name=value&quot;); ausgelassen.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The form parameter &quot;%1&quot; is not supported; left out.</source>
        <translation>Der Formularparameter &quot;%1&quot; wird nicht unterstützt; ausgelassen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Several files in one field are not supported; only the first was kept.</source>
        <translation>Mehrere Dateien in einem Feld werden nicht unterstützt; nur die erste wurde übernommen.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Automatic referers on redirects are not supported.</source>
        <translation>Automatische Referer bei Weiterleitungen werden nicht unterstützt.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>No password was given (curl would ask for it); enter it in Peephole.</source>
        <translation>Es wurde kein Passwort angegeben (curl würde danach fragen); geben Sie es in Peephole ein.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This authentication scheme is not supported; Peephole answers Basic or Digest challenges with the same credentials instead.</source>
        <translation>Dieses Authentifizierungsschema wird nicht unterstützt; Peephole beantwortet stattdessen Basic- oder Digest-Challenges mit denselben Zugangsdaten.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading cookies from a file is not supported; left out.</source>
        <translation>Das Lesen von Cookies aus einer Datei wird nicht unterstützt; ausgelassen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credentials are still dropped on redirects to another host.</source>
        <translation>Zugangsdaten werden bei Weiterleitungen auf einen anderen Host weiterhin verworfen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--max-redirs needs a whole number, not &quot;%1&quot;.</source>
        <translation>--max-redirs benötigt eine ganze Zahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlimited redirects are limited to 1000.</source>
        <translation>Unbegrenzte Weiterleitungen werden auf 1000 begrenzt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>HTTP/1.0 is not supported; HTTP/1.1 is used.</source>
        <translation>HTTP/1.0 wird nicht unterstützt; HTTP/1.1 wird verwendet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>HTTP/3 is not supported; HTTP/2 or HTTP/1.1 is used.</source>
        <translation>HTTP/3 wird nicht unterstützt; HTTP/2 oder HTTP/1.1 wird verwendet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 needs a number of seconds, not &quot;%2&quot;.</source>
        <translation>%1 benötigt eine Anzahl Sekunden, nicht &quot;%2&quot;.</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+3"/>
        <source>Not carried over: Peephole has no equivalent.</source>
        <translation>Nicht übernommen: Peephole hat keine Entsprechung.</translation>
    </message>
</context>
<context>
    <name>Peephole::DemoApi</name>
    <message>
        <location filename="../../core/server/demoapi.cpp" line="+78"/>
        <source>Index of the demo endpoints</source>
        <translation>Verzeichnis der Demo-Endpunkte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A large JSON document (about 2 MB)</source>
        <translation>Ein großes JSON-Dokument (etwa 2 MB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PNG image</source>
        <translation>Ein PNG-Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirects (302) to /json</source>
        <translation>Leitet (302) auf /json weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs Basic authentication</source>
        <translation>Erfordert Basic-Authentifizierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs Digest authentication (SHA-256 or MD5, qop=auth)</source>
        <translation>Erfordert Digest-Authentifizierung (SHA-256 oder MD5, qop=auth)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs a Bearer token</source>
        <translation>Erfordert ein Bearer-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sets cookies and shows the ones it received</source>
        <translation>Setzt Cookies und zeigt die empfangenen an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers after 2 seconds and trickles its body</source>
        <translation>Antwortet nach 2 Sekunden und sendet den Body tröpfchenweise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returns the request it received as JSON</source>
        <translation>Gibt den empfangenen Request als JSON zurück</translation>
    </message>
</context>
<context>
    <name>Peephole::DemoMode</name>
    <message>
        <location filename="../../ui/welcome/demomode.cpp" line="+37"/>
        <source>The demo API could not start on 127.0.0.1: %1</source>
        <translation>Die Demo-API konnte auf 127.0.0.1 nicht starten: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>credentials: %1</source>
        <translation>Zugangsdaten: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo API on %1 — pick a request, then press Ctrl+Enter</source>
        <translation>Demo-API auf %1 — wählen Sie einen Request und drücken Sie dann Strg+Eingabe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot create the demo collection folder %1</source>
        <translation>Der Ordner für die Demo-Sammlung %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>Peephole::DiffView</name>
    <message>
        <location filename="../../ui/collections/diffview.cpp" line="+45"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More changes are not shown.</source>
        <translation>Weitere Änderungen werden nicht angezeigt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Too large for an exact diff: the differing middle is shown.</source>
        <translation>Zu groß für einen exakten Diff: Der abweichende Mittelteil wird angezeigt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>More changed lines are not shown.</source>
        <translation>Weitere geänderte Zeilen werden nicht angezeigt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Differences from the expected response</source>
        <translation>Abweichungen von der erwarteten Response</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a request of the run to see how its response differs from the expected one.</source>
        <translation>Wählen Sie einen Request des Durchlaufs aus, um zu sehen, wie seine Response von der erwarteten abweicht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The response matches the expected one.</source>
        <translation>Die Response entspricht der erwarteten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Body (JSON)</source>
        <translation>Body (JSON)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body (text)</source>
        <translation>Body (Text)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body (binary)</source>
        <translation>Body (binär)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+3"/>
        <source>%n byte(s), SHA-256 %1</source>
        <translation>
            <numerusform>%n Byte, SHA-256 %1</numerusform>
            <numerusform>%n Bytes, SHA-256 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Assertions</source>
        <translation>Assertions</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No expected response is saved for this request: select its exchange in the timeline and use Request › Save Response as Expected.</source>
        <translation>Für diesen Request ist keine erwartete Response gespeichert: Wählen Sie seinen Austausch in der Zeitleiste aus und verwenden Sie Request › Als erwartete Response speichern.</translation>
    </message>
</context>
<context>
    <name>Peephole::EntryReader</name>
    <message>
        <location filename="../../core/formats/harreader.cpp" line="+112"/>
        <source>entry %1 (%2)</source>
        <translation>Eintrag %1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no URL</source>
        <translation>keine URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skipped: the entry has no request method or no valid URL.</source>
        <translation>Übersprungen: Der Eintrag hat keine Request-Methode oder keine gültige URL.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>An uploaded file&apos;s content is not in the HAR; the request body is incomplete.</source>
        <translation>Der Inhalt einer hochgeladenen Datei ist nicht in der HAR-Datei; der Request-Body ist unvollständig.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The response body in the HAR is shorter than the original (%1 of %2 bytes).</source>
        <translation>Der Response-Body in der HAR-Datei ist kürzer als das Original (%1 von %2 Bytes).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The response body (%1 bytes) was not saved in the HAR.</source>
        <translation>Der Response-Body (%1 Bytes) wurde nicht in der HAR-Datei gespeichert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The start time is missing or not ISO 8601; the timeline shows it at 0.</source>
        <translation>Die Startzeit fehlt oder ist nicht im ISO-8601-Format; die Zeitleiste zeigt sie bei 0.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No response was recorded in the HAR file.</source>
        <translation>In der HAR-Datei wurde keine Response aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>Peephole::EnvironmentFile</name>
    <message>
        <location filename="../../core/collection/environmentfile.cpp" line="+67"/>
        <source>The environment file is not valid JSON: %1.</source>
        <translation>Die Umgebungsdatei ist kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The environment file must hold a JSON object of environments ({&quot;dev&quot;: {&quot;host&quot;: &quot;...&quot;}}).</source>
        <translation>Die Umgebungsdatei muss ein JSON-Objekt mit Umgebungen enthalten ({&quot;dev&quot;: {&quot;host&quot;: &quot;...&quot;}}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The environment &quot;%1&quot; must be a JSON object of variables.</source>
        <translation>Die Umgebung &quot;%1&quot; muss ein JSON-Objekt mit Variablen sein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not a variable (an object or array, such as SSLConfiguration); Peephole ignores it and will not write it back.</source>
        <translation>Keine Variable (ein Objekt oder Array, etwa SSLConfiguration); Peephole ignoriert den Eintrag und schreibt ihn nicht zurück.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot read the environment file %1: %2</source>
        <translation>Die Umgebungsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+6"/>
        <source>Cannot write the environment file %1: %2</source>
        <translation>Die Umgebungsdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::ExchangeDetails</name>
    <message>
        <location filename="../../ui/details/exchangedetails.cpp" line="+30"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <location line="+24"/>
        <source>Auth</source>
        <translation>Auth</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auth (%1)</source>
        <translation>Auth (%1)</translation>
    </message>
</context>
<context>
    <name>Peephole::ExpectedResponse</name>
    <message>
        <location filename="../../core/replay/expectedresponse.cpp" line="+77"/>
        <source>line 1: expected a status line such as &quot;HTTP/1.1 200 OK&quot;</source>
        <translation>Zeile 1: Statuszeile wie &quot;HTTP/1.1 200 OK&quot; erwartet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>line 1: &quot;%1&quot; has no valid status code</source>
        <translation>Zeile 1: &quot;%1&quot; hat keinen gültigen Statuscode</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>line %1: expected a header &quot;Name: value&quot;</source>
        <translation>Zeile %1: Header &quot;Name: value&quot; erwartet</translation>
    </message>
</context>
<context>
    <name>Peephole::ExpectedStore</name>
    <message>
        <location line="+51"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::Exporter</name>
    <message>
        <location filename="../../core/formats/postmanexporter.cpp" line="+57"/>
        <source>the %1 is not written (no secrets in exported files); set it again after importing.</source>
        <translation>%1 wird nicht geschrieben (keine Geheimnisse in exportierten Dateien); setzen Sie den Wert nach dem Import erneut.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the value of the variable %1 looks secret and is not written.</source>
        <translation>der Wert der Variable %1 sieht geheim aus und wird nicht geschrieben.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&quot;any scheme&quot; auth is written as basic.</source>
        <translation>Auth mit &quot;beliebigem Schema&quot; wird als basic geschrieben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the value of the header %1 is not written.</source>
        <translation>der Wert des Headers %1 wird nicht geschrieben.</translation>
    </message>
</context>
<context>
    <name>Peephole::HarReader</name>
    <message>
        <location filename="../../core/formats/harreader.cpp" line="+38"/>
        <source>This is not a HAR file: the JSON is invalid (%1).</source>
        <translation>Dies ist keine HAR-Datei: Das JSON ist ungültig (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not a HAR file: it has no &quot;log&quot; object.</source>
        <translation>Dies ist keine HAR-Datei: Sie hat kein &quot;log&quot;-Objekt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is not a HAR file: &quot;log.entries&quot; is missing or not a list.</source>
        <translation>Dies ist keine HAR-Datei: &quot;log.entries&quot; fehlt oder ist keine Liste.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HAR version %1 is not 1.2; reading it as 1.2.</source>
        <translation>HAR-Version %1 ist nicht 1.2; sie wird als 1.2 gelesen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::HarWriter</name>
    <message>
        <location filename="../../core/formats/harwriter.cpp" line="+228"/>
        <source>Authorization, Proxy-Authorization, Cookie and Set-Cookie values were redacted by Peephole.</source>
        <translation>Werte von Authorization, Proxy-Authorization, Cookie und Set-Cookie wurden von Peephole geschwärzt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+6"/>
        <source>Cannot write the HAR file %1: %2</source>
        <translation>Die HAR-Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::HeadersView</name>
    <message>
        <location filename="../../ui/details/headersview.cpp" line="+62"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Response headers (%1) — %2</source>
        <translation>Response-Header (%1) — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No response: %1</source>
        <translation>Keine Response: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No response yet</source>
        <translation>Noch keine Response</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Request headers (%1) — %2 %3</source>
        <translation>Request-Header (%1) — %2 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cookies sent (%1)</source>
        <translation>Gesendete Cookies (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cookies set (%1)</source>
        <translation>Gesetzte Cookies (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Notes (%1)</source>
        <translation>Hinweise (%1)</translation>
    </message>
</context>
<context>
    <name>Peephole::HelpActions</name>
    <message>
        <location filename="../../ui/help/helpactions.cpp" line="+27"/>
        <source>&amp;Getting Started</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Authentication</source>
        <translation>&amp;Authentifizierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Collections and Replay</source>
        <translation>&amp;Sammlungen und Wiederholung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command &amp;Line</source>
        <translation>&amp;Kommandozeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Benchmarks</source>
        <translation>&amp;Benchmarks</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;About Peephole</source>
        <translation>&amp;Über Peephole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>About Peephole</source>
        <translation>Über Peephole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Peephole %1&lt;/h3&gt;&lt;p&gt;A native HTTP request inspector: every redirect hop and every 401/407 challenge is its own exchange, authentication is answered to spec, and credentials live in the OS keychain.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the MIT license.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Peephole %1&lt;/h3&gt;&lt;p&gt;Ein nativer HTTP-Request-Inspektor: Jeder Weiterleitungs-Hop und jede 401/407-Challenge ist ein eigener Austausch, Authentifizierung wird spezifikationsgemäß beantwortet, und Zugangsdaten liegen im Schlüsselbund des Systems.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2. Lizenziert unter der MIT-Lizenz.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%3&quot;&gt;%3&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Peephole::HexView</name>
    <message>
        <location filename="../../ui/details/hexview.cpp" line="+165"/>
        <source>No body</source>
        <translation>Kein Body</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Nothing is selected.</source>
        <translation>Nichts ausgewählt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selection is %1; copying is limited to %2. Use Save Response Body As instead.</source>
        <translation>Die Auswahl umfasst %1; Kopieren ist auf %2 begrenzt. Verwenden Sie stattdessen „Response-Body speichern unter“.</translation>
    </message>
</context>
<context>
    <name>Peephole::Http1Reply</name>
    <message>
        <location filename="../../core/wire/http1reply.cpp" line="+124"/>
        <source>the request body could not be read at byte %1</source>
        <translation>der Anfragerumpf konnte ab Byte %1 nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Operation canceled</source>
        <translation>Vorgang abgebrochen</translation>
    </message>
</context>
<context>
    <name>Peephole::HttpFileDetail</name>
    <message>
        <location filename="../../core/formats/httpfileauth.cpp" line="+96"/>
        <source>@peephole-auth needs a scheme: basic, digest, bearer, any or none.</source>
        <translation>@peephole-auth benötigt ein Schema: basic, digest, bearer, any oder none.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown auth scheme &quot;%1&quot; (use basic, digest, bearer, any or none).</source>
        <translation>Unbekanntes Auth-Schema &quot;%1&quot; (verwenden Sie basic, digest, bearer, any oder none).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>secret= must be &quot;keychain&quot; or a {{variable}}; a secret is never written in the file itself.</source>
        <translation>secret= muss &quot;keychain&quot; oder eine {{Variable}} sein; ein Geheimnis wird nie in die Datei selbst geschrieben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown @peephole-auth part &quot;%1&quot; (expected user=, secret= or preemptive).</source>
        <translation>Unbekannter @peephole-auth-Teil &quot;%1&quot; (erwartet: user=, secret= oder preemptive).</translation>
    </message>
</context>
<context>
    <name>Peephole::HttpFileParser</name>
    <message>
        <location filename="../../core/formats/httpfileparser.cpp" line="+70"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::HttpFileWriter</name>
    <message>
        <location filename="../../core/formats/httpfilewriter.cpp" line="+56"/>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::HttpServer</name>
    <message>
        <location filename="../../core/server/httpserver.cpp" line="+44"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>TLS needs a server certificate and its private key; one of them is missing or unreadable</source>
        <translation>TLS benötigt ein Server-Zertifikat und dessen privaten Schlüssel; eines davon fehlt oder ist nicht lesbar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The CONNECT tunnel needs a server certificate and its private key; one of them is missing or unreadable</source>
        <translation>Der CONNECT-Tunnel benötigt ein Server-Zertifikat und dessen privaten Schlüssel; eines davon fehlt oder ist nicht lesbar</translation>
    </message>
</context>
<context>
    <name>Peephole::ImportWriter</name>
    <message>
        <location filename="../../ui/collections/importwriter.cpp" line="+46"/>
        <source>%1 already exists: choose another folder or name.</source>
        <translation>%1 existiert bereits: Wählen Sie einen anderen Ordner oder Namen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not create a folder in %1: %2</source>
        <translation>In %1 konnte kein Ordner angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not move the imported collection to %1.</source>
        <translation>Die importierte Sammlung konnte nicht nach %1 verschoben werden.</translation>
    </message>
</context>
<context>
    <name>Peephole::JsonFormatter</name>
    <message>
        <location filename="../../ui/details/jsonformatter.cpp" line="+76"/>
        <source>Unexpected &apos;%1&apos; at byte %2: nothing is open here.</source>
        <translation>Unerwartetes &apos;%1&apos; bei Byte %2: Hier ist nichts geöffnet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unexpected &apos;%1&apos; at byte %2: the open &apos;%3&apos; is not closed.</source>
        <translation>Unerwartetes &apos;%1&apos; bei Byte %2: Das geöffnete &apos;%3&apos; ist nicht geschlossen.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The text ends inside a string (at byte %1).</source>
        <translation>Der Text endet innerhalb eines Strings (bei Byte %1).</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The text ends at byte %1 with %n bracket(s) still open.</source>
        <translation>
            <numerusform>Der Text endet bei Byte %1; %n Klammer ist noch offen.</numerusform>
            <numerusform>Der Text endet bei Byte %1; %n Klammern sind noch offen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Peephole::JsonTreeModel</name>
    <message numerus="yes">
        <location filename="../../ui/details/jsontreemodel.cpp" line="+151"/>
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n Schlüssel}</numerusform>
            <numerusform>{%n Schlüssel}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>string</source>
        <translation>String</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>boolean</source>
        <translation>Boolean</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>Peephole::KeyValueEditor</name>
    <message>
        <location filename="../../ui/composer/keyvalueeditor.cpp" line="+48"/>
        <source>Untick a row to keep it without sending it. Delete removes the selected rows.</source>
        <translation>Entfernen Sie das Häkchen einer Zeile, um sie zu behalten, ohne sie zu senden. Entf löscht die ausgewählten Zeilen.</translation>
    </message>
</context>
<context>
    <name>Peephole::KeyValueModel</name>
    <message>
        <location filename="../../ui/composer/keyvaluemodel.cpp" line="+41"/>
        <source>Add %1…</source>
        <translation>%1 hinzufügen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Disabled: kept, but not sent</source>
        <translation>Deaktiviert: behalten, aber nicht gesendet</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>Peephole::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow/mainwindow.cpp" line="+63"/>
        <location line="+313"/>
        <source>Peephole</source>
        <translation>Peephole</translation>
    </message>
    <message>
        <location line="-308"/>
        <source>Filter: text, status:401, status:4xx, method:POST, host:…, is:error, is:auth</source>
        <translation>Filter: Text, status:401, status:4xx, method:POST, host:…, is:error, is:auth</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline filter</source>
        <translation>Zeitleistenfilter</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Could not read the pasted curl command: %1</source>
        <translation>Der eingefügte curl-Befehl konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Filled from the curl command.</source>
        <translation>Aus dem curl-Befehl ausgefüllt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled from the curl command; not carried over: %1</source>
        <translation>Aus dem curl-Befehl ausgefüllt; nicht übernommen: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The server asks for credentials: answer in the panel under the request.</source>
        <translation>Der Server verlangt Zugangsdaten: Antworten Sie im Bereich unter dem Request.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;curl Command…</source>
        <translation>&amp;curl-Befehl importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open HAR as Timeline…</source>
        <translation>HAR als Zeitleiste ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export Timeline as HAR…</source>
        <translation>Zeitleiste als HAR &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Selec&amp;ted Exchanges as HAR…</source>
        <translation>Ausgewählte Aus&amp;tausche als HAR exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Request</source>
        <translation>&amp;Request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Focus &amp;URL</source>
        <translation>&amp;URL fokussieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stored &amp;Credentials…</source>
        <translation>Gespeicherte &amp;Zugangsdaten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear Timeline</source>
        <translation>Zeitleiste &amp;leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter Timeline</source>
        <translation>Zeitleiste &amp;filtern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n exchange(s)</source>
        <translation>
            <numerusform>%n Austausch</numerusform>
            <numerusform>%n Austausche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n request(s) in flight</source>
        <translation>
            <numerusform>%n Request läuft</numerusform>
            <numerusform>%n Requests laufen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select the exchanges to export in the timeline first.</source>
        <translation>Wählen Sie zuerst die zu exportierenden Austausche in der Zeitleiste aus.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export as HAR</source>
        <translation>Als HAR exportieren</translation>
    </message>
    <message>
        <source>Export the timeline as HAR</source>
        <translation type="vanished">Zeitleiste als HAR exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HAR files (*.har)</source>
        <translation>HAR-Dateien (*.har)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include secrets?</source>
        <translation>Geheimnisse einschließen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorization, Proxy-Authorization, Cookie and Set-Cookie values are redacted in the export. Keep them instead?</source>
        <translation>Werte von Authorization, Proxy-Authorization, Cookie und Set-Cookie werden beim Export geschwärzt. Sollen sie stattdessen erhalten bleiben?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Exported %n exchange(s) to %1</source>
        <translation>
            <numerusform>%n Austausch nach %1 exportiert</numerusform>
            <numerusform>%n Austausche nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the HAR file</source>
        <translation>Die HAR-Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opened from %1</source>
        <translation>Geöffnet aus %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Opened %n exchange(s) from %1</source>
        <translation>
            <numerusform>%n Austausch aus %1 geöffnet</numerusform>
            <numerusform>%n Austausche aus %1 geöffnet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a HAR file</source>
        <translation>HAR-Datei öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HAR files (*.har *.json)</source>
        <translation>HAR-Dateien (*.har *.json)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import a curl command</source>
        <translation>curl-Befehl importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste a curl command line:</source>
        <translation>Fügen Sie eine curl-Befehlszeile ein:</translation>
    </message>
</context>
<context>
    <name>Peephole::OptionsEditor</name>
    <message>
        <location filename="../../ui/composer/optionseditor.cpp" line="+13"/>
        <source>Follow redirects</source>
        <translation>Weiterleitungen folgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the server&apos;s TLS certificate</source>
        <translation>TLS-Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow HTTP/2 over TLS</source>
        <translation>HTTP/2 über TLS erlauben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleartext HTTP/2 with prior knowledge (h2c)</source>
        <translation>Unverschlüsseltes HTTP/2 mit Vorwissen (h2c)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No timeout</source>
        <translation>Kein Timeout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra CA certificates (PEM file)</source>
        <translation>Zusätzliche CA-Zertifikate (PEM-Datei)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate (PEM or .p12)</source>
        <translation>Client-Zertifikat (PEM oder .p12)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client key (PEM), when not in the certificate file</source>
        <translation>Client-Schlüssel (PEM), falls nicht in der Zertifikatsdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>http://host:port or socks5://host:port</source>
        <translation>http://host:port oder socks5://host:port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redirect limit:</source>
        <translation>Weiterleitungslimit:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
</context>
<context>
    <name>Peephole::PagedTextView</name>
    <message>
        <location filename="../../ui/details/pagedtextview.cpp" line="+58"/>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>of %1 · bytes %2–%3 of %4</source>
        <translation>von %1 · Bytes %2–%3 von %4</translation>
    </message>
</context>
<context>
    <name>Peephole::ParseError</name>
    <message>
        <location filename="../../core/formats/importreport.cpp" line="+14"/>
        <source>line %1, column %2: </source>
        <translation>Zeile %1, Spalte %2: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line %1: </source>
        <translation>Zeile %1: </translation>
    </message>
</context>
<context>
    <name>Peephole::PostmanDetail::Importer</name>
    <message>
        <location filename="../../core/formats/postmanimporter.cpp" line="+51"/>
        <source>variable value</source>
        <translation>Variablenwert</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Basic auth password</source>
        <translation>Basic-Auth-Passwort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Digest auth password</source>
        <translation>Digest-Auth-Passwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The saved Digest realm and nonce were not imported; Peephole takes them from the server&apos;s challenge.</source>
        <translation>Gespeicherter Digest-Realm und gespeicherte Nonce wurden nicht importiert; Peephole übernimmt sie aus der Challenge des Servers.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OAuth 2 access token</source>
        <translation>OAuth-2-Access-Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The OAuth 2 flow is not supported; its saved access token is sent as a Bearer token.</source>
        <translation>Der OAuth-2-Ablauf wird nicht unterstützt; sein gespeichertes Access-Token wird als Bearer-Token gesendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API key auth on a folder or collection is not supported; add it to the requests.</source>
        <translation>API-Schlüssel-Auth an einem Ordner oder einer Sammlung wird nicht unterstützt; fügen Sie sie den Requests hinzu.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The auth type &quot;%1&quot; is not supported; the request is sent without it.</source>
        <translation>Der Auth-Typ &quot;%1&quot; wird nicht unterstützt; der Request wird ohne ihn gesendet.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 header</source>
        <translation>Header %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The typed multipart Content-Type header was dropped; Peephole sends one with its boundary.</source>
        <translation>Der eingetragene Multipart-Content-Type-Header wurde verworfen; Peephole sendet einen mit eigener Boundary.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pre-request and test scripts are not run by Peephole; they were left out.</source>
        <translation>Pre-Request- und Testskripte werden von Peephole nicht ausgeführt; sie wurden ausgelassen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved example responses were not imported.</source>
        <translation>Gespeicherte Beispiel-Responses wurden nicht importiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither a folder nor a request; skipped.</source>
        <translation>Weder ein Ordner noch ein Request; übersprungen.</translation>
    </message>
    <message>
        <location filename="../../core/formats/postmanparts.cpp" line="+121"/>
        <source>query parameter %1</source>
        <translation>Query-Parameter %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The URL &quot;%1&quot; is not valid; it was kept as text.</source>
        <translation>Die URL &quot;%1&quot; ist ungültig; sie wurde als Text beibehalten.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+12"/>
        <source>The disabled form field &quot;%1&quot; was left out.</source>
        <translation>Das deaktivierte Formularfeld &quot;%1&quot; wurde ausgelassen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The form field &quot;%1&quot; lists several files; only the first was kept.</source>
        <translation>Das Formularfeld &quot;%1&quot; nennt mehrere Dateien; nur die erste wurde übernommen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file of the form field &quot;%1&quot; is not set; the field was left out.</source>
        <translation>Die Datei des Formularfelds &quot;%1&quot; ist nicht gesetzt; das Feld wurde ausgelassen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The body file is not set; the request has no body.</source>
        <translation>Die Body-Datei ist nicht gesetzt; der Request hat keinen Body.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The GraphQL variables are not a JSON object; they were left out.</source>
        <translation>Die GraphQL-Variablen sind kein JSON-Objekt; sie wurden ausgelassen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The body mode &quot;%1&quot; is not supported; the request has no body.</source>
        <translation>Der Body-Modus &quot;%1&quot; wird nicht unterstützt; der Request hat keinen Body.</translation>
    </message>
</context>
<context>
    <name>Peephole::PostmanExporter</name>
    <message>
        <location filename="../../core/formats/postmanexporter.cpp" line="+125"/>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::PostmanImportFlow</name>
    <message>
        <location filename="../../ui/collections/postmanimportflow.cpp" line="+26"/>
        <source>Import a Postman collection</source>
        <translation>Postman-Sammlung importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postman collections (*.json)</source>
        <translation>Postman-Sammlungen (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+20"/>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>%1 could not be imported: %2
Nothing was changed.</source>
        <translation>%1 konnte nicht importiert werden: %2
Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose where to create the collection folder &quot;%1&quot;</source>
        <translation>Wählen Sie, wo der Sammlungsordner &quot;%1&quot; angelegt wird</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1
Nothing was changed.</source>
        <translation>%1
Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Postman collection imported</source>
        <translation>Postman-Sammlung importiert</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n request(s) imported into %1.</source>
        <translation>
            <numerusform>%n Request in %1 importiert.</numerusform>
            <numerusform>%n Requests in %1 importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n item(s) were not carried over exactly: see the details.</source>
        <translation>
            <numerusform>%n Element wurde nicht exakt übernommen: siehe Details.</numerusform>
            <numerusform>%n Elemente wurden nicht exakt übernommen: siehe Details.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 could not be imported: %2</source>
        <translation>%1 konnte nicht importiert werden: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Define these secret variables yourself (e.g. in http-client.private.env.json): %1</source>
        <translation>Definieren Sie diese geheimen Variablen selbst (z. B. in http-client.private.env.json): %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Imported %n request(s) into %1.</source>
        <translation>
            <numerusform>%n Request in %1 importiert.</numerusform>
            <numerusform>%n Requests in %1 importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Peephole::PostmanImporter</name>
    <message>
        <location filename="../../core/formats/postmanimporter.cpp" line="+27"/>
        <source>This is not a Postman collection: the JSON is invalid (%1).</source>
        <translation>Dies ist keine Postman-Sammlung: Das JSON ist ungültig (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is a Postman v1 collection. Export it from Postman as Collection v2.1 and import that file.</source>
        <translation>Dies ist eine Postman-v1-Sammlung. Exportieren Sie sie in Postman als Collection v2.1 und importieren Sie diese Datei.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is not a Postman collection v2.1: &quot;info&quot; or &quot;item&quot; is missing.</source>
        <translation>Dies ist keine Postman-Sammlung v2.1: &quot;info&quot; oder &quot;item&quot; fehlt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown schema &quot;%1&quot;; read as v2.1.</source>
        <translation>Unbekanntes Schema &quot;%1&quot;; als v2.1 gelesen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+2"/>
        <source>collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collection scripts are not run by Peephole; they were left out.</source>
        <translation>Sammlungsskripte werden von Peephole nicht ausgeführt; sie wurden ausgelassen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::RawView</name>
    <message>
        <location filename="../../ui/details/rawview.cpp" line="+23"/>
        <source>[%1 of binary data: see the body tab]</source>
        <translation>[%1 Binärdaten: siehe Body-Tab]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>[… %1 more: see the body tab]</source>
        <translation>[… %1 mehr: siehe Body-Tab]</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>[No response: %1]</source>
        <translation>[Keine Response: %1]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[No response yet]</source>
        <translation>[Noch keine Response]</translation>
    </message>
</context>
<context>
    <name>Peephole::Redirects</name>
    <message>
        <location filename="../../core/http/redirects.cpp" line="+50"/>
        <source>%1 header dropped: the redirect goes from %2 to %3, another origin.</source>
        <translation>Header %1 verworfen: Die Weiterleitung führt von %2 nach %3, einem anderen Origin.</translation>
    </message>
</context>
<context>
    <name>Peephole::Reports</name>
    <message>
        <location filename="../../core/replay/reports.cpp" line="+209"/>
        <source>cannot write the report %1: %2</source>
        <translation>der Bericht %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::ResponseDiffResult</name>
    <message>
        <location filename="../../core/replay/responsediff.cpp" line="+128"/>
        <source>status: expected %1, got %2</source>
        <translation>Status: erwartet %1, erhalten %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>header %1: added &quot;%2&quot;</source>
        <translation>Header %1: hinzugefügt &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>header %1: removed (was &quot;%2&quot;)</source>
        <translation>Header %1: entfernt (war &quot;%2&quot;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>header %1: &quot;%2&quot; -&gt; &quot;%3&quot;</source>
        <translation>Header %1: &quot;%2&quot; -&gt; &quot;%3&quot;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>body %1: added %2</source>
        <translation>Body %1: hinzugefügt %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>body %1: removed (was %2)</source>
        <translation>Body %1: entfernt (war %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>body %1: %2 -&gt; %3</source>
        <translation>Body %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>body (text):</source>
        <translation>Body (Text):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>body (binary): %1 bytes sha256 %2 -&gt; %3 bytes sha256 %4</source>
        <translation>Body (binär): %1 Bytes sha256 %2 -&gt; %3 Bytes sha256 %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>... and %1 more</source>
        <translation>... und %1 weitere</translation>
    </message>
</context>
<context>
    <name>Peephole::ResponseParser</name>
    <message>
        <location filename="../../core/wire/responseparser.cpp" line="+55"/>
        <source>the response head is larger than 1 MiB</source>
        <translation>der Antwortkopf ist größer als 1 MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a chunk-size line is longer than 64 KiB</source>
        <translation>eine Chunk-Größenzeile ist länger als 64 KiB</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the status line &quot;%1&quot; is not HTTP/1.x</source>
        <translation>die Statuszeile &quot;%1&quot; ist kein HTTP/1.x</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the first field line starts with white space</source>
        <translation>die erste Feldzeile beginnt mit Leerraum</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the field line &quot;%1&quot; is not &quot;Name: value&quot;</source>
        <translation>die Feldzeile &quot;%1&quot; hat nicht die Form &quot;Name: Wert&quot;</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the Content-Length &quot;%1&quot; is not one number of bytes</source>
        <translation>die Content-Length &quot;%1&quot; ist keine einzelne Byteanzahl</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the chunk-size line &quot;%1&quot; is not a hexadecimal size</source>
        <translation>die Chunk-Größenzeile &quot;%1&quot; ist keine hexadezimale Größe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a chunk is longer than its size says</source>
        <translation>ein Chunk ist länger als seine Größenangabe</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the connection closed before the response was complete</source>
        <translation>die Verbindung wurde geschlossen, bevor die Antwort vollständig war</translation>
    </message>
</context>
<context>
    <name>Peephole::ResponseReader</name>
    <message>
        <location filename="../../core/http/responsereader.cpp" line="+55"/>
        <source>The body is kept as received: Peephole does not decode Content-Encoding &quot;%1&quot;.</source>
        <translation>Der Body bleibt wie empfangen: Peephole dekodiert Content-Encoding &quot;%1&quot; nicht.</translation>
    </message>
</context>
<context>
    <name>Peephole::RunResultsModel</name>
    <message>
        <location filename="../../ui/collections/runresultsmodel.cpp" line="+81"/>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Peephole::Runner</name>
    <message>
        <location filename="../../core/replay/runner.cpp" line="+45"/>
        <source>a run is already in progress</source>
        <translation>es läuft bereits ein Durchlauf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing to run: the selection holds no request</source>
        <translation>nichts auszuführen: Die Auswahl enthält keinen Request</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot read the environments of %1: %2</source>
        <translation>die Umgebungen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown environment &quot;%1&quot;: the collection has no http-client.env.json</source>
        <translation>unbekannte Umgebung &quot;%1&quot;: Die Sammlung hat keine http-client.env.json</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown environment &quot;%1&quot;; the collection has: %2</source>
        <translation>unbekannte Umgebung &quot;%1&quot;; die Sammlung hat: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run %1 of %2</source>
        <translation>Durchlauf %1 für %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+15"/>
        <source>it is not in the keychain</source>
        <translation>es ist nicht im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <source>no keychain is available</source>
        <translation>kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>no request %1 in %2</source>
        <translation>kein Request %1 in %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the %1 secret of this request is not available from the keychain (%2): %3</source>
        <translation>das %1-Geheimnis dieses Requests ist im Schlüsselbund nicht verfügbar (%2): %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>secret variable &quot;%1&quot; of environment &quot;%2&quot; cannot be read (%3); key %4</source>
        <translation>die geheime Variable &quot;%1&quot; der Umgebung &quot;%2&quot; kann nicht gelesen werden (%3); Schlüssel %4</translation>
    </message>
    <message>
        <location filename="../../core/replay/runnerjudge.cpp" line="+21"/>
        <source>no exchange was recorded for this request</source>
        <translation>für diesen Request wurde kein Austausch aufgezeichnet</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>assertion</source>
        <translation>Assertion</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>assertion &quot;%1&quot; failed: %2</source>
        <translation>Assertion &quot;%1&quot; fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the server answered %1 %2 and no assertion or expected response accepts it</source>
        <translation>der Server antwortete %1 %2, und keine Assertion oder erwartete Response akzeptiert das</translation>
    </message>
</context>
<context>
    <name>Peephole::RunnerView</name>
    <message>
        <location filename="../../ui/collections/runnerview.cpp" line="+21"/>
        <source>Run Results</source>
        <translation>Durchlaufergebnisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel Run</source>
        <translation>Durchlauf abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept Response</source>
        <translation>Response übernehmen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the selected request&apos;s response as its expected response</source>
        <translation>Die Response des ausgewählten Requests als seine erwartete Response speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No run yet: use Run in the Collection panel.</source>
        <translation>Noch kein Durchlauf: Starten Sie einen im Bereich „Sammlung“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run results</source>
        <translation>Durchlaufergebnisse</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>Running %n request(s)…</source>
        <translation>
            <numerusform>%n Request wird ausgeführt…</numerusform>
            <numerusform>%n Requests werden ausgeführt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Running %n request(s) with environment %1…</source>
        <translation>
            <numerusform>%n Request wird mit der Umgebung %1 ausgeführt…</numerusform>
            <numerusform>%n Requests werden mit der Umgebung %1 ausgeführt…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The run did not start: %1</source>
        <translation>Der Durchlauf wurde nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 passed, %2 changed, %3 failed, %4 errors</source>
        <translation>%1 bestanden, %2 geändert, %3 fehlgeschlagen, %4 Fehler</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>, %n skipped</source>
        <translation>
            <numerusform>, %n übersprungen</numerusform>
            <numerusform>, %n übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — %1 ms</source>
        <translation> — %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
</context>
<context>
    <name>Peephole::SecretVariables</name>
    <message>
        <location filename="../../core/collection/secretvariables.cpp" line="+43"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::SecretsDialog</name>
    <message>
        <location filename="../../ui/collections/secretsdialog.cpp" line="+16"/>
        <source>Secrets found in the import</source>
        <translation>Geheimnisse im Import gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The collection holds %n secret(s). They are never written to the collection&apos;s files: requests refer to them as {{variables}}. Checked secrets are moved into the system keychain; for the others, define the variable yourself (for example in http-client.private.env.json).</source>
        <translation>
            <numerusform>Die Sammlung enthält %n Geheimnis. Es wird nie in die Dateien der Sammlung geschrieben: Requests verweisen darauf als {{Variable}}. Ist es markiert, wird es in den Schlüsselbund des Systems verschoben; andernfalls definieren Sie die Variable selbst (zum Beispiel in http-client.private.env.json).</numerusform>
            <numerusform>Die Sammlung enthält %n Geheimnisse. Sie werden nie in die Dateien der Sammlung geschrieben: Requests verweisen darauf als {{Variablen}}. Markierte Geheimnisse werden in den Schlüsselbund des Systems verschoben; für die übrigen definieren Sie die Variable selbst (zum Beispiel in http-client.private.env.json).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2) → {{%3}}</source>
        <translation>%1 (%2) → {{%3}}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>Peephole::ShellWords</name>
    <message>
        <location filename="../../core/formats/shellwords.cpp" line="+222"/>
        <source>The single quote here is never closed. Add the closing &apos; (a &apos; inside single quotes is written &apos;\&apos;&apos;).</source>
        <translation>Das einfache Anführungszeichen hier wird nie geschlossen. Ergänzen Sie das schließende &apos; (ein &apos; innerhalb einfacher Anführungszeichen wird &apos;\&apos;&apos; geschrieben).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The $&apos;...&apos; quote here is never closed. Add the closing &apos;.</source>
        <translation>Das $&apos;...&apos;-Quoting hier wird nie geschlossen. Ergänzen Sie das schließende &apos;.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The double quote here is never closed. Add the closing &quot; (a &quot; inside double quotes is written \&quot;).</source>
        <translation>Das doppelte Anführungszeichen hier wird nie geschlossen. Ergänzen Sie das schließende &quot; (ein &quot; innerhalb doppelter Anführungszeichen wird \&quot; geschrieben).</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The double quote here is never closed. Add the closing &quot;.</source>
        <translation>Das doppelte Anführungszeichen hier wird nie geschlossen. Ergänzen Sie das schließende &quot;.</translation>
    </message>
</context>
<context>
    <name>Peephole::TimelineActions</name>
    <message>
        <location filename="../../ui/mainwindow/timelineactions.cpp" line="+62"/>
        <source>Save the response body</source>
        <translation>Response-Body speichern</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the body to %1: %2</source>
        <translation>Der Body konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Peephole::TimelineFilter</name>
    <message>
        <location filename="../../ui/timeline/timelinefilter.cpp" line="+187"/>
        <source>The term &apos;%1&apos; at character %2 has no value. Examples: status:404, status:4xx, method:POST, host:example.com, type:json, is:error.</source>
        <translation>Der Ausdruck &apos;%1&apos; bei Zeichen %2 hat keinen Wert. Beispiele: status:404, status:4xx, method:POST, host:example.com, type:json, is:error.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&apos;%1&apos; in the term &apos;%2&apos; at character %3 is not a status. Use a code (404), a class (4xx) or &apos;error&apos;.</source>
        <translation>&apos;%1&apos; im Ausdruck &apos;%2&apos; bei Zeichen %3 ist kein Status. Verwenden Sie einen Code (404), eine Klasse (4xx) oder &apos;error&apos;.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&apos;%1&apos; in the term &apos;%2&apos; at character %3 is unknown. Use is:error, is:auth, is:redirect, is:pending or is:hop.</source>
        <translation>&apos;%1&apos; im Ausdruck &apos;%2&apos; bei Zeichen %3 ist unbekannt. Verwenden Sie is:error, is:auth, is:redirect, is:pending oder is:hop.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The term &apos;%1&apos; at character %2 has no value.</source>
        <translation>Der Ausdruck &apos;%1&apos; bei Zeichen %2 hat keinen Wert.</translation>
    </message>
</context>
<context>
    <name>Peephole::TimelineModel</name>
    <message>
        <location filename="../../ui/timeline/timelinemodel.cpp" line="+29"/>
        <location line="+3"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Authentication challenge: see the Auth tab for the parsed challenges</source>
        <translation>Authentifizierungs-Challenge: Die geparsten Challenges stehen im Auth-Tab</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hop %1 of chain %2</source>
        <translation>Hop %1 der Kette %2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waterfall</source>
        <translation>Wasserfall</translation>
    </message>
</context>
<context>
    <name>Peephole::TimelineView</name>
    <message>
        <location filename="../../ui/timeline/timelineview.cpp" line="+131"/>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as cURL</source>
        <translation>Als cURL kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit and Resend…</source>
        <translation>Bearbeiten und erneut senden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Response Body As…</source>
        <translation>Response-Body speichern unter…</translation>
    </message>
</context>
<context>
    <name>Peephole::Timing</name>
    <message>
        <location filename="../../ui/timeline/statuscolors.cpp" line="+59"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect + TLS</source>
        <translation>Verbindung + TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting (TTFB)</source>
        <translation>Warten (TTFB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
</context>
<context>
    <name>Peephole::TimingView</name>
    <message>
        <location filename="../../ui/details/timingview.cpp" line="+13"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+33"/>
        <location line="+31"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>No timing information.</source>
        <translation>Keine Zeitinformationen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
</context>
<context>
    <name>Peephole::TlsView</name>
    <message>
        <location filename="../../ui/details/tlsview.cpp" line="+49"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No TLS session was recorded for this exchange.</source>
        <translation>Für diesen Austausch wurde keine TLS-Sitzung aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not encrypted: this exchange used plain HTTP.</source>
        <translation>Nicht verschlüsselt: Dieser Austausch verwendete unverschlüsseltes HTTP.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher</source>
        <translation>Cipher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disabled for this request: the certificate was not checked.</source>
        <translation>Für diesen Request deaktiviert: Das Zertifikat wurde nicht geprüft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Failed (%n error(s))</source>
        <translation>
            <numerusform>Fehlgeschlagen (%n Fehler)</numerusform>
            <numerusform>Fehlgeschlagen (%n Fehler)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate chain (%1)</source>
        <translation>Zertifikatskette (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (leaf)</source>
        <translation>%1 (Blatt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(expired)</source>
        <translation>(abgelaufen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not yet valid)</source>
        <translation>(noch nicht gültig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alternative names</source>
        <translation>Alternative Namen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>opaque</source>
        <translation>opak</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, %2 bits</source>
        <translation>%1, %2 Bit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-1 fingerprint</source>
        <translation>SHA-1-Fingerabdruck</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Self-signed</source>
        <translation>Selbstsigniert</translation>
    </message>
</context>
<context>
    <name>Peephole::Transfer</name>
    <message>
        <location filename="../../core/http/transfer.cpp" line="+81"/>
        <source>&quot;%1&quot; is not an http:// or https:// URL with a host.</source>
        <translation>&quot;%1&quot; ist keine http://- oder https://-URL mit Host.</translation>
    </message>
    <message>
        <source>The body is kept as received: Peephole does not decode Content-Encoding &quot;%1&quot;.</source>
        <translation type="vanished">Der Body bleibt wie empfangen: Peephole dekodiert Content-Encoding &quot;%1&quot; nicht.</translation>
    </message>
    <message>
        <location line="+285"/>
        <source>Redirect to &quot;%1&quot;: only http and https are followed.</source>
        <translation>Weiterleitung auf &quot;%1&quot;: Nur http und https wird gefolgt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped after %1 redirects, the limit for this request. The next hop would have been %2. Raise the limit if this is expected.</source>
        <translation>Nach %1 Weiterleitungen angehalten, dem Limit für diesen Request. Der nächste Hop wäre %2 gewesen. Erhöhen Sie das Limit, falls das erwartet ist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Redirect loop: %1 was already requested in this chain.</source>
        <translation>Weiterleitungsschleife: %1 wurde in dieser Kette bereits angefragt.</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+41"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Peephole::Variables</name>
    <message>
        <location filename="../../core/collection/variables.cpp" line="+86"/>
        <source>In the %1: {{%2}} needs two whole numbers MIN MAX with MIN &lt; MAX.</source>
        <translation>%1: {{%2}} benötigt zwei ganze Zahlen MIN MAX mit MIN &lt; MAX.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In the %1: write {{$randomInt}} or {{$randomInt MIN MAX}}, not {{%2}}.</source>
        <translation>%1: Schreiben Sie {{$randomInt}} oder {{$randomInt MIN MAX}}, nicht {{%2}}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>In the %1: {{%2}} is not a dynamic variable Peephole knows ($uuid, $timestamp, $isoTimestamp, $randomInt).</source>
        <translation>%1: {{%2}} ist keine dynamische Variable, die Peephole kennt ($uuid, $timestamp, $isoTimestamp, $randomInt).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>In the %1: &quot;{{&quot; at character %2 is never closed with &quot;}}&quot;. Close the variable reference or remove the braces.</source>
        <translation>%1: &quot;{{&quot; bei Zeichen %2 wird nie mit &quot;}}&quot; geschlossen. Schließen Sie den Variablenverweis oder entfernen Sie die Klammern.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>In the %1: &quot;{{}}&quot; names no variable.</source>
        <translation>%1: &quot;{{}}&quot; nennt keine Variable.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The variable {{%1}} in the %2 is not defined in the request, folder, collection or environment.</source>
        <translation>Die Variable {{%1}} (in: %2) ist weder im Request noch im Ordner, in der Sammlung oder in der Umgebung definiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The variable {{%1}} (used by {{%2}}) in the %3 is not defined in the request, folder, collection or environment.</source>
        <translation>Die Variable {{%1}} (verwendet von {{%2}}, in: %3) ist weder im Request noch im Ordner, in der Sammlung oder in der Umgebung definiert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>In the %1: the variable {{%2}} refers to itself (%3).</source>
        <translation>%1: Die Variable {{%2}} verweist auf sich selbst (%3).</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+8"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After replacing its variables the URL &quot;%1&quot; is not a valid absolute URL%2.</source>
        <translation>Nach dem Ersetzen ihrer Variablen ist die URL &quot;%1&quot; keine gültige absolute URL%2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>header name</source>
        <translation>Header-Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>value of header %1</source>
        <translation>Wert von Header %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>body file path</source>
        <translation>Pfad der Body-Datei</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>form field name</source>
        <translation>Formularfeldname</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>form field %1</source>
        <translation>Formularfeld %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>multipart field name</source>
        <translation>Multipart-Feldname</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>multipart field %1</source>
        <translation>Multipart-Feld %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>auth user</source>
        <translation>Auth-Benutzer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>auth password</source>
        <translation>Auth-Passwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>auth token</source>
        <translation>Auth-Token</translation>
    </message>
</context>
<context>
    <name>Peephole::WaterfallDelegate</name>
    <message>
        <location filename="../../ui/timeline/waterfalldelegate.cpp" line="+78"/>
        <source>%1: %2 ms</source>
        <translation>%1: %2 ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Total: %1 ms</source>
        <translation>Gesamt: %1 ms</translation>
    </message>
</context>
<context>
    <name>Peephole::WelcomePage</name>
    <message>
        <location filename="../../ui/welcome/welcomepage.cpp" line="+18"/>
        <source>&lt;h3&gt;Nothing sent yet&lt;/h3&gt;&lt;p&gt;Type a URL above and press &lt;b&gt;Ctrl+Enter&lt;/b&gt;. Every exchange — each redirect hop, each 401/407 challenge and its answer — appears here as its own row, with headers, raw bytes, body and timing on the right.&lt;/p&gt;&lt;p&gt;Paste a &lt;b&gt;curl&lt;/b&gt; command into the URL field to fill the request, or open a &lt;b&gt;HAR&lt;/b&gt; file saved by a browser to inspect it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch nichts gesendet&lt;/h3&gt;&lt;p&gt;Geben Sie oben eine URL ein und drücken Sie &lt;b&gt;Strg+Eingabe&lt;/b&gt;. Jeder Austausch — jeder Weiterleitungs-Hop, jede 401/407-Challenge und ihre Beantwortung — erscheint hier als eigene Zeile, mit Headern, Rohdaten, Body und Zeiten rechts daneben.&lt;/p&gt;&lt;p&gt;Fügen Sie einen &lt;b&gt;curl&lt;/b&gt;-Befehl in das URL-Feld ein, um den Request auszufüllen, oder öffnen Sie eine von einem Browser gespeicherte &lt;b&gt;HAR&lt;/b&gt;-Datei, um sie zu untersuchen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a HAR file…</source>
        <translation>HAR-Datei öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a curl command…</source>
        <translation>curl-Befehl importieren…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../core/http/bodystore.cpp" line="+21"/>
        <source>Cannot write the response body to %1: %2</source>
        <translation>Der Antwortinhalt konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot read the request body file %1: %2</source>
        <translation>Die Request-Body-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot create a temporary file for a large body in %1: %2</source>
        <translation>Für einen großen Inhalt konnte in %1 keine temporäre Datei angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot write body data to %1: %2</source>
        <translation>Inhaltsdaten konnten nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+64"/>
        <source>Peephole, a native HTTP request inspector.</source>
        <translation>Peephole, ein nativer HTTP-Request-Inspektor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serve the built-in demo API on 127.0.0.1 and offer its requests.</source>
        <translation>Die eingebaute Demo-API auf 127.0.0.1 bereitstellen und ihre Requests anbieten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A HAR file to open as a timeline, or a collection folder to open.</source>
        <translation>Eine HAR-Datei, die als Zeitleiste geöffnet wird, oder ein zu öffnender Sammlungsordner.</translation>
    </message>
    <message>
        <source>A HAR file to open as a timeline.</source>
        <translation type="vanished">Eine HAR-Datei, die als Zeitleiste geöffnet wird.</translation>
    </message>
</context>
</TS>
