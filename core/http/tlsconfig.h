#pragma once

#include "http/requestspec.h"

#include <QSslConfiguration>

namespace Peephole {

/// The TLS configuration for a request's options: extra CA file, client
/// certificate (PEM or PKCS#12), verification. On a problem with one of the
/// files, returns false and a message naming the file and the cause.
bool buildTlsConfiguration(const RequestOptions &options, QSslConfiguration *config, QString *error);

/// One line per certificate: subject, issuer, validity, SHA-256 fingerprint.
QString describeCertificate(const QSslCertificate &cert);

} // namespace Peephole
