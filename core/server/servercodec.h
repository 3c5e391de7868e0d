#pragma once

#include <QByteArray>
#include <QByteArrayView>

/// Small self-contained encoders the test/demo server needs (no zlib link).
namespace Peephole::ServerCodec {

/// CRC-32 (IEEE 802.3, as in gzip and PNG). Pass the previous value to continue a running CRC.
quint32 crc32(QByteArrayView data, quint32 previous = 0);
/// Adler-32 (as in zlib streams). Pass the previous value (start: 1) to continue.
quint32 adler32(QByteArrayView data, quint32 previous = 1);
/// A gzip member (RFC 1952) holding @p data, deflated with qCompress().
QByteArray gzip(QByteArrayView data);

} // namespace Peephole::ServerCodec
