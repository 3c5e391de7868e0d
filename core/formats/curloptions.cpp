#include "formats/curlparser_p.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Peephole::CurlDetail {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::CurlCommand", text);
}

const QHash<QString, OptInfo> &longOptions()
{
    static const QHash<QString, OptInfo> table = {
        {u"request"_s, {Opt::Request, true}},
        {u"header"_s, {Opt::Header, true}},
        {u"data"_s, {Opt::Data, true}},
        {u"data-ascii"_s, {Opt::Data, true}},
        {u"data-raw"_s, {Opt::DataRaw, true}},
        {u"data-binary"_s, {Opt::DataBinary, true}},
        {u"data-urlencode"_s, {Opt::DataUrlencode, true}},
        {u"json"_s, {Opt::Json, true}},
        {u"form"_s, {Opt::Form, true}},
        {u"form-string"_s, {Opt::FormString, true}},
        {u"user"_s, {Opt::User, true}},
        {u"digest"_s, {Opt::Digest, false}},
        {u"basic"_s, {Opt::Basic, false}},
        {u"anyauth"_s, {Opt::AnyAuth, false}},
        {u"ntlm"_s, {Opt::OtherAuth, false}},
        {u"negotiate"_s, {Opt::OtherAuth, false}},
        {u"oauth2-bearer"_s, {Opt::Bearer, true}},
        {u"cookie"_s, {Opt::Cookie, true}},
        {u"insecure"_s, {Opt::Insecure, false}},
        {u"location"_s, {Opt::Location, false}},
        {u"location-trusted"_s, {Opt::Location, false}},
        {u"max-redirs"_s, {Opt::MaxRedirs, true}},
        {u"compressed"_s, {Opt::Compressed, false}},
        {u"get"_s, {Opt::Get, false}},
        {u"head"_s, {Opt::Head, false}},
        {u"url"_s, {Opt::Url, true}},
        {u"user-agent"_s, {Opt::UserAgent, true}},
        {u"referer"_s, {Opt::Referer, true}},
        {u"http1.0"_s, {Opt::Http10, false}},
        {u"http1.1"_s, {Opt::Http11, false}},
        {u"http2"_s, {Opt::Http2, false}},
        {u"http2-prior-knowledge"_s, {Opt::Http2Prior, false}},
        {u"http3"_s, {Opt::Http3, false}},
        {u"http3-only"_s, {Opt::Http3, false}},
        {u"proxy"_s, {Opt::Proxy, true}},
        {u"proxy-user"_s, {Opt::ProxyUser, true}},
        {u"connect-timeout"_s, {Opt::ConnectTimeout, true}},
        {u"max-time"_s, {Opt::MaxTime, true}},
        {u"cacert"_s, {Opt::CaCert, true}},
        {u"cert"_s, {Opt::Cert, true}},
        {u"key"_s, {Opt::Key, true}},
        {u"pass"_s, {Opt::Pass, true}},
        {u"upload-file"_s, {Opt::UploadFile, true}},
        {u"range"_s, {Opt::Range, true}},
        // Output and progress: nothing to carry over, nothing lost.
        {u"silent"_s, {Opt::Silent, false}},
        {u"show-error"_s, {Opt::Silent, false}},
        {u"verbose"_s, {Opt::Silent, false}},
        {u"include"_s, {Opt::Silent, false}},
        {u"progress-bar"_s, {Opt::Silent, false}},
        {u"no-progress-meter"_s, {Opt::Silent, false}},
        {u"no-buffer"_s, {Opt::Silent, false}},
        {u"globoff"_s, {Opt::Silent, false}},
        {u"path-as-is"_s, {Opt::Silent, false}},
        // Known options that Peephole does not carry over.
        {u"output"_s, {Opt::IgnoredWithArg, true}},
        {u"write-out"_s, {Opt::IgnoredWithArg, true}},
        {u"retry"_s, {Opt::IgnoredWithArg, true}},
        {u"retry-delay"_s, {Opt::IgnoredWithArg, true}},
        {u"retry-max-time"_s, {Opt::IgnoredWithArg, true}},
        {u"resolve"_s, {Opt::IgnoredWithArg, true}},
        {u"connect-to"_s, {Opt::IgnoredWithArg, true}},
        {u"limit-rate"_s, {Opt::IgnoredWithArg, true}},
        {u"cookie-jar"_s, {Opt::IgnoredWithArg, true}},
        {u"dump-header"_s, {Opt::IgnoredWithArg, true}},
        {u"trace"_s, {Opt::IgnoredWithArg, true}},
        {u"trace-ascii"_s, {Opt::IgnoredWithArg, true}},
        {u"stderr"_s, {Opt::IgnoredWithArg, true}},
        {u"config"_s, {Opt::IgnoredWithArg, true}},
        {u"interface"_s, {Opt::IgnoredWithArg, true}},
        {u"proxy-header"_s, {Opt::IgnoredWithArg, true}},
        {u"output-dir"_s, {Opt::IgnoredWithArg, true}},
        {u"remote-name"_s, {Opt::IgnoredFlag, false}},
        {u"remote-header-name"_s, {Opt::IgnoredFlag, false}},
        {u"fail"_s, {Opt::IgnoredFlag, false}},
        {u"fail-with-body"_s, {Opt::IgnoredFlag, false}},
        {u"ipv4"_s, {Opt::IgnoredFlag, false}},
        {u"ipv6"_s, {Opt::IgnoredFlag, false}},
        {u"tlsv1.2"_s, {Opt::IgnoredFlag, false}},
        {u"tlsv1.3"_s, {Opt::IgnoredFlag, false}},
        {u"tcp-nodelay"_s, {Opt::IgnoredFlag, false}},
        {u"no-keepalive"_s, {Opt::IgnoredFlag, false}},
        {u"proxy-insecure"_s, {Opt::IgnoredFlag, false}},
        {u"junk-session-cookies"_s, {Opt::IgnoredFlag, false}},
        {u"raw"_s, {Opt::IgnoredFlag, false}},
    };
    return table;
}

const QHash<QChar, QString> &shortOptions()
{
    static const QHash<QChar, QString> table = {
        {u'X', u"request"_s},      {u'H', u"header"_s},
        {u'd', u"data"_s},         {u'F', u"form"_s},
        {u'u', u"user"_s},         {u'b', u"cookie"_s},
        {u'k', u"insecure"_s},     {u'L', u"location"_s},
        {u'G', u"get"_s},          {u'I', u"head"_s},
        {u'A', u"user-agent"_s},   {u'e', u"referer"_s},
        {u'x', u"proxy"_s},        {u'U', u"proxy-user"_s},
        {u'm', u"max-time"_s},     {u'E', u"cert"_s},
        {u'T', u"upload-file"_s},  {u'r', u"range"_s},
        {u's', u"silent"_s},       {u'S', u"show-error"_s},
        {u'v', u"verbose"_s},      {u'i', u"include"_s},
        {u'#', u"progress-bar"_s}, {u'N', u"no-buffer"_s},
        {u'g', u"globoff"_s},      {u'o', u"output"_s},
        {u'w', u"write-out"_s},    {u'c', u"cookie-jar"_s},
        {u'D', u"dump-header"_s},  {u'K', u"config"_s},
        {u'O', u"remote-name"_s},  {u'J', u"remote-header-name"_s},
        {u'f', u"fail"_s},         {u'4', u"ipv4"_s},
        {u'6', u"ipv6"_s},         {u'j', u"junk-session-cookies"_s},
        {u'0', u"http1.0"_s},
    };
    return table;
}

/// One piece of -d/--data-* in the order given.
} // namespace Peephole::CurlDetail
